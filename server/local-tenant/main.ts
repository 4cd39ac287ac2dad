import { serve } from '@hono/node-server'
import { createLocalTenant } from './app'
import { defaultTenantConfig } from './config'

/**
 * `npm run tenant`: the local tenant alone, in the foreground.
 * TENANT_PORT (default 4010) and APP_ORIGINS (comma-separated, default http://127.0.0.1:5173).
 */
const port = Number(process.env.TENANT_PORT ?? 4010)
const appOrigins = (process.env.APP_ORIGINS ?? 'http://127.0.0.1:5173')
  .split(',')
  .map((s) => s.trim())
const origin = `http://127.0.0.1:${port}`

const tenant = await createLocalTenant(defaultTenantConfig({ origin, appOrigins }))
serve({ fetch: tenant.app.fetch, hostname: '127.0.0.1', port }, () => {
  console.log(`Local tenant on ${origin} (apps: ${appOrigins.join(', ')})`)
})
