import type { Context } from 'hono'
import type { AuthContext } from './auth-context'
import { findClient } from './credentials'
import { html } from './html'
import { isOnAllowedOrigin } from './origins'
import { errorPage, htmlPage } from './pages'

/**
 * GET /v2/logout: ends the tenant session first — whatever else is wrong with the request, the
 * person asked to be signed out — then returns to `returnTo` only if it belongs to the client
 * (or, without client_id, to any client of the tenant).
 */
export function handleLogout(c: Context, context: AuthContext): Response {
  context.sessions.end(c)
  const returnTo = c.req.query('returnTo')
  if (returnTo === undefined) {
    return htmlPage(c, {
      title: 'Signed out',
      body: html`<main>
        <h1>You are signed out</h1>
        <p class="muted">You can close this tab.</p>
      </main>`,
    })
  }
  const clientId = c.req.query('client_id')
  const clients =
    clientId === undefined
      ? context.config.clients
      : [findClient(context.config, clientId)].filter((client) => client !== undefined)
  const allowedOrigins = clients.flatMap((client) => client.allowedOrigins)
  if (!isOnAllowedOrigin(returnTo, allowedOrigins)) {
    return errorPage(
      c,
      400,
      'Return URL not allowed',
      `You are signed out, but "${returnTo}" is not an allowed return URL, so you stay here.`,
    )
  }
  return c.redirect(returnTo, 302)
}
