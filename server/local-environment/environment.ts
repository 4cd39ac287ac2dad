/**
 * The product's whole server side on one machine with no Auth0 account: the local tenant and, in
 * proxy mode, the proxy in front of it (the production path: SPA → proxy → Management API),
 * configured against each other, and the VITE_* variables that point the SPA at them. `npm start`
 * (scripts/start.ts), the e2e production build (e2e/support/production-build.ts) and the bench
 * (bench/servers.ts, server-process.ts) each start theirs here, on ports from ./ports.ts.
 *
 * Why in server/: scripts/, e2e/ and bench/ import server/ already, and server/ imports none of
 * them; it composes the tenant and the proxy without either importing the other; its test runs in
 * vitest's node project (server/**). Development only: the proxy's production entry is main.ts.
 */
import {
  DASHBOARD_API_AUDIENCE,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
  SPA_CLIENT_ID,
} from '../local-tenant/config'
import type { RateLimitConfig } from '../local-tenant/config'
import type { LocalTenant } from '../local-tenant/app'
import { startLocalTenant } from '../local-tenant/serve'
import type { AuditSink } from '../proxy/audit-log'
import { loadProxyConfig } from '../proxy/config'
import { startProxy, type RunningProxy } from '../proxy/serve'
import type { Tls } from '../shared/listen'
import type { Ports } from './ports'

/** Plain data but for an `auditLog` sink (the bench sends the rest to another process as JSON). */
export interface LocalEnvironmentOptions<P extends Ports = Ports> {
  /**
   * `proxy`: the SPA calls the proxy with tokens for the dashboard's API. `direct`: no proxy; the
   * SPA calls the tenant's Management API with its own token, which only a tenant like this
   * local one issues.
   */
  mode: 'proxy' | 'direct'
  /** `app` and `preview` are where the SPA will be served: the tenant and the proxy allow them. */
  ports: P
  /** Serve the tenant's fault switches at /__faults: for end-to-end tests only. */
  faults?: boolean
  /**
   * Serve /__faults/memberships alone, to add and remove memberships by hand or from a test
   * (server/local-tenant/management/membership-control.ts); `faults` implies it.
   */
  membershipControl?: boolean
  /** A built SPA the proxy serves beside its API (its origin is then allowed too). */
  staticDir?: string
  /** The proxy's wait for the tenant (default 10 s). */
  upstreamTimeoutMs?: number
  /** Serve HTTPS (and HTTP/2) instead of HTTP. */
  tls?: Tls
  rateLimit?: RateLimitConfig
  /** Milliseconds added before every Management API answer. */
  latencyMs?: number
  /** The proxy hands its upstream requests straight to the tenant's handler, not over HTTP. */
  inProcessUpstream?: boolean
  /** The proxy's audit lines on stdout (the default), nowhere, or to a sink of the caller's. */
  auditLog?: boolean | AuditSink
  /**
   * The proxy's countersigning key, a private JWK as JSON (COUNTERSIGN_PRIVATE_JWK); none: one
   * made at start (countersign-key-file.ts keeps one across restarts).
   */
  countersignPrivateJwk?: string
}

export interface LocalEnvironmentPlan<P extends Ports = Ports> {
  /** The origin of each port: `origins.app` for `ports.app`. */
  origins: Record<keyof P, string>
  tenantOrigin: string
  /** Proxy mode only. */
  proxyOrigin?: string
  /** Where the SPA calls the Management API: the proxy's, or in direct mode the tenant's. */
  apiBaseUrl: string
  /** For a Vite dev server or build of the SPA (read from the environment, as a .env file). */
  viteEnv: {
    VITE_AUTH0_DOMAIN: string
    VITE_AUTH0_CLIENT_ID: string
    VITE_AUTH0_AUDIENCE: string
    VITE_API_BASE_URL: string
  }
}

export interface LocalEnvironment<P extends Ports = Ports> extends LocalEnvironmentPlan<P> {
  tenant: LocalTenant
  close: () => Promise<void>
}

/**
 * The origins and the SPA's variables, before anything starts: a production build needs them
 * first, and the proxy then serves that build.
 */
export function planLocalEnvironment<P extends Ports>(
  options: LocalEnvironmentOptions<P>,
): LocalEnvironmentPlan<P> {
  const scheme = options.tls ? 'https' : 'http'
  const origins = Object.fromEntries(
    Object.entries(options.ports).map(([name, port]) => [name, `${scheme}://127.0.0.1:${port}`]),
  ) as Record<keyof Ports, string | undefined>
  const tenantOrigin = `${origins.tenant}`
  const proxyOrigin = options.mode === 'proxy' ? origins.proxy : undefined
  if (options.mode === 'proxy' && !proxyOrigin) throw new Error('Proxy mode needs a proxy port.')
  const apiBaseUrl = `${proxyOrigin ?? tenantOrigin}/api/v2`
  return {
    origins: origins as Record<keyof P, string>,
    tenantOrigin,
    proxyOrigin,
    apiBaseUrl,
    viteEnv: {
      VITE_AUTH0_DOMAIN: tenantOrigin,
      VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
      VITE_AUTH0_AUDIENCE: proxyOrigin ? DASHBOARD_API_AUDIENCE : `${tenantOrigin}/api/v2/`,
      VITE_API_BASE_URL: apiBaseUrl,
    },
  }
}

/** Starts the tenant, then the proxy; resolves once both listen. */
export async function startLocalEnvironment<P extends Ports>(
  options: LocalEnvironmentOptions<P>,
): Promise<LocalEnvironment<P>> {
  const plan = planLocalEnvironment(options)
  const { ports, staticDir, tls, faults, membershipControl, rateLimit, latencyMs } = options
  const { origins, proxyOrigin } = plan as LocalEnvironmentPlan
  // Every origin the SPA is served from: the tenant lets it sign in, the proxy lets it call.
  const appOrigins = [
    staticDir === undefined ? undefined : proxyOrigin,
    origins.app,
    origins.preview,
  ].filter((origin) => origin !== undefined)
  const running = await startLocalTenant({
    port: ports.tenant,
    appOrigins,
    faults,
    membershipControl,
    rateLimit,
    latencyMs,
    tls,
  })
  let proxy: RunningProxy | undefined
  try {
    proxy =
      proxyOrigin === undefined
        ? undefined
        : await startProxy(
            loadProxyConfig({
              AUTH0_DOMAIN: running.origin,
              AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
              AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
              AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
              ALLOWED_ORIGINS: appOrigins.join(','),
              PORT: String(ports.proxy),
              UPSTREAM_TIMEOUT_MS: options.upstreamTimeoutMs?.toString(),
              STATIC_DIR: staticDir,
              COUNTERSIGN_PRIVATE_JWK: options.countersignPrivateJwk,
            }),
            {
              ...(options.auditLog === false && { log: () => {} }),
              ...(typeof options.auditLog === 'function' && { log: options.auditLog }),
              ...(options.inProcessUpstream && {
                fetch: async (request: Request) => running.tenant.app.fetch(request),
              }),
            },
            tls,
          )
  } catch (error) {
    await running.close()
    throw error
  }
  return {
    ...plan,
    tenant: running.tenant,
    close: async () => {
      await Promise.allSettled([proxy?.close(), running.close()])
    },
  }
}
