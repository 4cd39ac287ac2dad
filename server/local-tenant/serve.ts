import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import { createLocalTenant, type LocalTenant } from './app'
import { defaultTenantConfig, type RateLimitConfig } from './config'
import type { TenantBindings } from './management/faults'
import { listen, type Tls } from '../shared/listen'

export interface RunningTenant {
  tenant: LocalTenant
  origin: string
  close: () => Promise<void>
}

/**
 * Starts the local tenant on 127.0.0.1:port over HTTP (HTTPS given `tls`) and resolves once it
 * listens. `faults` serves the fault switches at /__faults (management/fault-control.ts): for
 * end-to-end tests only; `membershipControl` serves /__faults/memberships alone (app.ts).
 */
export async function startLocalTenant(options: {
  port: number
  appOrigins: string[]
  rateLimit?: RateLimitConfig
  latencyMs?: number
  faults?: boolean
  membershipControl?: boolean
  tls?: Tls
}): Promise<RunningTenant> {
  const scheme = options.tls ? 'https' : 'http'
  const tenant = await createLocalTenant(
    defaultTenantConfig({ ...options, origin: `${scheme}://127.0.0.1:${options.port}` }),
    {
      faultControl: options.faults === true,
      membershipControl: options.membershipControl === true,
    },
  )
  const { origin, close } = await listen(
    (request, env) => {
      const bindings: TenantBindings = {
        // A dropped connection: the socket closes with no status line, and Hono is told the
        // answer has been dealt with.
        dropConnection: () => {
          env.outgoing.destroy()
          return RESPONSE_ALREADY_SENT.clone()
        },
      }
      return tenant.app.fetch(request, bindings)
    },
    { hostname: '127.0.0.1', port: options.port, tls: options.tls },
  )
  return { tenant, origin, close }
}
