import type { RateGate } from '@/features/organizations/rate-gate'
import type { ManagementApi } from '@/lib/management-api/client'
import { isManagementApiError } from '@/lib/management-api/errors'
import { nextAttemptAt } from '@/lib/management-api/rate-limit'

/**
 * `api`, with every request paced by `gate`: the one gate a whole review shares, so four users
 * loading side by side draw on one estimate of the tenant's bucket instead of four, and a 429 for
 * one holds back all of them until its reset. `onRateLimit` hears when a request of this caller
 * is refused with 429 (the time it may be tried again, for the countdown; the retry policy does
 * the waiting) and when a later answer ends that (`undefined`).
 */
export function pacedApi(
  api: ManagementApi,
  gate: RateGate,
  onRateLimit: (retryAt: Date | undefined) => void,
): ManagementApi {
  return {
    baseUrl: api.baseUrl,
    async request(path, options) {
      const permit = await gate.take(options.signal ?? new AbortController().signal)
      try {
        const response = await api.request(path, options)
        permit.settle(response)
        onRateLimit(undefined)
        return response
      } catch (error) {
        // A ManagementApiError carries the answer's rate-limit headers; anything else had none.
        permit.settle(isManagementApiError(error) ? error : undefined)
        const refused = isManagementApiError(error) && error.status === 429
        onRateLimit(
          refused
            ? (nextAttemptAt(error.rateLimit, error.receivedAt) ?? error.receivedAt)
            : undefined,
        )
        throw error
      }
    },
  }
}
