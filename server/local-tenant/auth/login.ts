import type { Context } from 'hono'
import type { AuthContext } from './auth-context'
import { authorizeParams, parseAuthorizeRequest } from './authorize-request'
import { readBodyParams } from './body-params'
import { authenticateAdmin } from './credentials'
import { loginPage, WRONG_CREDENTIALS } from './login-page'
import { errorPage } from './pages'

/**
 * POST /u/login: checks the credentials, starts the tenant session and sends the browser back
 * to /authorize with the original parameters, which then answers the application.
 */
export async function handleLogin(c: Context, context: AuthContext): Promise<Response> {
  // Browsers send Origin on form posts: refusing foreign ones stops another site from signing
  // a visitor in to an account of its choosing (login CSRF).
  const origin = c.req.header('origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    return errorPage(c, 403, 'Sign-in refused', 'The form was posted from another site.')
  }
  const form = (await readBodyParams(c)) ?? new URLSearchParams()
  const parsed = parseAuthorizeRequest(context.config, form)
  if (!parsed.ok) return errorPage(c, 400, parsed.title, parsed.detail)
  const { request } = parsed

  const email = form.get('email') ?? ''
  const admin = authenticateAdmin(context.config, email, form.get('password') ?? '')
  if (!admin) {
    return loginPage(c, context.config, { request, email, error: WRONG_CREDENTIALS }, 400)
  }
  context.sessions.start(c, admin.sub)
  return c.redirect(`/authorize?${authorizeParams(request).toString()}`, 302)
}
