import { isManagementApiError } from './errors'
import { nextAttemptAt } from './rate-limit'

// The retry policy of docs/design.md, as two functions for the QueryClient's `retry` and
// `retryDelay`: never for 4xx except 429, which waits for the rate-limit window; a few tries
// with back-off for 5xx, network failures and time-outs; never for malformed answers or bugs.

const MAX_RETRIES = { rateLimited: 3, server: 2, network: 2, timeout: 2 } as const
const MAX_BACKOFF_MS = 8_000
/** A little past the reset: X-RateLimit-Reset has whole-second resolution. */
const RESET_MARGIN_MS = 250
/** Never sit out more than a minute on a server's word; the admin can retry by hand. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000

/** `failureCount` counts earlier failures (0 on the first), as react-query passes it. */
export function shouldRetryRequest(failureCount: number, error: unknown): boolean {
  if (!isManagementApiError(error)) return false
  switch (error.kind) {
    case 'malformed':
      return false
    case 'network':
    case 'timeout':
      return failureCount < MAX_RETRIES[error.kind]
    case 'http': {
      const status = error.status ?? 0
      if (status === 429) return failureCount < MAX_RETRIES.rateLimited
      return status >= 500 && failureCount < MAX_RETRIES.server
    }
  }
}

/** Milliseconds to wait before the next try (1 s, 2 s, 4 s … or until the rate-limit reset). */
export function retryDelayMs(
  failureCount: number,
  error: unknown,
  now: number = Date.now(),
): number {
  const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failureCount))
  if (isManagementApiError(error) && error.status === 429) {
    const at = nextAttemptAt(error.rateLimit, error.receivedAt)
    if (at === undefined) return backoff
    return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(0, at.getTime() - now) + RESET_MARGIN_MS)
  }
  return backoff
}
