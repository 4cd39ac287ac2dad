import { createLimiter } from '@/lib/async'
import type { ManagementApi } from './client'
import { isManagementApiError } from './errors'
import { createRateGate, type RateGate, type RateReading } from './rate-gate'

/**
 * Requests of one session in flight at once, at most: every page of a 1000-membership list after
 * the first (at 50 per page) fits, so it takes two round trips, not five. The rate gate decides
 * how fast they may start. Over HTTP/2 they travel together; a browser speaking HTTP/1.1 queues
 * what exceeds its 6 connections per host, which costs nothing more.
 */
export const MAX_CONCURRENT_REQUESTS = 20

/**
 * The session's pacer: `api` with every request going through one bounded pool and one rate gate,
 * so the whole session — search, the user's record, prefetches, memberships pages, roles, a bulk
 * review — draws on one estimate of the tenant's bucket, learnt from every answer's
 * `X-RateLimit-*` headers, and a 429 holds everything back until its reset. Built once per
 * signed-in session, around the client (management-api-context.tsx); the pager, the roles lookups
 * and the review keep only their own logic. A request whose signal aborts while it waits for a
 * place (a row scrolled away) leaves without being sent.
 */
export function pacedManagementApi(
  api: ManagementApi,
  {
    concurrency = MAX_CONCURRENT_REQUESTS,
    gate = createRateGate(),
  }: { concurrency?: number; gate?: RateGate } = {},
): ManagementApi {
  const slots = createLimiter(concurrency)

  return {
    baseUrl: api.baseUrl,
    // What a cost preview reads ("about 2 min at the rate the tenant announces").
    rateReading: (): RateReading | undefined => gate.reading(),
    request: (path, options) =>
      slots.run(
        async () => {
          const permit = await gate.take(options.signal ?? new AbortController().signal)
          try {
            const response = await api.request(path, options)
            permit.settle(response)
            return response
          } catch (error) {
            // A ManagementApiError carries the answer's rate-limit headers; anything else had none.
            permit.settle(isManagementApiError(error) ? error : undefined)
            throw error
          }
        },
        { signal: options.signal },
      ),
  }
}
