import type { RateLimitConfig } from '../config'
import type { TenantContext } from '../context'

export interface ManagementApiSettings {
  rateLimit?: RateLimitConfig
  /** Added before every Management API answer; 0 for none. */
  latencyMs?: number
  /** Checkpoint paging on the lists that have it; off acts out a tenant without it. */
  checkpointPaging?: boolean
}

/**
 * Changes the Management API's rate limit, latency and checkpoint paging while the tenant runs (benchmarks and
 * fault tests switch plans mid-run). The routes read `context.config` on every request, so
 * assigning there directly works too; this validates first. A new rate limit refills every
 * bucket.
 *
 *   setManagementApiSettings(tenant, { rateLimit: { burst: 2, refillPerSecond: 2 }, latencyMs: 150 })
 */
export function setManagementApiSettings(
  context: Pick<TenantContext, 'config'>,
  settings: ManagementApiSettings,
): void {
  const { rateLimit, latencyMs, checkpointPaging } = settings
  if (rateLimit !== undefined) {
    if (!Number.isInteger(rateLimit.burst) || rateLimit.burst < 1) {
      throw new RangeError(`rateLimit.burst must be a whole number ≥ 1, got ${rateLimit.burst}`)
    }
    if (!Number.isFinite(rateLimit.refillPerSecond) || rateLimit.refillPerSecond <= 0) {
      throw new RangeError(
        `rateLimit.refillPerSecond must be a number > 0, got ${rateLimit.refillPerSecond}`,
      )
    }
  }
  if (latencyMs !== undefined && (!Number.isFinite(latencyMs) || latencyMs < 0)) {
    throw new RangeError(`latencyMs must be a number ≥ 0, got ${latencyMs}`)
  }
  if (rateLimit !== undefined) context.config.rateLimit = { ...rateLimit }
  if (latencyMs !== undefined) context.config.latencyMs = latencyMs
  if (checkpointPaging !== undefined) context.config.checkpointPaging = checkpointPaging
}
