import type * as z from 'zod/mini'
import { formatDuration } from '@/lib/format'
import { ManagementApiError, parseMissingScopes } from './errors'
import { parseRateLimit, type RateLimitInfo } from './rate-limit'
import type { RateReading } from './rate-gate'
import { ErrorBodySchema } from './schemas'

const DEFAULT_TIMEOUT_MS = 15_000

export interface ManagementApiConfig {
  /** Where the Management-API-shaped endpoints live, e.g. `https://tenant/api/v2` or the proxy. */
  baseUrl: string
  /** The token seam (registered from `getAccessTokenSilently`). Called once per request. */
  getAccessToken: () => Promise<string>
  /** Per request, covering the answer's headers and body. */
  timeoutMs?: number
}

export type QueryValue = string | number | boolean | undefined

export interface RequestOptions<TSchema extends z.ZodMiniType> {
  /** Undefined values are left out; the rest are encoded with encodeURIComponent. */
  query?: Readonly<Record<string, QueryValue>>
  /** Validates the 2xx body; a mismatch is a `malformed` error. */
  schema: TSchema
  /** The caller's cancellation (react-query's `signal`); aborting rethrows its AbortError. */
  signal?: AbortSignal
}

export interface ManagementApiResponse<T> {
  data: T
  /** Rate-limit headers of this answer, so pagers can pace by `remaining`. */
  rateLimit: RateLimitInfo
  status: number
  /** The path and query that were sent (never the token). */
  requestPath: string
  receivedAt: Date
}

export interface ManagementApi {
  readonly baseUrl: string
  /** The session pacer's reading of the tenant's rate limit (pacer.ts); absent on a bare client. */
  readonly rateReading?: () => RateReading | undefined
  /**
   * GET `{baseUrl}/{segment}/{segment}…?{query}`. Each path segment is encoded as one segment,
   * so ids holding `|`, `/`, `?`, `#` or `%` cannot change the path.
   */
  request<TSchema extends z.ZodMiniType>(
    path: readonly string[],
    options: RequestOptions<TSchema>,
  ): Promise<ManagementApiResponse<z.output<TSchema>>>
}

const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i

/** Builds the URL and the path+query to report. Throws TypeError for unsendable input. */
function buildRequestTarget(
  baseUrl: string,
  path: readonly string[],
  query: Readonly<Record<string, QueryValue>> = {},
): { url: string; requestPath: string } {
  const base = baseUrl.replace(/\/+$/, '')
  const segments = path.map((segment, index) => {
    // URL parsers resolve "." and ".." (encoded or not) as dot segments, and an empty segment
    // would silently address a different endpoint (/users/../organizations is the tenant's
    // organization list). Refuse rather than send a request for something else.
    if (segment === '' || segment === '.' || segment === '..') {
      throw new TypeError(
        `Path segment ${index} (${JSON.stringify(segment)}) cannot be sent as a single segment.`,
      )
    }
    return encodeURIComponent(segment)
  })
  const pairs: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`Query parameter ${key} is not a finite number.`)
    }
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  const url = `${base}/${segments.join('/')}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`
  return { url, requestPath: url.replace(ORIGIN, '') || '/' }
}

interface Deadline {
  signal: AbortSignal
  timedOut: () => boolean
  dispose: () => void
}

// A cancellable timer instead of AbortSignal.timeout: it can be cleared once the answer is in
// (no stray timers), it tells its own expiry apart from the caller's abort without inspecting
// reasons, and fake timers drive it in tests. AbortSignal.any joins it with the caller's signal;
// where that is missing, listeners do the same.
function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'))
  }, timeoutMs)
  let detach = () => {}
  let signal = controller.signal
  if (callerSignal) {
    if (typeof AbortSignal.any === 'function') {
      signal = AbortSignal.any([callerSignal, controller.signal])
    } else if (callerSignal.aborted) {
      controller.abort(callerSignal.reason)
    } else {
      const forward = () => controller.abort(callerSignal.reason)
      callerSignal.addEventListener('abort', forward, { once: true })
      detach = () => callerSignal.removeEventListener('abort', forward)
    }
  }
  return {
    signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer)
      detach()
    },
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function summarizeIssues(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'
    return `${where}: ${issue.message}`
  })
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

export function createManagementApi(config: ManagementApiConfig): ManagementApi {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS

  async function request<TSchema extends z.ZodMiniType>(
    path: readonly string[],
    { query, schema, signal }: RequestOptions<TSchema>,
  ): Promise<ManagementApiResponse<z.output<TSchema>>> {
    const { url, requestPath } = buildRequestTarget(config.baseUrl, path, query)
    signal?.throwIfAborted()
    const token = await config.getAccessToken()
    signal?.throwIfAborted()

    const deadline = startDeadline(timeoutMs, signal)
    // Fetch failures: the caller's abort goes back untouched (react-query treats it as a silent
    // cancellation); our own deadline becomes `timeout`; anything else is the network.
    const failure = (cause: unknown): unknown => {
      if (signal?.aborted) return cause
      const receivedAt = new Date()
      if (deadline.timedOut()) {
        return new ManagementApiError({
          kind: 'timeout',
          message: `The Management API didn't answer within ${formatDuration(timeoutMs)}.`,
          timeoutMs,
          requestPath,
          receivedAt,
          cause,
        })
      }
      return new ManagementApiError({
        kind: 'network',
        message: "Can't reach the Management API — check your connection.",
        detail: cause instanceof Error ? cause.message : undefined,
        requestPath,
        receivedAt,
        cause,
      })
    }

    try {
      let response: Response
      let text: string
      try {
        // The global looked up per request, so MSW can patch it after this client is built.
        response = await fetch(url, {
          method: 'GET',
          headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
          signal: deadline.signal,
        })
        text = await response.text()
      } catch (cause) {
        throw failure(cause)
      }
      const receivedAt = new Date()
      const rateLimit = parseRateLimit(response.headers, receivedAt)
      const { status } = response
      // What every outcome reports, a failure or the data.
      const answer = { status, rateLimit, requestPath, receivedAt }
      const parsed = parseJson(text)

      if (!response.ok) {
        const body = parsed.ok ? ErrorBodySchema.safeParse(parsed.value).data : undefined
        if (body) {
          throw new ManagementApiError({
            kind: 'http',
            ...answer,
            error: body.error ?? (response.statusText || undefined),
            errorCode: body.errorCode,
            message: body.message,
            hasApiBody: true,
            missingScopes: status === 403 ? parseMissingScopes(body.message) : undefined,
          })
        }
        const contentType = response.headers.get('Content-Type')
        throw new ManagementApiError({
          kind: 'http',
          ...answer,
          error: response.statusText || undefined,
          message:
            text.trim() === ''
              ? `The server answered ${status} with an empty body, not a Management API error body.`
              : `The server answered ${status} without a Management API error body.`,
          detail: contentType ? `Content-Type: ${contentType}` : undefined,
        })
      }

      const result = parsed.ok ? schema.safeParse(parsed.value) : undefined
      if (!result?.success) {
        throw new ManagementApiError({
          kind: 'malformed',
          ...answer,
          message: "The answer wasn't in the shape Orgscope expects.",
          detail: result ? summarizeIssues(result.error) : 'The body was not valid JSON.',
        })
      }
      return { data: result.data as z.output<TSchema>, ...answer }
    } finally {
      deadline.dispose()
    }
  }

  return { baseUrl: config.baseUrl, request }
}
