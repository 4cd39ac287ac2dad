import { serve } from '@hono/node-server'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import { createLocalTenant, type LocalTenant } from './app'
import { defaultTenantConfig, type RateLimitConfig } from './config'
import type { TenantBindings } from './management/faults'

export interface RunningTenant {
  tenant: LocalTenant
  origin: string
  close: () => Promise<void>
}

/**
 * Starts the local tenant on 127.0.0.1:port over HTTP and resolves once it listens. `faults`
 * serves the fault switches at /__faults (management/fault-control.ts): for end-to-end tests only.
 */
export async function startLocalTenant(options: {
  port: number
  appOrigins: string[]
  rateLimit?: RateLimitConfig
  latencyMs?: number
  faults?: boolean
}): Promise<RunningTenant> {
  const origin = `http://127.0.0.1:${options.port}`
  const tenant = await createLocalTenant(defaultTenantConfig({ ...options, origin }), {
    faultControl: options.faults === true,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: (request, env) => {
          const bindings: TenantBindings = {
            // A dropped connection: the socket closes with no status line, and Hono is told
            // the answer has been dealt with.
            dropConnection: () => {
              env.outgoing.destroy()
              return RESPONSE_ALREADY_SENT.clone()
            },
          }
          return tenant.app.fetch(request, bindings)
        },
        hostname: '127.0.0.1',
        port: options.port,
      },
      () => resolve(s),
    )
    s.once('error', reject)
  })
  return {
    tenant,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
