/**
 * `npm start`: the whole product on one machine with no Auth0 account — the local tenant, the
 * proxy (the production path: SPA → proxy → Management API) and the SPA (Vite dev server),
 * configured against each other. Ctrl-C stops everything.
 *
 * TENANT_PORT (4010), PROXY_PORT (4020) and APP_PORT (5173) move them. ORGSCOPE_MODE=direct
 * skips the proxy: the SPA then calls the tenant's Management API with its own token, which only
 * a tenant like this local one issues.
 *
 * Memberships can be added and removed over HTTP (/__faults/memberships, never from a web page).
 * For the end-to-end tests only: LOCAL_TENANT_FAULTS=1 serves the tenant's fault switches at
 * /__faults (server/local-tenant/management/fault-control.ts), and UPSTREAM_TIMEOUT_MS shortens
 * the proxy's wait for the tenant (default 10 s).
 *
 * The servers come from server/local-environment (as for the e2e production build and the bench),
 * their ports from its one port plan.
 */
import { createServer } from 'vite'
import { localCountersignKey } from '../server/local-environment/countersign-key-file'
import { startLocalEnvironment } from '../server/local-environment/environment'
import { portsOf } from '../server/local-environment/ports'
import { DEMO_ADMINS } from '../server/local-tenant/config'
import { LOCAL_DASHBOARD_URL } from './local-dashboard-url'

const ports = portsOf('start')
const faults = process.env.LOCAL_TENANT_FAULTS === '1'
const upstreamTimeout = process.env.UPSTREAM_TIMEOUT_MS?.trim()
const environment = await startLocalEnvironment({
  mode: process.env.ORGSCOPE_MODE === 'direct' ? 'direct' : 'proxy',
  ports,
  faults,
  // Add and remove memberships by hand (README, "Things to try"): safe on this machine's stand-in
  // tenant, and it takes no call from a web page.
  membershipControl: true,
  upstreamTimeoutMs: upstreamTimeout ? Number(upstreamTimeout) : undefined,
  // One key kept across restarts, so an evidence pack countersigned yesterday still verifies.
  countersignPrivateJwk: await localCountersignKey(),
})
const { tenantOrigin, proxyOrigin } = environment

// Vite hands VITE_* variables from the environment to the SPA, exactly like a .env file would.
Object.assign(process.env, {
  ...environment.viteEnv,
  VITE_AUTH0_DASHBOARD_URL: process.env.VITE_AUTH0_DASHBOARD_URL ?? LOCAL_DASHBOARD_URL,
})
const vite = await createServer({
  server: { port: ports.app, host: '127.0.0.1', strictPort: true },
  // A dependency cache of its own: dev servers started together (the e2e run starts three) would
  // otherwise each swap the shared one for theirs, and a page asks for chunks that are gone.
  cacheDir: `node_modules/.vite/app-${ports.app}`,
})
await vite.listen()

console.log(`
  Orgscope is running on the local tenant${proxyOrigin ? ', through the proxy' : ' (direct mode)'}.

  Open        ${environment.origins.app}
  Tenant      ${tenantOrigin}${proxyOrigin ? `\n  Proxy       ${proxyOrigin}   (audit log lines below)` : ''}
  Memberships ${tenantOrigin}/__faults/memberships   (add and remove one: README, "Things to try")${faults ? `\n  Faults      ${tenantOrigin}/__faults   (fault switches ON: tests only)` : ''}

  Demo accounts (password for each: ${DEMO_ADMINS[0]?.password}):
${DEMO_ADMINS.map((admin) => `    ${admin.email.padEnd(22)} ${admin.permissions.join(', ')}`).join('\n')}

  Ctrl-C stops everything.
`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await Promise.allSettled([vite.close(), environment.close()])
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
