import { startLocalTenant } from './serve'

/**
 * `npm run tenant`: the local tenant alone, in the foreground.
 * TENANT_PORT (default 4010) and APP_ORIGINS (comma-separated, default http://127.0.0.1:5173).
 * LOCAL_TENANT_FAULTS=1 serves the fault switches at /__faults, for tests only.
 */
const port = Number(process.env.TENANT_PORT ?? 4010)
const appOrigins = (process.env.APP_ORIGINS ?? 'http://127.0.0.1:5173')
  .split(',')
  .map((origin) => origin.trim())

const faults = process.env.LOCAL_TENANT_FAULTS === '1'

const { origin } = await startLocalTenant({ port, appOrigins, faults })
console.log(`Local tenant on ${origin} (apps: ${appOrigins.join(', ')})`)
if (faults) console.log(`Fault switches ON: ${origin}/__faults (tests only)`)
