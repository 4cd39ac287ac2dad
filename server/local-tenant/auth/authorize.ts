import type { Context } from 'hono'
import type { AuthContext } from './auth-context'
import { LOGIN_REQUIRED, respondToApplication } from './authorization-response'
import { parseAuthorizeRequest, type AuthorizeRequest } from './authorize-request'
import { findAdmin } from './credentials'
import { loginPage } from './login-page'
import { errorPage } from './pages'
import type { Session } from './sessions'

/** GET /authorize: a code for a signed-in browser, otherwise the sign-in page (or login_required). */
export function handleAuthorize(c: Context, context: AuthContext): Response {
  const parsed = parseAuthorizeRequest(context.config, new URL(c.req.url).searchParams)
  if (!parsed.ok) return errorPage(c, 400, parsed.title, parsed.detail)
  const { request } = parsed

  const session = request.prompt === 'login' ? undefined : context.sessions.current(c)
  if (session && findAdmin(context.config, session.sub)) {
    return respondToApplication(c, request, { code: issueCode(context, request, session) })
  }
  if (request.prompt === 'none') return respondToApplication(c, request, LOGIN_REQUIRED)
  return loginPage(c, context.config, { request })
}

function issueCode(context: AuthContext, request: AuthorizeRequest, session: Session): string {
  const authorization = {
    clientId: request.client.clientId,
    sub: session.sub,
    sid: session.sid,
    authTime: session.authTime,
    audience: request.audience,
    scope: request.scope,
    nonce: request.nonce,
  }
  return context.codes.issue(
    { authorization, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge },
    context.now(),
  )
}
