import { sleep, untilAborted } from '@/lib/async'
import { nextAttemptAt, type RateLimitInfo } from './rate-limit'
import { createRefillEstimate } from './refill-estimate'

/**
 * Paces requests by the tenant's token bucket, as its `X-RateLimit-*` headers describe it: a
 * request starts only when the bucket should hold a token for it, so the session never fires a
 * burst the tenant will refuse (the Free plan's bucket holds 2). A 429 closes the gate for everyone
 * until the advertised reset, not only for the page that got it; then one request goes first, and
 * the rest wait for its answer — in a 429 storm the reset only says when to look again, not that
 * the bucket is full — so each window the tenant announces sees one try, not one per page.
 *
 * The estimate is deliberately pessimistic: a response's `remaining` is charged for every request
 * still in flight, and only the answer to a request that went out alone (nothing else in flight,
 * nothing sent later answered first) may raise the count — any other may have been overtaken.
 * The refill rate comes from the resets of all answers so far (`refill-estimate.ts`: the reset,
 * in whole seconds rounded up, is when the bucket is full again); until two of them differ it is
 * read as (limit − remaining) / (reset − now). Without the three headers (a proxy that hides
 * them) the gate stays open and the retry policy deals with any 429.
 */
export interface RateGate {
  /**
   * Resolves when one more request may start, with the permit its answer is reported on;
   * rejects with the signal's reason on abort.
   */
  take: (signal: AbortSignal) => Promise<RatePermit>
  /** The gate's current reading of the tenant's bucket; `undefined` until the headers gave one. */
  reading: () => RateReading | undefined
}

/** The tenant's bucket as the gate reads it now: what a cost preview multiplies out. */
export interface RateReading {
  /** X-RateLimit-Limit: the bucket's size. */
  limit: number
  /** Tokens the gate expects in the bucket now (whole requests that may start at once). */
  tokens: number
  /** How long one token takes to come back. */
  msPerToken: number
  /** A 429 closed the gate: nothing starts for this long. */
  closedForMs: number
}

/**
 * About how long `requests` more requests take to start at `reading`'s rate: those the bucket
 * holds go now, each of the rest waits for a token. Round trips are not counted.
 */
export function expectedStartMs(requests: number, reading: RateReading): number {
  const waiting = Math.max(0, requests - Math.floor(reading.tokens))
  return reading.closedForMs + waiting * reading.msPerToken
}

export interface RatePermit {
  /**
   * Reports the request's answer, once: a response or a `ManagementApiError` (both carry these
   * fields), or nothing when there was none (a network failure, an abort).
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

/** Why a wait ended early: an answer came in (not an abort). */
const WOKEN = Symbol('woken')

/** Never wait less than this for a token: the headers' whole seconds make finer waits guesswork. */
const MIN_WAIT_MS = 50

export function createRateGate(now: () => number = Date.now): RateGate {
  let bucket: Bucket | undefined
  let closedUntil = 0
  let inFlight = 0
  // Requests let through so far, and the latest of them that has been answered.
  let sent = 0
  let latestAnswered = 0
  const resets = createRefillEstimate()
  // Ends the current wait early: an answer may show a token sooner than the wait assumed.
  let wakeUp: (() => void) | undefined
  // Set by a 429: the next request to start goes alone, as the probe.
  let refused = false
  // The probe's answer, while it is out: nobody else starts until it is in.
  let probe: Promise<void> | undefined
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

  /**
   * `current`: nothing that went out before this request, or was answered after it, is unknown.
   * `sentAt`: when the request left, so before the tenant counted it.
   */
  const learn = (answer: GateAnswer, current: boolean, sentAt: number) => {
    const { rateLimit, receivedAt } = answer
    if (!rateLimit) return
    const at = now()
    refill(at)
    const { limit, remaining, reset } = rateLimit
    if (reset !== undefined && answer.status !== 429) resets.observe(reset.getTime())
    if (limit !== undefined && remaining !== undefined && reset !== undefined) {
      // From when the request left, not when its answer came back: a slow answer must not make
      // the reset look nearer than it was when the tenant counted the request.
      const untilFullMs = reset.getTime() - sentAt
      const missing = limit - remaining
      // This answer's own reading: `missing` tokens back by the reset. Alone and up to date, it
      // errs late by at least as much as `remaining` errs low: the next token is not taken early.
      const ownRefillPerMs = missing > 0 && untilFullMs > 0 ? missing / untilFullMs : undefined
      const msPerToken = resets.msPerToken()
      const refillPerMs =
        msPerToken === undefined
          ? (ownRefillPerMs ?? bucket?.refillPerMs)
          : current && inFlight === 0 && ownRefillPerMs !== undefined
            ? Math.max(1 / msPerToken, ownRefillPerMs)
            : 1 / msPerToken
      if (refillPerMs !== undefined) {
        const known = remaining - inFlight
        // Otherwise only ever lowered from a response: an answer that overtook an older one must
        // not hand back tokens the older one already spent.
        const tokens = current ? known : Math.min(bucket?.tokens ?? Infinity, known)
        bucket = { tokens, capacity: limit, refillPerMs, updatedAt: at }
      }
    }
    if (answer.status === 429) {
      const retryAt = nextAttemptAt(rateLimit, receivedAt)
      if (retryAt) closedUntil = Math.max(closedUntil, retryAt.getTime())
    }
  }

  /** Sleeps `ms`, or until the next answer comes in, whichever is first. */
  const nap = async (ms: number, signal: AbortSignal): Promise<void> => {
    const woken = new AbortController()
    const onAbort = () => woken.abort(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    wakeUp = () => woken.abort(WOKEN)
    try {
      await sleep(ms, woken.signal)
    } catch (error) {
      if (error !== WOKEN) throw error
    } finally {
      signal.removeEventListener('abort', onAbort)
      wakeUp = undefined
    }
  }

  const take = (signal: AbortSignal): Promise<RatePermit> => {
    const turn = queue.then(async (): Promise<RatePermit> => {
      for (;;) {
        for (let wait = waitMs(now()); wait > 0; wait = waitMs(now())) {
          await nap(wait, signal)
        }
        if (!probe) break
        await untilAborted(probe, signal)
      }
      signal.throwIfAborted()
      if (bucket) bucket.tokens -= 1
      const alone = inFlight === 0
      const sequence = ++sent
      const sentAt = now()
      inFlight += 1
      let answered: (() => void) | undefined
      if (refused) {
        refused = false
        probe = new Promise<void>((resolve) => (answered = resolve))
      }
      let settled = false
      return {
        settle: (answer) => {
          if (settled) return
          settled = true
          inFlight = Math.max(0, inFlight - 1)
          const current = alone && sequence > latestAnswered
          latestAnswered = Math.max(latestAnswered, sequence)
          if (answer) learn(answer, current, sentAt)
          wakeUp?.()
          // A probe that got no answer (cut off, cancelled) has not shown the storm is over.
          if (answer?.status === 429 || (answered && !answer)) refused = true
          if (answered) {
            probe = undefined
            answered()
          }
        },
      }
    })
    queue = turn.then(
      () => {},
      () => {},
    )
    return turn
  }

  const reading = (): RateReading | undefined => {
    const at = now()
    refill(at)
    if (!bucket || !(bucket.refillPerMs > 0)) return undefined
    return {
      limit: bucket.capacity,
      tokens: Math.max(0, bucket.tokens),
      msPerToken: 1 / bucket.refillPerMs,
      closedForMs: Math.max(0, closedUntil - at),
    }
  }

  return { take, reading }
}
