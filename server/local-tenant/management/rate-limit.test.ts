import { describe, expect, it } from 'vitest'
import type { RateLimitConfig } from '../config'
import { createRateLimiter, rateLimitHeaders } from './rate-limit'

const T0 = 1_700_000_000_000 // a whole second, so reset arithmetic is easy to read

describe('createRateLimiter', () => {
  it('allows a burst, counting whole tokens left and when the bucket is full again', () => {
    const limiter = createRateLimiter(() => ({ burst: 3, refillPerSecond: 1 }))
    expect(limiter.take('spa', T0)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: T0 / 1000 + 1,
    })
    expect(limiter.take('spa', T0)).toMatchObject({
      allowed: true,
      remaining: 1,
      resetSeconds: T0 / 1000 + 2,
    })
    expect(limiter.take('spa', T0)).toMatchObject({
      allowed: true,
      remaining: 0,
      resetSeconds: T0 / 1000 + 3,
    })
    expect(limiter.take('spa', T0)).toMatchObject({
      allowed: false,
      remaining: 0,
      resetSeconds: T0 / 1000 + 3,
    })
  })

  it('refills continuously over time, never beyond the burst', () => {
    const limiter = createRateLimiter(() => ({ burst: 2, refillPerSecond: 2 }))
    limiter.take('spa', T0)
    limiter.take('spa', T0)
    expect(limiter.take('spa', T0 + 100).allowed).toBe(false) // 0.2 tokens
    expect(limiter.take('spa', T0 + 500)).toMatchObject({ allowed: true, remaining: 0 }) // 1 token
    expect(limiter.take('spa', T0 + 60_000)).toMatchObject({ allowed: true, remaining: 1 })
  })

  it('rounds the reset up to the next whole second', () => {
    const limiter = createRateLimiter(() => ({ burst: 40, refillPerSecond: 500 / 60 }))
    // One token short of full: 0.12 s to refill → the next second.
    expect(limiter.take('spa', T0 + 250).resetSeconds).toBe(T0 / 1000 + 1)
  })

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter(() => ({ burst: 1, refillPerSecond: 1 }))
    expect(limiter.take('a', T0).allowed).toBe(true)
    expect(limiter.take('a', T0).allowed).toBe(false)
    expect(limiter.take('b', T0).allowed).toBe(true)
  })

  it('does not refill when the clock steps back', () => {
    const limiter = createRateLimiter(() => ({ burst: 1, refillPerSecond: 1 }))
    limiter.take('spa', T0)
    expect(limiter.take('spa', T0 - 5000).allowed).toBe(false)
  })

  it('starts every bucket afresh when the limit changes at run time', () => {
    let config: RateLimitConfig = { burst: 1, refillPerSecond: 0.001 }
    const limiter = createRateLimiter(() => config)
    limiter.take('spa', T0)
    expect(limiter.take('spa', T0).allowed).toBe(false)
    config = { burst: 5, refillPerSecond: 0.001 }
    expect(limiter.take('spa', T0)).toMatchObject({ allowed: true, limit: 5, remaining: 4 })
  })
})

describe('rateLimitHeaders', () => {
  it('writes the three X-RateLimit headers', () => {
    expect(rateLimitHeaders({ limit: 40, remaining: 7, resetSeconds: 1_700_000_005 })).toEqual({
      'X-RateLimit-Limit': '40',
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Reset': '1700000005',
    })
  })
})
