import { QueryClient } from '@tanstack/react-query'
import { FRESH_FOR_MS } from '@/lib/freshness'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: FRESH_FOR_MS,
        // The one retry policy (docs/design.md): 429 waits for the reset, 5xx / network back off.
        retry: shouldRetryRequest,
        retryDelay: (failureCount, error) => retryDelayMs(failureCount, error),
      },
    },
  })
}
