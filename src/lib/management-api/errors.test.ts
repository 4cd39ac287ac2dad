import { describe, expect, test } from 'vitest'
import { describeError, formatErrorDetails, ManagementApiError, parseMissingScopes } from './errors'

const RECEIVED_AT = new Date('2026-01-01T00:00:00.000Z')

describe('parseMissingScopes', () => {
  test('reads the documented form with a semicolon and a final period', () => {
    expect(parseMissingScopes('Insufficient scope; expected any of: read:organizations.')).toEqual([
      'read:organizations',
    ])
  })

  test('reads the live form with a comma and several scopes', () => {
    expect(
      parseMissingScopes('Insufficient scope, expected any of: read:clients, read:client_summary'),
    ).toEqual(['read:clients', 'read:client_summary'])
  })

  test('finds nothing in other messages', () => {
    expect(parseMissingScopes('Forbidden')).toBeUndefined()
    expect(parseMissingScopes('Insufficient scope; expected any of: ')).toBeUndefined()
  })
})

describe('ManagementApiError', () => {
  test('is an Error named ManagementApiError that drops empty rate-limit info', () => {
    const error = new ManagementApiError({
      kind: 'network',
      message: "Can't reach the Management API — check your connection.",
      requestPath: '/api/v2/users',
      receivedAt: RECEIVED_AT,
      rateLimit: {},
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ManagementApiError')
    expect(error.rateLimit).toBeUndefined()
    expect(error.hasApiBody).toBe(false)
  })
})

describe('describeError', () => {
  test('passes a ManagementApiError through as a view', () => {
    const error = new ManagementApiError({
      kind: 'http',
      status: 403,
      error: 'Forbidden',
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope; expected any of: read:organizations.',
      hasApiBody: true,
      missingScopes: ['read:organizations'],
      requestPath: '/api/v2/users/auth0%7C1/organizations',
      receivedAt: RECEIVED_AT,
    })
    expect(describeError(error)).toMatchObject({
      kind: 'http',
      status: 403,
      errorCode: 'insufficient_scope',
      missingScopes: ['read:organizations'],
      requestPath: '/api/v2/users/auth0%7C1/organizations',
      receivedAt: RECEIVED_AT,
      hasApiBody: true,
    })
  })

  test('treats a failed silent sign-in (auth0-spa-js login_required) as a session problem', () => {
    const error = Object.assign(new Error('Login required'), { error: 'login_required' })
    expect(describeError(error)).toMatchObject({
      kind: 'session',
      errorCode: 'login_required',
      message: 'Login required',
    })
  })

  test('treats a render error as unexpected, keeping its message', () => {
    expect(
      describeError(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toMatchObject({
      kind: 'unexpected',
      message: "Cannot read properties of undefined (reading 'id')",
    })
  })

  test.each([[null], [undefined], [42], [{}], ['']])('gives a generic message for %j', (value) => {
    expect(describeError(value)).toMatchObject({
      kind: 'unexpected',
      message: 'An unexpected error occurred.',
    })
  })

  test('uses a thrown string as the message', () => {
    expect(describeError('boom').message).toBe('boom')
  })
})

describe('formatErrorDetails', () => {
  test('lists status, error code, message, request, rate-limit headers and ISO time', () => {
    const error = new ManagementApiError({
      kind: 'http',
      status: 429,
      error: 'Too Many Requests',
      errorCode: 'too_many_requests',
      message: 'Global limit has been reached',
      hasApiBody: true,
      requestPath: '/api/v2/users/auth0%7C1/organizations?page=3&per_page=50&include_totals=true',
      receivedAt: RECEIVED_AT,
      rateLimit: {
        limit: 10,
        remaining: 0,
        reset: new Date('2026-01-01T00:00:04.000Z'),
        retryAfterSeconds: 4,
      },
    })
    expect(formatErrorDetails(describeError(error))).toBe(
      [
        'Orgscope error details',
        'Kind: http',
        'Status: 429 Too Many Requests',
        'Error code: too_many_requests',
        'Message: Global limit has been reached',
        'Request: GET /api/v2/users/auth0%7C1/organizations?page=3&per_page=50&include_totals=true',
        'X-RateLimit-Limit: 10',
        'X-RateLimit-Remaining: 0',
        'X-RateLimit-Reset: 1767225604 (2026-01-01T00:00:04.000Z)',
        'Retry-After: 4',
        'Time: 2026-01-01T00:00:00.000Z',
      ].join('\n'),
    )
  })

  test('leaves out what is unknown and uses the copy time when there is no answer time', () => {
    const copiedAt = new Date('2026-02-02T10:00:00.000Z')
    expect(formatErrorDetails(describeError(new Error('boom')), copiedAt)).toBe(
      [
        'Orgscope error details',
        'Kind: unexpected',
        'Message: boom',
        `Time: ${copiedAt.toISOString()}`,
      ].join('\n'),
    )
  })
})
