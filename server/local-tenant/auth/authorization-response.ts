import type { Context } from 'hono'
import type { AuthorizeRequest } from './authorize-request'
import { html, jsonForScript } from './html'
import { httpOriginOf } from './origins'
import { htmlPage, noStore } from './pages'

export type AuthorizationResult = { code: string } | { error: string; error_description: string }

export const LOGIN_REQUIRED = { error: 'login_required', error_description: 'Login required' }

/**
 * Answers the application the way it asked to be answered: `query` redirects to redirect_uri;
 * `web_message` returns a page that posts the result to the window that opened it — the
 * parent of auth0-spa-js's hidden iframe, or the opener of its popup — and only to the
 * redirect_uri's origin, so no other page can read the code.
 */
export function respondToApplication(
  c: Context,
  request: AuthorizeRequest,
  result: AuthorizationResult,
): Response {
  const response = { ...result, state: request.state }
  if (request.responseMode === 'web_message') {
    const targetOrigin = httpOriginOf(request.redirectUri) ?? 'null'
    const message = { type: 'authorization_response', response }
    return htmlPage(c, {
      title: 'Signing in…',
      body: html``,
      script: html`(window.opener || window.parent).postMessage(${jsonForScript(message)},
      ${jsonForScript(targetOrigin)})`,
      frameAncestors: targetOrigin,
    })
  }
  const location = new URL(request.redirectUri)
  for (const [name, value] of Object.entries(response)) location.searchParams.set(name, value)
  noStore(c)
  return c.redirect(location.href, 302)
}
