import { startLocalTenant } from './serve'

/**
 * `npm run tenant`: the local tenant alone, in the foreground.
 * TENANT_PORT (default 4010) and APP_ORIGINS (comma-separated, default http://127.0.0.1:5173).
 */
const port = Number(process.env.TENANT_PORT ?? 4010)
const appOrigins = (process.env.APP_ORIGINS ?? 'http://127.0.0.1:5173')
  .split(',')
  .map((origin) => origin.trim())

const { origin } = await startLocalTenant({ port, appOrigins })
console.log(`Local tenant on ${origin} (apps: ${appOrigins.join(', ')})`)
