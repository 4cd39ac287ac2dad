import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ALL_SCOPES, type TenantAdmin, type TenantConfig } from '../config'
import { authorizeParams, type AuthorizeRequest } from './authorize-request'
import { html, type SafeHtml } from './html'
import { htmlPage } from './pages'

export const LOGIN_PATH = '/u/login'
export const WRONG_CREDENTIALS = 'Wrong email or password.'

export interface LoginPageState {
  request: AuthorizeRequest
  /** Echoed back after a failed attempt so the admin only retypes the password. */
  email?: string
  error?: string
}

/**
 * The sign-in form. Plain HTML that works without JavaScript; the authorize parameters ride
 * along in hidden fields, so the tenant keeps no half-finished logins.
 */
export function loginPage(
  c: Context,
  config: TenantConfig,
  state: LoginPageState,
  status: ContentfulStatusCode = 200,
): Response {
  const email = state.email ?? ''
  const hidden = [...authorizeParams(state.request)].map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  )
  return htmlPage(c, {
    title: 'Sign in to Orgscope (local tenant)',
    status,
    body: html`<main>
      <h1>Sign in to Orgscope (local tenant)</h1>
      <p class="muted">
        This tenant stands in for Auth0 on your machine. Sign in as one of the demo admins below.
      </p>
      ${state.error && html`<p role="alert" class="error">${state.error}</p>`}
      <form method="post" action="${LOGIN_PATH}">
        ${hidden}
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${email}"
          ${email === '' && html`autofocus`}
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          ${email !== '' && html`autofocus`}
        />
        <button type="submit">Continue</button>
      </form>
      <h2 id="demo-admins">Demo admins</h2>
      <ul aria-labelledby="demo-admins">
        ${config.admins.map(demoAdmin)}
      </ul>
    </main>`,
  })
}

function demoAdmin(admin: TenantAdmin): SafeHtml {
  const lacking = ALL_SCOPES.filter((scope) => !admin.permissions.includes(scope))
  const abilities = [
    `Can ${admin.permissions.join(', ') || 'do nothing'}`,
    ...(lacking.length > 0 ? [`lacks ${lacking.join(', ')}`] : []),
  ].join('; ')
  return html`<li>
    <strong>${admin.name}</strong><br />
    Email <code>${admin.email}</code>, password <code>${admin.password}</code><br />
    ${abilities}
  </li>`
}
