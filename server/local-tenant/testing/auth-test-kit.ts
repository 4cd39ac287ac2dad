/**
 * Helpers for the auth tests: a tenant on http://tenant.test serving an app on http://app.test,
 * and a tiny cookie-keeping browser that drives it through `tenant.fetch`.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createLocalJWKSet } from 'jose'
import { createLocalTenant, type LocalTenant } from '../app'
import {
  DEMO_ADMINS,
  defaultTenantConfig,
  managementAudienceOf,
  SPA_CLIENT_ID,
  type TenantAdmin,
} from '../config'

export const TENANT_ORIGIN = 'http://tenant.test'
export const APP_ORIGIN = 'http://app.test'
export const REDIRECT_URI = `${APP_ORIGIN}/`
export const MANAGEMENT_AUDIENCE = managementAudienceOf({ origin: TENANT_ORIGIN })

function demoAdmin(email: string): TenantAdmin {
  const admin = DEMO_ADMINS.find((candidate) => candidate.email === email)
  if (!admin) throw new Error(`No demo admin ${email}`)
  return admin
}

export const ADA = demoAdmin('ada@orgscope.test')
/** Lacks read:organizations. */
export const SAM = demoAdmin('sam@orgscope.test')
/** Reads memberships; lacks read:organization_members and read:organization_member_roles. */
export const RAE = demoAdmin('rae@orgscope.test')
/** Reads memberships and an organization's members; lacks read:organization_member_roles. */
export const MO = demoAdmin('mo@orgscope.test')

export async function createTestTenant(options: { now?: () => number } = {}): Promise<LocalTenant> {
  const config = defaultTenantConfig({ origin: TENANT_ORIGIN, appOrigins: [APP_ORIGIN] })
  return createLocalTenant(config, options)
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

/** The /authorize query auth0-spa-js sends for a redirect sign-in; `undefined` drops a parameter. */
export function authorizeQuery(
  challenge: string,
  overrides: Record<string, string | undefined> = {},
): string {
  const params: Record<string, string | undefined> = {
    client_id: SPA_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    response_mode: 'query',
    // What the SPA asks for (AUTH_SCOPE in src/app/providers.tsx).
    scope: 'openid profile email read:users read:organizations read:organization_member_roles',
    audience: MANAGEMENT_AUDIENCE,
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    auth0Client: 'eyJuYW1lIjoiYXV0aDAtcmVhY3QifQ==',
    ...overrides,
  }
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  )
  return `/authorize?${new URLSearchParams(entries).toString()}`
}

/** Keeps the tenant's cookies between requests, like a browser on tenant.test. */
export class TestBrowser {
  readonly #tenant: LocalTenant
  readonly #cookies = new Map<string, string>()

  constructor(tenant: LocalTenant) {
    this.#tenant = tenant
  }

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  get(path: string): Promise<Response> {
    return this.request(path, { method: 'GET' })
  }

  post(path: string, form: Record<string, string>, headers: HeadersInit = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    })
  }

  async request(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.#cookies.size > 0) headers.set('Cookie', this.cookieHeader)
    const response = await this.#tenant.fetch(
      new Request(new URL(path, TENANT_ORIGIN), { ...init, headers }),
    )
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value === '' || /max-age=0/i.test(line)) this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    return response
  }

  /** Submits the sign-in form on `page` as a person would: its hidden fields plus credentials. */
  async submitSignIn(page: Response, email: string, password: string): Promise<Response> {
    return this.post('/u/login', { ...hiddenFields(await page.text()), email, password })
  }

  /** Signs in through the page /authorize shows, then follows the redirect back to /authorize. */
  async signIn(authorizePath: string, admin: TenantAdmin = ADA): Promise<Response> {
    const signedIn = await this.submitSignIn(
      await this.get(authorizePath),
      admin.email,
      admin.password,
    )
    return this.get(locationOf(signedIn))
  }
}

export function locationOf(response: Response): string {
  const location = response.headers.get('location')
  if (location === null) throw new Error(`Expected a redirect, got ${response.status}`)
  return location
}

/** The query parameters of the redirect back to the application. */
export function redirectParams(response: Response): URLSearchParams {
  return new URL(locationOf(response)).searchParams
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

export function hiddenFields(page: string): Record<string, string> {
  const decode = (value: string) =>
    value.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ENTITY[e] ?? e)
  const fields = page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)
  return Object.fromEntries([...fields].map(([, name = '', value = '']) => [name, decode(value)]))
}

/** The message a web_message page posts, and the origin it posts to. */
export function postedMessage(page: string): { message: unknown; targetOrigin: unknown } {
  const match = /postMessage\((.*),\s*("[^"]*")\)/s.exec(page)
  if (!match?.[1] || !match[2]) throw new Error('No postMessage call on the page')
  return { message: JSON.parse(match[1]), targetOrigin: JSON.parse(match[2]) }
}

export function postToken(
  tenant: LocalTenant,
  params: Record<string, string>,
  headers: HeadersInit = {},
): Promise<Response> {
  return tenant.fetch(
    new Request(`${TENANT_ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Auth0-Client': 'eyJuYW1lIjoiYXV0aDAtc3BhLWpzIn0=',
        ...headers,
      },
      body: new URLSearchParams(params).toString(),
    }),
  )
}

/** Signs Ada in (or `admin`) and returns a fresh authorization code with its verifier. */
export async function signedInCode(
  tenant: LocalTenant,
  overrides: Record<string, string | undefined> = {},
  admin: TenantAdmin = ADA,
): Promise<{ code: string; verifier: string; browser: TestBrowser }> {
  const { verifier, challenge } = pkcePair()
  const browser = new TestBrowser(tenant)
  const code = redirectParams(
    await browser.signIn(authorizeQuery(challenge, overrides), admin),
  ).get('code')
  if (!code) throw new Error('No code in the redirect')
  return { code, verifier, browser }
}

export function exchangeCode(
  tenant: LocalTenant,
  code: string,
  verifier: string,
  overrides: Record<string, string> = {},
): Promise<Response> {
  return postToken(tenant, {
    grant_type: 'authorization_code',
    client_id: SPA_CLIENT_ID,
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    ...overrides,
  })
}

/** The key set the tenant serves, as any relying party would fetch it. */
export async function servedKeySet(
  tenant: LocalTenant,
): Promise<ReturnType<typeof createLocalJWKSet>> {
  const response = await tenant.fetch(new Request(`${TENANT_ORIGIN}/.well-known/jwks.json`))
  return createLocalJWKSet(await response.json())
}
