import { afterEach, beforeEach, vi } from 'vitest'
import { setManagementApiSettings } from '../../server/local-tenant/management/settings'
import { tenant } from './server'

/**
 * The tenant's rate limit out of the way for every test of the file: the tests share one
 * in-process tenant, and a page that loads many lists would otherwise wait on the last test's
 * spent budget. Restores the seeded limit (and any spies) after each test.
 */
export function withGenerousRateLimits() {
  const seeded = { ...tenant.config.rateLimit }
  beforeEach(() => {
    setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
  })
  afterEach(() => {
    setManagementApiSettings(tenant, { rateLimit: seeded })
    vi.restoreAllMocks()
  })
}
