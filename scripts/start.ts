/**
 * `npm start`: the whole product on one machine with no Auth0 account — the local tenant and the
 * SPA (Vite dev server) configured against each other. Ctrl-C stops both.
 *
 * TENANT_PORT (default 4010) and APP_PORT (default 5173) move them.
 */
import { createServer } from 'vite'
import { DEMO_ADMINS, SPA_CLIENT_ID } from '../server/local-tenant/config'
import { startLocalTenant } from '../server/local-tenant/serve'

const tenantPort = Number(process.env.TENANT_PORT ?? 4010)
const appPort = Number(process.env.APP_PORT ?? 5173)
const appOrigin = `http://127.0.0.1:${appPort}`

const tenant = await startLocalTenant({ port: tenantPort, appOrigins: [appOrigin] })

// Vite hands VITE_* variables from the environment to the SPA, exactly like a .env file would.
Object.assign(process.env, {
  VITE_AUTH0_DOMAIN: tenant.origin,
  VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
  VITE_AUTH0_AUDIENCE: `${tenant.origin}/api/v2/`,
  VITE_API_BASE_URL: `${tenant.origin}/api/v2`,
})
const vite = await createServer({ server: { port: appPort, host: '127.0.0.1', strictPort: true } })
await vite.listen()

console.log(`
  Orgscope is running on the local tenant.

  Open        ${appOrigin}
  Tenant      ${tenant.origin}

  Demo accounts (password for each: ${DEMO_ADMINS[0]?.password}):
${DEMO_ADMINS.map((admin) => `    ${admin.email.padEnd(22)} ${admin.permissions.join(', ')}`).join('\n')}

  Ctrl-C stops everything.
`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await Promise.allSettled([vite.close(), tenant.close()])
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
