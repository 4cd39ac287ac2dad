import { describe, expect, test } from 'vitest'
import { hasRateLimitInfo, nextAttemptAt, parseRateLimit } from './rate-limit'

const RECEIVED_AT = new Date('2026-01-01T00:00:00.000Z')

function parse(headers: Record<string, string>) {
  return parseRateLimit(new Headers(headers), RECEIVED_AT)
}

describe('parseRateLimit', () => {
  test('reads limit, remaining, and the reset as UNIX seconds', () => {
    expect(
      parse({
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Remaining': '3',
        'X-RateLimit-Reset': '1767225604',
      }),
    ).toEqual({ limit: 10, remaining: 3, reset: new Date('2026-01-01T00:00:04.000Z') })
  })

  test('reads header names case-insensitively and tolerates surrounding spaces', () => {
    expect(parse({ 'x-ratelimit-limit': ' 40 ', 'x-ratelimit-remaining': '0' })).toEqual({
      limit: 40,
      remaining: 0,
    })
  })

  test('leaves everything undefined when the headers are absent', () => {
    const info = parse({})
    expect(info).toEqual({})
    expect(hasRateLimitInfo(info)).toBe(false)
  })

  test.each(['', 'abc', '-1', '1.5', '10, 10', 'NaN', 'Infinity', '1e3', '0x10'])(
    'ignores the garbage count %j instead of producing NaN',
    (value) => {
      const info = parse({ 'X-RateLimit-Limit': value, 'X-RateLimit-Remaining': value })
      expect(info.limit).toBeUndefined()
      expect(info.remaining).toBeUndefined()
    },
  )

  test.each(['', 'soon', '-5', '2026-01-01T00:00:04Z', 'NaN', '99999999999999999'])(
    'ignores the garbage reset %j instead of producing an Invalid Date',
    (value) => {
      expect(parse({ 'X-RateLimit-Reset': value }).reset).toBeUndefined()
    },
  )

  test('reads Retry-After given in seconds', () => {
    expect(parse({ 'Retry-After': '4' }).retryAfterSeconds).toBe(4)
  })

  test('reads Retry-After given as an HTTP date, relative to when the answer came', () => {
    expect(parse({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:04 GMT' }).retryAfterSeconds).toBe(4)
  })

  test('a Retry-After date in the past means retry now, not a negative wait', () => {
    expect(parse({ 'Retry-After': 'Wed, 31 Dec 2025 23:59:00 GMT' }).retryAfterSeconds).toBe(0)
  })

  test.each(['soon', '-1', '1.5', 'in 4 seconds', 'Someday, 99 Foo 2026'])(
    'ignores the garbage Retry-After %j',
    (value) => {
      expect(parse({ 'Retry-After': value }).retryAfterSeconds).toBeUndefined()
    },
  )
})

describe('nextAttemptAt', () => {
  test('prefers Retry-After, counted from when the answer came', () => {
    expect(
      nextAttemptAt(
        { retryAfterSeconds: 2, reset: new Date('2026-01-01T00:00:09.000Z') },
        RECEIVED_AT,
      ),
    ).toEqual(new Date('2026-01-01T00:00:02.000Z'))
  })

  test('falls back to the X-RateLimit-Reset time', () => {
    const reset = new Date('2026-01-01T00:00:09.000Z')
    expect(nextAttemptAt({ reset }, RECEIVED_AT)).toEqual(reset)
  })

  test('is unknown without either header', () => {
    expect(nextAttemptAt({ limit: 10 }, RECEIVED_AT)).toBeUndefined()
    expect(nextAttemptAt(undefined, RECEIVED_AT)).toBeUndefined()
  })
})
