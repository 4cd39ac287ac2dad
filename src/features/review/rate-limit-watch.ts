import type { ManagementApi } from '@/lib/management-api/client'
import { isManagementApiError } from '@/lib/management-api/errors'
import { nextAttemptAt } from '@/lib/management-api/rate-limit'

/**
 * `api`, telling `onRateLimit` when a request of this caller is refused with 429 (the time it may
 * be tried again, for the review's countdown) and when a later answer ends that (`undefined`).
 * Only a listener: the session's pacer already paces every request, and the retry policy does the
 * waiting.
 */
export function watchRateLimits(
  api: ManagementApi,
  onRateLimit: (retryAt: Date | undefined) => void,
): ManagementApi {
  return {
    baseUrl: api.baseUrl,
    async request(path, options) {
      try {
        const response = await api.request(path, options)
        onRateLimit(undefined)
        return response
      } catch (error) {
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
