import type { RateLimitConfig } from '../config'

/** What one request did to its bucket: the numbers the X-RateLimit-* headers report. */
export interface RateLimitOutcome {
  allowed: boolean
  /** Bucket size. */
  limit: number
  /** Whole tokens left after this request. */
  remaining: number
  /** UNIX time in seconds (rounded up) when the bucket is full again. */
  resetSeconds: number
}

interface Bucket {
  tokens: number
  updatedAtMs: number
}

export interface RateLimiter {
  /** Takes one token from `key`'s bucket at `nowMs`, if there is one. */
  take: (key: string, nowMs: number) => RateLimitOutcome
}

/**
 * Token buckets, one per key (the calling client), as Auth0 describes its limits: `burst`
 * tokens at most, refilled continuously at `refillPerSecond`. The config is read on every call
 * so it can be changed at run time; a change starts every bucket afresh (full), which is what a
 * benchmark or fault test switching plans expects.
 */
export function createRateLimiter(readConfig: () => RateLimitConfig): RateLimiter {
  const buckets = new Map<string, Bucket>()
  let lastConfig: RateLimitConfig | undefined

  return {
    take(key, nowMs) {
      const config = readConfig()
      if (
        lastConfig?.burst !== config.burst ||
        lastConfig.refillPerSecond !== config.refillPerSecond
      ) {
        buckets.clear()
        lastConfig = { ...config }
      }
      const { burst, refillPerSecond } = config
      const bucket = buckets.get(key) ?? { tokens: burst, updatedAtMs: nowMs }
      // Clocks in tests may stand still or step back; never refill for negative time.
      const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAtMs) / 1000
      bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * refillPerSecond)
      bucket.updatedAtMs = Math.max(bucket.updatedAtMs, nowMs)
      const allowed = bucket.tokens >= 1
      if (allowed) bucket.tokens -= 1
      buckets.set(key, bucket)

      const secondsUntilFull = (burst - bucket.tokens) / refillPerSecond
      return {
        allowed,
        limit: burst,
        remaining: Math.floor(bucket.tokens),
        resetSeconds: Math.ceil(nowMs / 1000 + secondsUntilFull),
      }
    },
  }
}

export function rateLimitHeaders(
  outcome: Pick<RateLimitOutcome, 'limit' | 'remaining' | 'resetSeconds'>,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(outcome.limit),
    'X-RateLimit-Remaining': String(outcome.remaining),
    'X-RateLimit-Reset': String(outcome.resetSeconds),
  }
}
