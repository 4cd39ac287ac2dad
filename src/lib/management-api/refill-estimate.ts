/**
 * How fast the tenant's bucket refills, read from the `X-RateLimit-Reset` of many answers rather
 * than one. The reset is when the bucket would be full again, rounded up to a whole second, so a
 * single answer only says "somewhere within this second" — at a 2-per-second refill that is off
 * by up to a factor of two, and a pager paced by it waits twice as long as it has to.
 *
 * Every request the tenant counts moves that full-again moment on by exactly one token's refill
 * time (as long as the bucket never fills up in between and nobody else spends from it). Two
 * answers m requests apart therefore bracket the refill time per token:
 *   (ΔR − 1 s) / m  <  ms per token  <  (ΔR + 1 s) / m
 * Over all pairs the bracket narrows with every answer; the estimate is its middle. Answers are
 * ordered by their resets (the full-again moment never moves back), so answers that arrive out
 * of order are placed correctly. Requests the pager did not see (another tab) and a bucket that
 * filled up both only lengthen ΔR: the estimate errs towards waiting longer, never shorter.
 */
export interface RefillEstimate {
  /** An answer that spent a token (not a 429), with its reset in epoch ms. */
  observe: (resetMs: number) => void
  /** Milliseconds per token, once two answers with different resets have been seen. */
  msPerToken: () => number | undefined
}

/** The header's resolution: resets are whole seconds. */
const RESOLUTION_MS = 1000
/** Enough answers to pin the rate down; older ones add nothing the recent ones do not. */
const KEPT = 40

export function createRefillEstimate(): RefillEstimate {
  const resets: number[] = []

  return {
    observe(resetMs) {
      if (!Number.isFinite(resetMs)) return
      resets.push(resetMs)
      if (resets.length > KEPT) resets.shift()
    },
    msPerToken() {
      const sorted = [...resets].sort((a, b) => a - b)
      let lowest = 0
      let highest = Infinity
      for (let a = 0; a < sorted.length; a++) {
        const from = sorted[a] as number
        // The answers after every answer with the same reset as `from`, up to `to`.
        let between = 0
        for (let b = a + 1; b < sorted.length; b++) {
          const to = sorted[b] as number
          if (to === from) continue
          between += 1
          // Count a run of equal resets once it is complete: all of them lie between.
          if (sorted[b + 1] === to) continue
          const span = to - from
          lowest = Math.max(lowest, (span - RESOLUTION_MS) / between)
          highest = Math.min(highest, (span + RESOLUTION_MS) / between)
        }
      }
      if (highest === Infinity) return undefined
      // Inconsistent brackets mean the assumptions broke (another spender, a full bucket): the
      // upper end still holds.
      return lowest <= highest ? (lowest + highest) / 2 : highest
    },
  }
}
