import { QueryClient } from '@tanstack/react-query'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Memberships change rarely; a minute makes going back to a user cost no request.
        staleTime: 60_000,
        // The one retry policy (DESIGN.md): 429 waits for the reset, 5xx / network back off.
        retry: shouldRetryRequest,
        retryDelay: (failureCount, error) => retryDelayMs(failureCount, error),
      },
    },
  })
}
