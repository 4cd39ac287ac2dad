import { describe, expect, test } from 'vitest'
import { describeFailure, type FailureDescription } from './describe-failure'
import { ManagementApiError, type ManagementApiErrorInit } from './errors'

const RECEIVED = new Date('2026-01-01T00:00:00.000Z')

const apiError = (init: Partial<ManagementApiErrorInit>) =>
  new ManagementApiError({
    kind: 'http',
    message: 'failed',
    hasApiBody: true,
    requestPath: '/api/v2/users/auth0%7C1/organizations',
    receivedAt: RECEIVED,
    ...init,
  })

const loginRequired = Object.assign(new Error('Login required'), { error: 'login_required' })

type Expected = Pick<
  FailureDescription,
  'situation' | 'title' | 'label' | 'summary' | 'retryable' | 'tone'
>

// Every status and kind the alert knows, and how each reads everywhere it is shown.
const CASES: [string, unknown, Expected][] = [
  [
    '400 invalid_uri',
    apiError({
      status: 400,
      error: 'Bad Request',
      errorCode: 'invalid_uri',
      message: "Path validation error: 'String does not match pattern' on property id.",
    }),
    {
      situation: 'invalid-uri',
      title: 'The user id was not a valid path',
      label: 'Failed (400)',
      summary:
        "HTTP 400 Bad Request · invalid_uri — Path validation error: 'String does not match pattern' on property id.",
      retryable: false,
      tone: 'input',
    },
  ],
  [
    '400 invalid_query_string',
    apiError({
      status: 400,
      error: 'Bad Request',
      errorCode: 'invalid_query_string',
      message: 'Query validation error.',
    }),
    {
      situation: 'invalid-query',
      title: 'The search query is not valid',
      label: 'Failed (400)',
      summary: 'HTTP 400 Bad Request · invalid_query_string — Query validation error.',
      retryable: false,
      tone: 'input',
    },
  ],
  [
    '400 other',
    apiError({ status: 400, error: 'Bad Request', message: 'Bad thing.' }),
    {
      situation: 'bad-request',
      title: 'The Management API did not accept the request',
      label: 'Failed (400)',
      summary: 'HTTP 400 Bad Request — Bad thing.',
      retryable: true,
      tone: 'input',
    },
  ],
  [
    '401 token',
    apiError({ status: 401, error: 'Unauthorized', message: 'Expired token received.' }),
    {
      situation: 'session',
      title: 'Your session is no longer accepted',
      label: 'Failed (401)',
      summary: 'HTTP 401 Unauthorized — Expired token received.',
      retryable: false,
      tone: 'access',
    },
  ],
  [
    'session (login_required)',
    loginRequired,
    {
      situation: 'session',
      title: 'Your session is no longer accepted',
      label: 'Session ended',
      summary: 'Session ended — Login required',
      retryable: false,
      tone: 'access',
    },
  ],
  [
    '403 insufficient_scope with scopes',
    apiError({
      status: 403,
      error: 'Forbidden',
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected any of: read:clients, read:client_summary',
      missingScopes: ['read:clients', 'read:client_summary'],
    }),
    {
      situation: 'missing-scope',
      title: 'Missing permission: read:clients or read:client_summary',
      label: 'Needs read:clients or read:client_summary',
      summary:
        'HTTP 403 Forbidden · insufficient_scope — missing read:clients or read:client_summary',
      retryable: false,
      tone: 'access',
    },
  ],
  [
    '403 other',
    apiError({ status: 403, error: 'Forbidden', message: 'Client is not global.' }),
    {
      situation: 'forbidden',
      title: 'Access denied',
      label: 'Failed (403)',
      summary: 'HTTP 403 Forbidden — Client is not global.',
      retryable: false,
      tone: 'access',
    },
  ],
  [
    '404',
    apiError({
      status: 404,
      error: 'Not Found',
      errorCode: 'inexistent_user',
      message: 'The user does not exist.',
    }),
    {
      situation: 'not-found',
      title: 'User not found — the user may have been deleted',
      label: 'Failed (404)',
      summary: 'HTTP 404 Not Found · inexistent_user — The user does not exist.',
      retryable: true,
      tone: 'info',
    },
  ],
  [
    '414',
    apiError({ status: 414, error: 'URI Too Long', message: 'URI Too Long', hasApiBody: false }),
    {
      situation: 'query-too-long',
      title: 'The search query is too long',
      label: 'Failed (414)',
      summary: 'HTTP 414 URI Too Long — URI Too Long',
      retryable: false,
      tone: 'input',
    },
  ],
  [
    '429 with headers',
    apiError({
      status: 429,
      error: 'Too Many Requests',
      errorCode: 'too_many_requests',
      message: 'Global limit has been reached',
      rateLimit: { limit: 10, remaining: 0, reset: new Date(RECEIVED.getTime() + 4000) },
    }),
    {
      situation: 'rate-limited',
      title: 'Rate limited by the Management API',
      label: 'Failed (429)',
      summary: 'HTTP 429 Too Many Requests · too_many_requests — Global limit has been reached',
      retryable: true,
      tone: 'wait',
    },
  ],
  [
    '500',
    apiError({ status: 500, error: 'Internal Server Error', message: 'Internal error' }),
    {
      situation: 'server',
      title: 'The Management API ran into an error',
      label: 'Failed (500)',
      summary: 'HTTP 500 Internal Server Error — Internal error',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    '502 HTML body',
    apiError({
      status: 502,
      error: 'Bad Gateway',
      hasApiBody: false,
      message: 'The server answered 502 without a Management API error body.',
    }),
    {
      situation: 'server',
      title: 'The Management API is unavailable right now',
      label: 'Failed (502)',
      summary:
        'HTTP 502 Bad Gateway — The server answered 502 without a Management API error body.',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    '404 HTML body (not the API)',
    apiError({
      status: 404,
      error: 'Not Found',
      hasApiBody: false,
      message: 'The server answered 404 without a Management API error body.',
    }),
    {
      situation: 'not-api',
      title: 'The answer did not come from the Management API',
      label: 'Failed (404)',
      summary: 'HTTP 404 Not Found — The server answered 404 without a Management API error body.',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    '503 empty',
    apiError({
      status: 503,
      hasApiBody: false,
      message: 'The server answered 503 with an empty body.',
    }),
    {
      situation: 'server',
      title: 'The Management API is unavailable right now',
      label: 'Failed (503)',
      summary: 'HTTP 503 — The server answered 503 with an empty body.',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    '504',
    apiError({
      status: 504,
      error: 'Gateway Timeout',
      message: 'The Management API did not answer within 10 s.',
    }),
    {
      situation: 'server',
      title: "The Management API didn't answer in time",
      label: 'Failed (504)',
      summary: 'HTTP 504 Gateway Timeout — The Management API did not answer within 10 s.',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    'network',
    apiError({ kind: 'network', message: 'Failed to fetch' }),
    {
      situation: 'network',
      title: "Can't reach the Management API — check your connection",
      label: 'No connection',
      summary: 'No connection — Failed to fetch',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    'timeout',
    apiError({
      kind: 'timeout',
      message: "The Management API didn't answer within 15 s.",
      timeoutMs: 15_000,
    }),
    {
      situation: 'timeout',
      title: "The Management API didn't answer within 15 s",
      label: 'Timed out',
      summary: "Timed out — The Management API didn't answer within 15 s.",
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    'malformed',
    apiError({
      kind: 'malformed',
      status: 200,
      message: 'The answer did not match the expected shape.',
      detail: 'organizations: Invalid input: expected array, received string',
    }),
    {
      situation: 'malformed',
      title: "The answer wasn't in the shape Orgscope expects",
      label: 'Unexpected answer',
      summary: 'Unexpected answer — The answer did not match the expected shape.',
      retryable: true,
      tone: 'failure',
    },
  ],
  [
    'unexpected',
    new TypeError('users is not iterable'),
    {
      situation: 'unexpected',
      title: 'Something went wrong',
      label: 'Failed',
      summary: 'users is not iterable',
      retryable: true,
      tone: 'failure',
    },
  ],
]

describe('describeFailure', () => {
  test.each(CASES)('%s', (_name, error, expected) => {
    const failure = describeFailure(error)
    expect(failure).toMatchObject(expected)
    expect(failure.summary).not.toContain('\n')
    // Every failure says what it means; a title is never the summary repeated.
    expect(failure.detail).not.toBe('')
    expect(failure.title).not.toBe(failure.summary)
  })

  const missingRoles = apiError({ status: 403, error: 'Forbidden', message: 'Nope.' })

  test('a 403 that names no scope is the request’s own scope missing, when the caller knows it', () => {
    expect(describeFailure(missingRoles)).toMatchObject({ situation: 'forbidden' })
    expect(
      describeFailure(missingRoles, { scope: 'read:organization_member_roles' }),
    ).toMatchObject({
      situation: 'missing-scope',
      label: 'Needs read:organization_member_roles',
      summary: 'HTTP 403 Forbidden — missing read:organization_member_roles',
      missingScopes: ['read:organization_member_roles'],
    })
  })

  test('who grants a missing scope depends on the mode Orgscope runs in', () => {
    const error = apiError({
      status: 403,
      errorCode: 'insufficient_scope',
      missingScopes: ['read:organizations'],
    })
    const proxy = describeFailure(error, { mode: 'proxy' })
    expect(proxy.detail).toBe(
      "Your access token does not carry the permission read:organizations on Orgscope's API, so Orgscope's proxy refuses this request.",
    )
    expect(proxy.nextStep).toContain('User Management → Roles → your role → Permissions')
    const direct = describeFailure(error, { mode: 'direct', refused: 'the roles lookups' })
    expect(direct.detail).toBe(
      'The access token does not carry read:organizations, so the Management API refuses the roles lookups.',
    )
    expect(direct.nextStep).toContain('Machine to Machine Applications')
    expect(direct.nextStep).not.toContain('User Management')
  })
})
