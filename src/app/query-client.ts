import { QueryClient } from '@tanstack/react-query'

/** Anything with a numeric HTTP `status` (ManagementApiError has one) — no import of the client. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const { status } = error
    return typeof status === 'number' ? status : undefined
  }
  return undefined
}

const MAX_RETRIES = 2

/**
 * Provisional policy (the lead finalizes it, with 429 handling): a 4xx is an answer, not a glitch
 * — retrying a 401, 403 or 404 only delays the message the admin needs. Network errors and 5xx
 * get a couple of retries with react-query's default exponential back-off.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = httpStatusOf(error)
  if (status !== undefined && status >= 400 && status < 500) return false
  return failureCount < MAX_RETRIES
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Memberships change rarely; a minute avoids refetching on every back-and-forth.
        staleTime: 60_000,
        retry: shouldRetry,
      },
    },
  })
}
