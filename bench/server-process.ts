/**
 * The bench's servers, in a process of their own (as in production, and so the browser driver's
 * work never delays an answer): the local tenant and the proxy serving the built SPA, both over
 * HTTPS with HTTP/2 — what a browser gets from a real Auth0 tenant and from the proxy behind a
 * TLS front. The proxy hands its upstream requests to the tenant's handler directly.
 *
 * Started by servers.ts with its configuration in BENCH_SERVER_CONFIG; answers `plan` messages
 * (a rate-limit switch) and stops when its parent disconnects.
 */
import { serve } from '@hono/node-server'
import { createSecureServer } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { createLocalTenant } from '../server/local-tenant/app'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
  type RateLimitConfig,
} from '../server/local-tenant/config'
import { setManagementApiSettings } from '../server/local-tenant/management/settings'
import { createProxyApp } from '../server/proxy/app'
import { loadProxyConfig } from '../server/proxy/config'
import { directoryFiles } from '../server/proxy/serve'

export interface ServerProcessConfig {
  tenantPort: number
  proxyPort: number
  staticDir: string
  key: string
  cert: string
  rateLimit: RateLimitConfig
  latencyMs: number
}

export type ParentMessage = { type: 'plan'; id: number; plan: RateLimitConfig }
/** `ready` carries no origins: the parent chose the ports, and built the SPA for them, first. */
export type ChildMessage = { type: 'ready' } | { type: 'done'; id: number }

/** `rawPath`: the request target as received (the proxy refuses `..` segments by it). */
type Handler = (request: Request, rawPath: string | undefined) => Response | Promise<Response>

/** HTTPS, HTTP/2 when the browser offers it (it does), HTTP/1.1 otherwise. */
function listen(
  handler: Handler,
  port: number,
  tls: { key: string; cert: string },
): Promise<ReturnType<typeof serve>> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (request, env: { incoming?: { url?: string } } | undefined) =>
          handler(request, env?.incoming?.url),
        hostname: '127.0.0.1',
        port,
        createServer: createSecureServer,
        serverOptions: { ...tls, allowHTTP1: true },
      },
      () => resolve(server),
    )
    server.once('error', reject)
  })
}

const config = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? '{}') as ServerProcessConfig
const tls = { key: config.key, cert: config.cert }
const tenantOrigin = `https://127.0.0.1:${config.tenantPort}`
const appOrigin = `https://127.0.0.1:${config.proxyPort}`

const tenant = await createLocalTenant(
  defaultTenantConfig({
    origin: tenantOrigin,
    appOrigins: [appOrigin],
    rateLimit: config.rateLimit,
    latencyMs: config.latencyMs,
  }),
)
const tenantHandler: Handler = (request) => tenant.app.fetch(request)

const proxy = createProxyApp(
  loadProxyConfig({
    AUTH0_DOMAIN: tenantOrigin,
    AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
    AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
    AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
    ALLOWED_ORIGINS: appOrigin,
    PORT: String(config.proxyPort),
  }),
  {
    // The audit log would drown the report.
    log: () => {},
    staticFiles: await directoryFiles(config.staticDir),
    // Straight to the tenant's handler, as the proxy's own tests do: the 80 ms of latency stand
    // for the network and Auth0's work, and the tenant's HTTP serving (Auth0's CPU, not ours)
    // then costs this machine nothing the browser needs.
    fetch: async (request) => tenant.app.fetch(request),
  },
)
const proxyHandler: Handler = (request, rawPath) => proxy.fetch(request, { rawPath })

const servers = await Promise.all([
  listen(tenantHandler, config.tenantPort, tls),
  listen(proxyHandler, config.proxyPort, tls),
])
for (const server of servers) {
  const { port } = server.address() as AddressInfo
  if (!port) throw new Error('A bench server did not start.')
}

const send = (message: ChildMessage) => process.send?.(message)
process.on('message', (message: ParentMessage) => {
  if (message.type !== 'plan') return
  setManagementApiSettings(tenant, { rateLimit: message.plan })
  send({ type: 'done', id: message.id })
})
process.on('disconnect', () => {
  for (const server of servers) server.close()
  process.exit(0)
})
send({ type: 'ready' })
