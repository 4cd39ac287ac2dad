// Rate-limit headers of the Management API. Every response carries X-RateLimit-Limit/-Remaining/
// -Reset (Reset: absolute UNIX time in seconds). Retry-After is undocumented for these 429s but
// honoured when present, as the official SDKs do. A header that is missing or not a clean number
// is left undefined, never NaN: the UI shows "unknown" rather than nonsense.

export interface RateLimitInfo {
  /** X-RateLimit-Limit: the bucket size. */
  limit?: number
  /** X-RateLimit-Remaining: requests left in the bucket. */
  remaining?: number
  /** X-RateLimit-Reset: when capacity returns. */
  reset?: Date
  /** Retry-After, in seconds from when the response was received (an HTTP date is converted). */
  retryAfterSeconds?: number
}

const INTEGER = /^\d{1,15}$/
const UNIX_SECONDS = /^\d{1,12}(?:\.\d+)?$/
// All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) start with a day name. Requiring it
// keeps Date.parse's leniency ("1" → the year 2001) out.
const HTTP_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i

function parseCount(value: string | null): number | undefined {
  const text = value?.trim()
  return text && INTEGER.test(text) ? Number(text) : undefined
}

function parseUnixSeconds(value: string | null): Date | undefined {
  const text = value?.trim()
  if (!text || !UNIX_SECONDS.test(text)) return undefined
  const date = new Date(Number(text) * 1000)
  return Number.isFinite(date.getTime()) ? date : undefined
}

function parseRetryAfter(value: string | null, receivedAt: Date): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (INTEGER.test(text)) return Number(text)
  if (!HTTP_DATE.test(text)) return undefined
  const time = Date.parse(text)
  if (!Number.isFinite(time)) return undefined
  return Math.max(0, Math.ceil((time - receivedAt.getTime()) / 1000))
}

/** Reads the rate-limit headers of one response; unknown values stay undefined. */
export function parseRateLimit(headers: Headers, receivedAt: Date = new Date()): RateLimitInfo {
  return {
    limit: parseCount(headers.get('X-RateLimit-Limit')),
    remaining: parseCount(headers.get('X-RateLimit-Remaining')),
    reset: parseUnixSeconds(headers.get('X-RateLimit-Reset')),
    retryAfterSeconds: parseRetryAfter(headers.get('Retry-After'), receivedAt),
  }
}

export function hasRateLimitInfo(info: RateLimitInfo | undefined): info is RateLimitInfo {
  return info !== undefined && Object.values(info).some((value) => value !== undefined)
}

/**
 * The moment a rate-limited request may be tried again: Retry-After when the server sent it,
 * else X-RateLimit-Reset, else unknown. The retry policy and the countdown both use this, so
 * what the admin reads ("Retrying in 4 s") is what happens.
 */
export function nextAttemptAt(
  rateLimit: RateLimitInfo | undefined,
  receivedAt: Date,
): Date | undefined {
  if (rateLimit?.retryAfterSeconds !== undefined) {
    return new Date(receivedAt.getTime() + rateLimit.retryAfterSeconds * 1000)
  }
  return rateLimit?.reset
}
