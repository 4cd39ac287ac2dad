import { describe, expect, test } from 'vitest'
import { ManagementApiError, type ManagementApiErrorInit } from './errors'
import { retryDelayMs, shouldRetryRequest } from './retry'

const RECEIVED_AT = new Date('2026-01-01T00:00:00.000Z')

function apiError(init: Partial<ManagementApiErrorInit>): ManagementApiError {
  return new ManagementApiError({
    kind: 'http',
    message: 'failed',
    requestPath: '/api/v2/users',
    receivedAt: RECEIVED_AT,
    ...init,
  })
}

describe('shouldRetryRequest', () => {
  test.each([400, 401, 403, 404, 414])(
    'never retries a %i: it is an answer, not a glitch',
    (status) => {
      expect(shouldRetryRequest(0, apiError({ status }))).toBe(false)
    },
  )

  test('retries a 429 up to three times', () => {
    const error = apiError({ status: 429 })
    expect([0, 1, 2, 3].map((count) => shouldRetryRequest(count, error))).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  test.each([500, 502, 503])('retries a %i twice', (status) => {
    const error = apiError({ status })
    expect([0, 1, 2].map((count) => shouldRetryRequest(count, error))).toEqual([true, true, false])
  })

  test('retries network failures and time-outs twice', () => {
    const network = apiError({ kind: 'network' })
    const timeout = apiError({ kind: 'timeout' })
    expect([0, 1, 2].map((count) => shouldRetryRequest(count, network))).toEqual([
      true,
      true,
      false,
    ])
    expect([0, 1, 2].map((count) => shouldRetryRequest(count, timeout))).toEqual([
      true,
      true,
      false,
    ])
  })

  test('never retries a malformed answer or an error that is not the API’s', () => {
    expect(shouldRetryRequest(0, apiError({ kind: 'malformed', status: 200 }))).toBe(false)
    expect(shouldRetryRequest(0, new TypeError('bug'))).toBe(false)
  })
})

describe('retryDelayMs', () => {
  test('backs off 1 s, 2 s, 4 s, capped at 8 s', () => {
    const error = apiError({ status: 503 })
    expect([0, 1, 2, 3, 4].map((count) => retryDelayMs(count, error))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ])
  })

  test('waits for a 429 until the rate-limit reset, plus a small margin', () => {
    const error = apiError({
      status: 429,
      rateLimit: { reset: new Date('2026-01-01T00:00:04.000Z') },
    })
    expect(retryDelayMs(0, error, RECEIVED_AT.getTime() + 1000)).toBe(3250)
  })

  test('a 429 whose reset has passed is retried right away', () => {
    const error = apiError({ status: 429, rateLimit: { reset: RECEIVED_AT } })
    expect(retryDelayMs(0, error, RECEIVED_AT.getTime() + 5000)).toBe(250)
  })

  test('never waits more than a minute on a 429', () => {
    const error = apiError({ status: 429, rateLimit: { retryAfterSeconds: 3600 } })
    expect(retryDelayMs(0, error, RECEIVED_AT.getTime())).toBe(60_000)
  })

  test('a 429 without rate-limit headers backs off', () => {
    expect(retryDelayMs(1, apiError({ status: 429 }))).toBe(2000)
  })
})
