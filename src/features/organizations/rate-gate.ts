import { nextAttemptAt, type RateLimitInfo } from '@/lib/management-api/rate-limit'

/**
 * Paces requests by the tenant's token bucket, as its `X-RateLimit-*` headers describe it: a
 * request starts only when the bucket should hold a token for it, so a pager never fires a burst
 * the tenant will refuse (the Free plan's bucket holds 2). A 429 closes the gate for everyone
 * until the advertised reset, not only for the page that got it.
 *
 * The estimate is deliberately pessimistic: a response's `remaining` is charged for every request
 * still in flight, and the refill rate is read as (limit − remaining) / (reset − now), where the
 * reset (whole seconds, rounded up) is when the bucket is full again. Without the three headers
 * (a proxy that hides them) the gate stays open and the retry policy deals with any 429.
 */
export interface RateGate {
  /** Resolves when one more request may start; rejects with the signal's reason on abort. */
  take: (signal: AbortSignal) => Promise<void>
  /**
   * Every request `take` let through reports back once: with its answer (a response or a
   * `ManagementApiError`, both carry these fields), or with nothing when there was none.
   */
  settle: (answer: GateAnswer | undefined) => void
}

export interface GateAnswer {
  status?: number
  rateLimit?: RateLimitInfo
  receivedAt: Date
}

interface Bucket {
  tokens: number
  capacity: number
  refillPerMs: number
  updatedAt: number
}

/** Never wait less than this for a token: the headers' whole seconds make finer waits guesswork. */
const MIN_WAIT_MS = 50

export function createRateGate(now: () => number = Date.now): RateGate {
  let bucket: Bucket | undefined
  let closedUntil = 0
  let inFlight = 0
  // Takers queue up, so a refilled token wakes one request, not every waiting one at once.
  let queue: Promise<void> = Promise.resolve()

  const refill = (at: number) => {
    if (!bucket) return
    const elapsed = Math.max(0, at - bucket.updatedAt)
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsed * bucket.refillPerMs)
    bucket.updatedAt = Math.max(bucket.updatedAt, at)
  }

  /** How long until a request may start; 0 when it may start now. */
  const waitMs = (at: number): number => {
    if (at < closedUntil) return closedUntil - at
    refill(at)
    if (!bucket || bucket.tokens >= 1) return 0
    return Math.max(MIN_WAIT_MS, Math.ceil((1 - bucket.tokens) / bucket.refillPerMs))
  }

  const take = (signal: AbortSignal): Promise<void> => {
    const turn = queue.then(async () => {
      for (let wait = waitMs(now()); wait > 0; wait = waitMs(now())) {
        await sleep(wait, signal)
      }
      signal.throwIfAborted()
      if (bucket) bucket.tokens -= 1
      inFlight += 1
    })
    queue = turn.catch(() => {})
    return turn
  }

  const settle: RateGate['settle'] = (answer) => {
    inFlight = Math.max(0, inFlight - 1)
    if (!answer?.rateLimit) return
    const { rateLimit, receivedAt } = answer
    const at = now()
    refill(at)
    const { limit, remaining, reset } = rateLimit
    if (limit !== undefined && remaining !== undefined && reset !== undefined) {
      const untilFullMs = reset.getTime() - receivedAt.getTime()
      const missing = limit - remaining
      const refillPerMs =
        missing > 0 && untilFullMs > 0 ? missing / untilFullMs : bucket?.refillPerMs
      if (refillPerMs !== undefined) {
        // Only ever lowered from a response: an answer that overtook an older one must not hand
        // back tokens the older one already spent.
        const tokens = Math.min(bucket?.tokens ?? Infinity, remaining - inFlight)
        bucket = { tokens, capacity: limit, refillPerMs, updatedAt: at }
      }
    }
    if (answer.status === 429) {
      const retryAt = nextAttemptAt(rateLimit, receivedAt)
      if (retryAt) closedUntil = Math.max(closedUntil, retryAt.getTime())
    }
  }

  return { take, settle }
}

/** setTimeout as a promise that an abort ends early (rejecting with the signal's reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
