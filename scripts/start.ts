/**
 * `npm start`: the whole product on one machine with no Auth0 account — the local tenant, the
 * proxy (the production path: SPA → proxy → Management API) and the SPA (Vite dev server),
 * configured against each other. Ctrl-C stops everything.
 *
 * TENANT_PORT (4010), PROXY_PORT (4020) and APP_PORT (5173) move them. ORGSCOPE_MODE=direct
 * skips the proxy: the SPA then calls the tenant's Management API with its own token, which only
 * a tenant like this local one issues.
 *
 * For the end-to-end tests only: LOCAL_TENANT_FAULTS=1 serves the tenant's fault switches at
 * /__faults (server/local-tenant/management/fault-control.ts), and UPSTREAM_TIMEOUT_MS shortens
 * the proxy's wait for the tenant (default 10 s).
 */
import { createServer } from 'vite'
import {
  DASHBOARD_API_AUDIENCE,
  DEMO_ADMINS,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
  SPA_CLIENT_ID,
} from '../server/local-tenant/config'
import { startLocalTenant } from '../server/local-tenant/serve'
import { loadProxyConfig } from '../server/proxy/config'
import { startProxy } from '../server/proxy/serve'
import { LOCAL_DASHBOARD_URL } from './local-dashboard-url'

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const appPort = port('APP_PORT', 5173)
const appOrigin = `http://127.0.0.1:${appPort}`
const direct = process.env.ORGSCOPE_MODE === 'direct'
const faults = process.env.LOCAL_TENANT_FAULTS === '1'

const tenant = await startLocalTenant({
  port: port('TENANT_PORT', 4010),
  appOrigins: [appOrigin],
  faults,
})
const proxy = direct
  ? undefined
  : await startProxy(
      loadProxyConfig({
        AUTH0_DOMAIN: tenant.origin,
        AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
        AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
        AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
        ALLOWED_ORIGINS: appOrigin,
        PORT: String(port('PROXY_PORT', 4020)),
        UPSTREAM_TIMEOUT_MS: process.env.UPSTREAM_TIMEOUT_MS,
      }),
    )

// Vite hands VITE_* variables from the environment to the SPA, exactly like a .env file would.
Object.assign(process.env, {
  VITE_AUTH0_DOMAIN: tenant.origin,
  VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
  VITE_AUTH0_AUDIENCE: proxy ? DASHBOARD_API_AUDIENCE : `${tenant.origin}/api/v2/`,
  VITE_API_BASE_URL: `${proxy?.origin ?? tenant.origin}/api/v2`,
  VITE_AUTH0_DASHBOARD_URL: process.env.VITE_AUTH0_DASHBOARD_URL ?? LOCAL_DASHBOARD_URL,
})
const vite = await createServer({
  server: { port: appPort, host: '127.0.0.1', strictPort: true },
})
await vite.listen()

console.log(`
  Orgscope is running on the local tenant${proxy ? ', through the proxy' : ' (direct mode)'}.

  Open        ${appOrigin}
  Tenant      ${tenant.origin}${proxy ? `\n  Proxy       ${proxy.origin}   (audit log lines below)` : ''}${faults ? `\n  Faults      ${tenant.origin}/__faults   (fault switches ON: tests only)` : ''}

  Demo accounts (password for each: ${DEMO_ADMINS[0]?.password}):
${DEMO_ADMINS.map((admin) => `    ${admin.email.padEnd(22)} ${admin.permissions.join(', ')}`).join('\n')}

  Ctrl-C stops everything.
`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await Promise.allSettled([vite.close(), tenant.close(), proxy?.close()])
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
