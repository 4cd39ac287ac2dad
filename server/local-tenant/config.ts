/**
 * Who exists on the local tenant: its origin, the applications allowed to use it, the admins who
 * can sign in, and how hard the Management API rate limit bites. Everything else (users,
 * organizations) is seed data.
 */
import { MANAGEMENT_ROUTES } from '../shared/management-routes'

export interface TenantClient {
  clientId: string
  name: string
  /** `spa` clients use PKCE; `confidential` clients authenticate with a secret. */
  kind: 'spa' | 'confidential'
  clientSecret?: string
  /** Origins allowed as redirect_uri / returnTo prefixes, web origins for the silent iframe, and CORS. */
  allowedOrigins: string[]
  /**
   * `confidential` clients only: the Management API scopes its client-credentials tokens carry
   * (stands in for an Auth0 client grant). No grant, no client-credentials token.
   */
  grantedScopes?: string[]
}

export interface TenantAdmin {
  sub: string
  email: string
  name: string
  password: string
  picture?: string
  /** Management API scopes this admin's tokens carry (stands in for Auth0 RBAC grants). */
  permissions: string[]
}

export interface RateLimitConfig {
  /** Bucket size: requests allowed in a burst. */
  burst: number
  /** Sustained rate: tokens added back per second. */
  refillPerSecond: number
}

export interface TenantConfig {
  /** e.g. `http://127.0.0.1:4010` — no trailing slash. The token issuer is `${origin}/`. */
  origin: string
  clients: TenantClient[]
  admins: TenantAdmin[]
  rateLimit: RateLimitConfig
  accessTokenTtlSeconds: number
  /** Milliseconds added before every Management API answer (benchmarks simulate a real network). */
  latencyMs: number
  /**
   * Whether the lists Auth0 pages both ways (`GET /users/{id}/organizations`,
   * `GET /organizations`, `GET /organizations/{id}/members`) page by checkpoint (`from`/`take`)
   * as its reference documents. Off, the tenant acts like one without the feature: it refuses
   * them.
   */
  checkpointPaging: boolean
}

export const SPA_CLIENT_ID = 'orgscope-spa'
/**
 * The Management API scopes the tenant knows, those the route table's endpoints need: what the
 * APIs define, what Ada holds and what the proxy's client is granted.
 */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(Object.values(MANAGEMENT_ROUTES).flatMap((route) => route.anyOf)),
]

/**
 * The Orgscope proxy's machine-to-machine client: it trades these credentials for a Management
 * API token (client credentials). A demo secret, like the admins' passwords: the local tenant
 * starts afresh each time and holds nothing real.
 */
export const PROXY_CLIENT_ID = 'orgscope-proxy'
export const PROXY_CLIENT_SECRET = 'proxy-secret'

/**
 * The identifier of the dashboard's own API (Auth0 "APIs"), the audience of the admin tokens the
 * proxy accepts. An identifier, not a URL anything is served from; it does not follow the origin.
 */
export const DASHBOARD_API_AUDIENCE = 'https://orgscope/api'

export const DEMO_ADMINS: TenantAdmin[] = [
  {
    sub: 'auth0|admin-ada',
    email: 'ada@orgscope.test',
    name: 'Ada Admin',
    password: 'orgscope-demo',
    permissions: [...ALL_SCOPES],
  },
  {
    sub: 'auth0|admin-sam',
    email: 'sam@orgscope.test',
    name: 'Sam Support (no read:organizations)',
    password: 'orgscope-demo',
    permissions: ['read:users'],
  },
  {
    // Reads memberships but not the roles in them: every row of the roles column names the scope.
    // Nor an organization's members: the organization page's members table answers 403.
    sub: 'auth0|admin-rae',
    email: 'rae@orgscope.test',
    name: 'Rae Reviewer (no read:organization_member_roles)',
    password: 'orgscope-demo',
    permissions: ['read:users', 'read:organizations'],
  },
  {
    // Reads an organization's members but not their roles: fields=roles answers 403, so the
    // organization page lists the members without roles and names the missing scope.
    sub: 'auth0|admin-mo',
    email: 'mo@orgscope.test',
    name: 'Mo Members (no read:organization_member_roles)',
    password: 'orgscope-demo',
    permissions: ['read:users', 'read:organizations', 'read:organization_members'],
  },
]

export function issuerOf(config: Pick<TenantConfig, 'origin'>): string {
  return `${config.origin}/`
}

export function managementAudienceOf(config: Pick<TenantConfig, 'origin'>): string {
  return `${config.origin}/api/v2/`
}

export function defaultTenantConfig(options: {
  origin: string
  appOrigins: string[]
  rateLimit?: RateLimitConfig
  latencyMs?: number
  checkpointPaging?: boolean
}): TenantConfig {
  return {
    origin: options.origin.replace(/\/+$/, ''),
    clients: [
      {
        clientId: SPA_CLIENT_ID,
        name: 'Orgscope',
        kind: 'spa',
        allowedOrigins: options.appOrigins,
      },
      {
        clientId: PROXY_CLIENT_ID,
        name: 'Orgscope proxy',
        kind: 'confidential',
        clientSecret: PROXY_CLIENT_SECRET,
        // A server: it never runs in a browser, so no origin may call the tenant as it.
        allowedOrigins: [],
        grantedScopes: [...ALL_SCOPES],
      },
    ],
    admins: DEMO_ADMINS,
    // Auth0 Enterprise, "Read User's Organizations": burst 40, 500 per minute.
    rateLimit: options.rateLimit ?? { burst: 40, refillPerSecond: 500 / 60 },
    accessTokenTtlSeconds: 3600,
    latencyMs: options.latencyMs ?? 0,
    checkpointPaging: options.checkpointPaging ?? true,
  }
}
