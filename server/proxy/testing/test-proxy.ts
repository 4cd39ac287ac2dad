/**
 * For the proxy's tests: a real local tenant on http://tenant.test (the default config, as
 * `npm start` runs it) behind a proxy on http://proxy.test, admin tokens minted by that tenant
 * for the dashboard's API, and a record of what the proxy sent upstream and logged.
 */
import type { Hono } from 'hono'
import { createLocalTenant, type LocalTenant } from '../../local-tenant/app'
import {
  ADA,
  APP_ORIGIN,
  MO,
  RAE,
  SAM,
  TENANT_ORIGIN,
} from '../../local-tenant/testing/auth-test-kit'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
  SPA_CLIENT_ID,
  type RateLimitConfig,
  type TenantAdmin,
} from '../../local-tenant/config'
import type { AccessTokenRequest } from '../../local-tenant/tokens'
import { createProxyApp, type ProxyBindings } from '../app'
import type { AuditEntry } from '../audit-log'
import { tenantEndpoints, type ProxyConfig } from '../config'
import { generateCountersignJwk } from '../countersign-key'
import type { Fetch } from '../fetch'
import type { StaticFiles } from '../static-site'

// The tenant's own test kit names the origins and admins: the proxy's tests share them.
export { ADA, APP_ORIGIN, MO, RAE, SAM, TENANT_ORIGIN }
export const PROXY_ORIGIN = 'http://proxy.test'

/**
 * A countersigning key for the test run, as an operator configures one: with it the proxy logs
 * no warning of a key made at start (countersigner.ts), so tests of the log see only their lines.
 */
const TEST_COUNTERSIGN_JWK = generateCountersignJwk()

/** The proxy's configuration for tests: the local tenant's clients, an ephemeral port. */
export function testConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    tenant: tenantEndpoints(TENANT_ORIGIN),
    audience: DASHBOARD_API_AUDIENCE,
    clientId: PROXY_CLIENT_ID,
    clientSecret: PROXY_CLIENT_SECRET,
    allowedOrigins: [APP_ORIGIN],
    host: '127.0.0.1',
    port: 0,
    upstreamTimeoutMs: 10_000,
    staticDir: undefined,
    countersignJwk: TEST_COUNTERSIGN_JWK,
    ...overrides,
  }
}

/** Stands between the proxy and the tenant: passes a request on (`tenant`), or fails it. */
export type UpstreamHook = (request: Request, tenant: Fetch) => Promise<Response>

export interface TestProxy {
  tenant: LocalTenant
  app: Hono<{ Bindings: ProxyBindings }>
  /** What the proxy sent upstream, in order (clones, so bodies can be read). */
  upstream: Request[]
  /** Every line the proxy logged. */
  logLines: string[]
  /** The lookup lines, parsed. */
  auditEntries: () => (AuditEntry & { event: string })[]
  /** Requests that reached the Management API (not the token endpoint or the key set). */
  managementRequests: () => Request[]
  /** A token for the dashboard's API, as the tenant issues `admin` (Ada by default). */
  mint: (overrides?: Partial<AccessTokenRequest> & { admin?: TenantAdmin }) => Promise<string>
  /** A request to the proxy; with Ada's token unless `token` says otherwise (null: none). */
  get: (
    path: string,
    options?: { token?: string | null; headers?: Record<string, string>; rawPath?: string },
  ) => Promise<Response>
  request: (request: Request, bindings?: ProxyBindings) => Promise<Response>
}

export async function createTestProxy(
  options: {
    config?: Partial<ProxyConfig>
    upstream?: UpstreamHook
    now?: () => number
    rateLimit?: RateLimitConfig
    staticFiles?: StaticFiles
  } = {},
): Promise<TestProxy> {
  const tenant = await createLocalTenant(
    defaultTenantConfig({
      origin: TENANT_ORIGIN,
      appOrigins: [APP_ORIGIN],
      // Generous, so only the tests about rate limits (which pass their own) see a 429.
      rateLimit: options.rateLimit ?? { burst: 100_000, refillPerSecond: 100_000 },
    }),
    options.now ? { now: options.now } : {},
  )
  const upstream: Request[] = []
  const logLines: string[] = []
  const hook = options.upstream ?? ((request, pass) => pass(request))
  const app = createProxyApp(testConfig(options.config), {
    fetch: (request) => {
      upstream.push(request.clone())
      return hook(request, tenant.fetch)
    },
    log: (line) => logLines.push(line),
    ...(options.now && { now: options.now }),
    ...(options.staticFiles && { staticFiles: options.staticFiles }),
  })
  const request: TestProxy['request'] = async (req, bindings) => app.fetch(req, bindings)
  const mint: TestProxy['mint'] = ({ admin = ADA, ...overrides } = {}) =>
    tenant.mintAccessToken({
      sub: admin.sub,
      clientId: SPA_CLIENT_ID,
      audience: DASHBOARD_API_AUDIENCE,
      scope: ['openid', 'profile', 'email', ...admin.permissions],
      permissions: admin.permissions,
      // Tokens follow the tenant's clock, so tests that move time keep them valid.
      issuedAt: Math.floor(tenant.now() / 1000),
      ...overrides,
    })
  const adaToken = await mint()

  return {
    tenant,
    app,
    upstream,
    logLines,
    auditEntries: () =>
      logLines
        .map((line) => JSON.parse(line) as AuditEntry & { event: string })
        .filter((entry) => entry.event === 'lookup'),
    managementRequests: () =>
      upstream.filter((r) => new URL(r.url).pathname.startsWith('/api/v2/')),
    mint,
    get: (path, { token = adaToken, headers = {}, rawPath } = {}) =>
      request(
        new Request(`${PROXY_ORIGIN}${path}`, {
          headers: { ...(token !== null && { Authorization: `Bearer ${token}` }), ...headers },
        }),
        rawPath !== undefined ? { rawPath } : undefined,
      ),
    request,
  }
}

/** The path of a user (or its organizations), encoded exactly as the SPA encodes it. */
export const userPath = (userId: string, suffix = ''): string =>
  `/api/v2/users/${encodeURIComponent(userId)}${suffix}`

/** A port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('No port')
  return address.port
}
