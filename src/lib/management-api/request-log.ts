import type { ManagementApi } from './client'
import { isManagementApiError } from './errors'
import type { RateLimitInfo } from './rate-limit'

// Every Management API request the session made, as an evidence pack lists them: an auditor asks
// which queries produced the population, with what parameters, what came back and when. Recorded
// under the pacer, so a retry or a paced wait shows as the requests that were really sent. In
// memory only, like the tokens: a reload starts a new session, whose data is fetched (and
// recorded) again. Never the token, never a body: the path, the query, the status, a count.

export interface RecordedRequest {
  method: 'GET'
  /** The path as sent, percent-encoded, without the query. */
  path: string
  query: Record<string, string>
  /** `null`: no answer (network, time-out). */
  status: number | null
  outcome: 'ok' | 'http-error' | 'malformed' | 'network' | 'timeout'
  /** Items in the answer (a list's page), 1 for a single record; `null` for a failure. */
  itemCount: number | null
  rateLimit: { limit: number | null; remaining: number | null; reset: string | null } | null
  /** ISO 8601, UTC. */
  receivedAt: string
}

/** Enough for a 10,000-member organization's pages many times over; the oldest go first. */
const MAX_ENTRIES = 20_000

export interface RequestLog {
  record(entry: RecordedRequest): void
  /** The requests `about` picks (by their path, encoded as sent), oldest first. */
  matching(about: (request: RecordedRequest) => boolean): RecordedRequest[]
}

export function createRequestLog(): RequestLog {
  const entries: RecordedRequest[] = []
  return {
    record(entry) {
      entries.push(entry)
      if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES)
    },
    matching(about) {
      return entries.filter(about)
    },
  }
}

/** A list page is an array or an object holding one (`organizations`, `members`, `users`). */
function itemCountOf(data: unknown): number {
  if (Array.isArray(data)) return data.length
  if (typeof data === 'object' && data !== null) {
    const list = Object.values(data).find(Array.isArray)
    if (list) return list.length
  }
  return 1
}

function rateLimitOf(info: RateLimitInfo | undefined): RecordedRequest['rateLimit'] {
  if (!info || (info.limit ?? info.remaining ?? info.reset) === undefined) return null
  return {
    limit: info.limit ?? null,
    remaining: info.remaining ?? null,
    reset: info.reset?.toISOString() ?? null,
  }
}

function split(requestPath: string): Pick<RecordedRequest, 'path' | 'query'> {
  const [path = requestPath, search = ''] = requestPath.split('?', 2)
  return { path, query: Object.fromEntries(new URLSearchParams(search)) }
}

/** `api`, recording each answer (or failure) in `log`. A request the page cancelled is not one. */
export function recordedManagementApi(api: ManagementApi, log: RequestLog): ManagementApi {
  return {
    baseUrl: api.baseUrl,
    async request(path, options) {
      try {
        const answer = await api.request(path, options)
        log.record({
          method: 'GET',
          ...split(answer.requestPath),
          status: answer.status,
          outcome: 'ok',
          itemCount: itemCountOf(answer.data),
          rateLimit: rateLimitOf(answer.rateLimit),
          receivedAt: answer.receivedAt.toISOString(),
        })
        return answer
      } catch (error) {
        if (isManagementApiError(error)) {
          log.record({
            method: 'GET',
            ...split(error.requestPath),
            status: error.status ?? null,
            outcome:
              error.kind === 'http'
                ? 'http-error'
                : error.kind === 'malformed'
                  ? 'malformed'
                  : error.kind,
            itemCount: null,
            rateLimit: rateLimitOf(error.rateLimit),
            receivedAt: error.receivedAt.toISOString(),
          })
        }
        throw error
      }
    },
  }
}
