import { serve } from '@hono/node-server'
import { createLocalTenant, type LocalTenant } from './app'
import { defaultTenantConfig, type RateLimitConfig } from './config'

export interface RunningTenant {
  tenant: LocalTenant
  origin: string
  close: () => Promise<void>
}

/** Starts the local tenant on 127.0.0.1:port over HTTP and resolves once it listens. */
export async function startLocalTenant(options: {
  port: number
  appOrigins: string[]
  rateLimit?: RateLimitConfig
  latencyMs?: number
}): Promise<RunningTenant> {
  const origin = `http://127.0.0.1:${options.port}`
  const tenant = await createLocalTenant(defaultTenantConfig({ ...options, origin }))
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: tenant.app.fetch, hostname: '127.0.0.1', port: options.port }, () =>
      resolve(s),
    )
    s.once('error', reject)
  })
  return {
    tenant,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
