import { delay, http, HttpResponse, type JsonBodyType } from 'msw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { z } from 'zod'
import { server, TENANT_API_BASE_URL, tenantUrl } from '@/testing/server'
import { createManagementApi, type ManagementApiConfig } from './client'
import { formatErrorDetails, describeError, ManagementApiError } from './errors'
import { OrganizationsPageSchema, UserSchema } from './schemas'

const TOKEN = 'eyJ.secret-admin-token.sig'
const ANY_API_PATH = tenantUrl('/api/v2/*')

function createApi(overrides: Partial<ManagementApiConfig> = {}) {
  return createManagementApi({
    baseUrl: TENANT_API_BASE_URL,
    getAccessToken: () => Promise.resolve(TOKEN),
    ...overrides,
  })
}

/** Answers every API path with what the server received, to check what the client sends. */
function echoRequests() {
  server.use(
    http.get(ANY_API_PATH, ({ request }) => {
      const url = new URL(request.url)
      return HttpResponse.json({
        pathname: url.pathname,
        search: url.search,
        query: Object.fromEntries(url.searchParams),
        authorization: request.headers.get('Authorization'),
      })
    }),
  )
}
const EchoSchema = z.object({
  pathname: z.string(),
  search: z.string(),
  query: z.record(z.string(), z.string()),
  authorization: z.string().nullable(),
})

/** Every API path answers with this status, body and headers. */
function answer(status: number, body: JsonBodyType, headers: Record<string, string> = {}) {
  server.use(http.get(ANY_API_PATH, () => HttpResponse.json(body, { status, headers })))
}

/** Runs a request expected to fail and returns the ManagementApiError. */
async function failure(
  path: readonly string[] = ['users', 'auth0|1', 'organizations'],
  api = createApi(),
): Promise<ManagementApiError> {
  const error: unknown = await api.request(path, { schema: OrganizationsPageSchema }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ManagementApiError)
  return error as ManagementApiError
}

afterEach(() => {
  vi.useRealTimers()
})

describe('building the request', () => {
  test('sends a SAML user id as one encoded path segment', async () => {
    echoRequests()
    const { data, requestPath } = await createApi().request(
      ['users', 'samlp|acme-saml|jane@acme.com', 'organizations'],
      { schema: EchoSchema },
    )
    expect(data.pathname).toBe('/api/v2/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations')
    expect(requestPath).toBe('/api/v2/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations')
  })

  test.each([
    ['a slash', 'auth0|team/jane'],
    ['a question mark', 'auth0|who?'],
    ['a hash', 'auth0|#1'],
    ['a percent sign', 'auth0|100%'],
    ['an already-encoded sequence', 'auth0|a%7Cb'],
    ['spaces and a plus', 'auth0|jane doe+test'],
    ['unicode', 'oidc|ünïcødé-用户'],
  ])('keeps an id with %s inside its one segment', async (_label, userId) => {
    server.use(
      http.get(tenantUrl('/api/v2/users/:userId/organizations'), ({ params }) =>
        HttpResponse.json({ userId: params.userId }),
      ),
    )
    const { data, requestPath } = await createApi().request(['users', userId, 'organizations'], {
      schema: z.object({ userId: z.string() }),
    })
    expect(data.userId).toBe(userId)
    expect(requestPath).toBe(`/api/v2/users/${encodeURIComponent(userId)}/organizations`)
  })

  test.each(['', '.', '..'])(
    'refuses to send the path segment %j, which would address another endpoint',
    async (segment) => {
      await expect(
        createApi().request(['users', segment, 'organizations'], { schema: z.unknown() }),
      ).rejects.toThrow(TypeError)
    },
  )

  test('adds the bearer token from the token seam as a header, never to the URL', async () => {
    echoRequests()
    const getAccessToken = vi.fn(() => Promise.resolve(TOKEN))
    const { data, requestPath } = await createApi({ getAccessToken }).request(['users'], {
      query: { q: 'jane' },
      schema: EchoSchema,
    })
    expect(data.authorization).toBe(`Bearer ${TOKEN}`)
    expect(getAccessToken).toHaveBeenCalledTimes(1)
    expect(requestPath).not.toContain(TOKEN)
    expect(data.search).not.toContain(TOKEN)
  })

  test('builds the query string, encoding values and leaving out undefined ones', async () => {
    echoRequests()
    const q = 'email:"jane+test@acme.com" AND name:jan*'
    const { data, requestPath } = await createApi().request(['users'], {
      query: {
        q,
        search_engine: 'v3',
        page: 0,
        per_page: 50,
        include_totals: true,
        fields: undefined,
      },
      schema: EchoSchema,
    })
    expect(data.query).toEqual({
      q,
      search_engine: 'v3',
      page: '0',
      per_page: '50',
      include_totals: 'true',
    })
    expect(requestPath).toBe(
      `/api/v2/users?q=${encodeURIComponent(q)}&search_engine=v3&page=0&per_page=50&include_totals=true`,
    )
  })

  test('joins a base URL with a trailing slash without doubling it', async () => {
    echoRequests()
    const { data } = await createApi({ baseUrl: `${TENANT_API_BASE_URL}/` }).request(['users'], {
      schema: EchoSchema,
    })
    expect(data.pathname).toBe('/api/v2/users')
  })
})

describe('a successful answer', () => {
  test('returns the parsed body with its status, request path and rate-limit headers', async () => {
    server.use(
      http.get(tenantUrl('/api/v2/users/:userId'), () =>
        HttpResponse.json(
          { user_id: 'auth0|1', email: 'jane@acme.com', app_metadata: { plan: 'pro' } },
          {
            headers: {
              'X-RateLimit-Limit': '40',
              'X-RateLimit-Remaining': '39',
              'X-RateLimit-Reset': '1767225600',
            },
          },
        ),
      ),
    )
    const response = await createApi().request(['users', 'auth0|1'], { schema: UserSchema })
    expect(response.data).toMatchObject({ user_id: 'auth0|1', email: 'jane@acme.com' })
    expect(response.status).toBe(200)
    expect(response.requestPath).toBe('/api/v2/users/auth0%7C1')
    expect(response.receivedAt).toBeInstanceOf(Date)
    expect(response.rateLimit).toEqual({
      limit: 40,
      remaining: 39,
      reset: new Date('2026-01-01T00:00:00.000Z'),
    })
  })

  test('clears its time-out once the answer is in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    echoRequests()
    await createApi().request(['users'], { schema: EchoSchema })
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('documented error bodies', () => {
  test('400 invalid_uri keeps the status, reason, error code and message', async () => {
    answer(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: "Path validation error: 'String does not match pattern' on property id.",
      errorCode: 'invalid_uri',
    })
    const error = await failure()
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      error: 'Bad Request',
      errorCode: 'invalid_uri',
      message: "Path validation error: 'String does not match pattern' on property id.",
      hasApiBody: true,
      requestPath: '/api/v2/users/auth0%7C1/organizations',
    })
    expect(error.receivedAt).toBeInstanceOf(Date)
    expect(error.missingScopes).toBeUndefined()
  })

  test('400 invalid_query_string keeps the API message', async () => {
    answer(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Query validation error: \'Invalid value "-1" for page\'.',
      errorCode: 'invalid_query_string',
    })
    const error = await failure()
    expect(error).toMatchObject({ status: 400, errorCode: 'invalid_query_string' })
    expect(error.message).toContain('Query validation error')
  })

  test.each([
    [
      'Invalid token with attributes (seen live)',
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
        attributes: { error: 'Invalid token' },
      },
    ],
    [
      'Invalid signature without attributes (documented)',
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid signature received for JSON Web Token validation.',
      },
    ],
  ])('401 %s becomes an http error without an error code', async (_label, body) => {
    answer(401, body)
    const error = await failure()
    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      error: 'Unauthorized',
      message: body.message,
      errorCode: undefined,
    })
  })

  test.each([
    [
      'documented',
      'Insufficient scope; expected any of: read:organizations.',
      ['read:organizations'],
    ],
    [
      'seen live',
      'Insufficient scope, expected any of: read:clients, read:client_summary',
      ['read:clients', 'read:client_summary'],
    ],
  ])(
    '403 insufficient_scope (%s form) names the missing scopes',
    async (_label, message, scopes) => {
      answer(403, { statusCode: 403, error: 'Forbidden', message, errorCode: 'insufficient_scope' })
      const error = await failure()
      expect(error).toMatchObject({ status: 403, errorCode: 'insufficient_scope', message })
      expect(error.missingScopes).toEqual(scopes)
    },
  )

  test.each<[string, { statusCode: number; error: string; message: string; errorCode?: string }]>([
    ['documented', { statusCode: 404, error: 'Not Found', message: 'User not found' }],
    [
      'seen live',
      {
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      },
    ],
  ])('404 (%s shape) keeps the message and any error code', async (_label, body) => {
    answer(404, body)
    const error = await failure(['users', 'auth0|gone'])
    expect(error).toMatchObject({
      status: 404,
      message: body.message,
      errorCode: body.errorCode,
      hasApiBody: true,
    })
  })

  test('429 reads the rate-limit headers, with the reset in UNIX seconds as a Date', async () => {
    answer(
      429,
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      },
      {
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': '1767225604',
        'Retry-After': '4',
      },
    )
    const error = await failure()
    expect(error).toMatchObject({ status: 429, errorCode: 'too_many_requests' })
    expect(error.rateLimit).toEqual({
      limit: 10,
      remaining: 0,
      reset: new Date('2026-01-01T00:00:04.000Z'),
      retryAfterSeconds: 4,
    })
  })

  test('an error without rate-limit headers has no rate-limit info', async () => {
    answer(404, { statusCode: 404, error: 'Not Found', message: 'User not found' })
    expect((await failure()).rateLimit).toBeUndefined()
  })
})

describe('answers that are not the API’s', () => {
  test('an HTML 502 keeps its status and says the body was not a Management API error', async () => {
    server.use(
      http.get(ANY_API_PATH, () =>
        HttpResponse.html('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
      ),
    )
    const error = await failure()
    expect(error).toMatchObject({
      kind: 'http',
      status: 502,
      error: 'Bad Gateway',
      hasApiBody: false,
      message: 'The server answered 502 without a Management API error body.',
    })
    expect(error.detail).toContain('text/html')
  })

  test('an empty 503 keeps its status and says the body was empty', async () => {
    server.use(http.get(ANY_API_PATH, () => new HttpResponse(null, { status: 503 })))
    const error = await failure()
    expect(error).toMatchObject({ kind: 'http', status: 503, hasApiBody: false })
    expect(error.message).toBe(
      'The server answered 503 with an empty body, not a Management API error body.',
    )
  })

  test('JSON that is not an error body counts as not the API’s', async () => {
    answer(500, { oops: true })
    const error = await failure()
    expect(error).toMatchObject({ status: 500, hasApiBody: false })
    expect(error.message).toBe('The server answered 500 without a Management API error body.')
  })

  test('a 2xx body that does not fit the schema is malformed, naming what did not fit', async () => {
    answer(200, { start: 0, limit: 50, total: 1, organizations: [{ name: 'acme' }] })
    const error = await failure()
    expect(error).toMatchObject({
      kind: 'malformed',
      status: 200,
      message: "The answer wasn't in the shape Orgscope expects.",
    })
    expect(error.detail).toContain('organizations.0.id')
  })

  test('a 2xx body that is not JSON is malformed', async () => {
    server.use(http.get(ANY_API_PATH, () => HttpResponse.text('<html>portal login</html>')))
    const error = await failure()
    expect(error).toMatchObject({ kind: 'malformed', detail: 'The body was not valid JSON.' })
  })
})

describe('failures before an answer', () => {
  test('a network failure becomes a network error', async () => {
    server.use(http.get(ANY_API_PATH, () => HttpResponse.error()))
    const error = await failure()
    expect(error).toMatchObject({
      kind: 'network',
      message: "Can't reach the Management API — check your connection.",
      requestPath: '/api/v2/users/auth0%7C1/organizations',
    })
    expect(error.status).toBeUndefined()
  })

  test('no answer within timeoutMs becomes a time-out error', async () => {
    server.use(
      http.get(ANY_API_PATH, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const error = await failure(undefined, createApi({ timeoutMs: 30 }))
    expect(error).toMatchObject({
      kind: 'timeout',
      timeoutMs: 30,
      message: "The Management API didn't answer within 30 ms.",
    })
  })

  test('the default time-out is 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    server.use(
      http.get(ANY_API_PATH, async () => {
        await new Promise(() => {})
        return HttpResponse.json({})
      }),
    )
    const pending = failure()
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1))
    await vi.advanceTimersByTimeAsync(14_999)
    await vi.advanceTimersByTimeAsync(1)
    const error = await pending
    expect(error).toMatchObject({
      kind: 'timeout',
      timeoutMs: 15_000,
      message: "The Management API didn't answer within 15 s.",
    })
  })

  test('a caller abort is rethrown as the AbortError, not turned into an API error', async () => {
    server.use(
      http.get(ANY_API_PATH, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const controller = new AbortController()
    const pending = createApi().request(['users'], {
      schema: z.unknown(),
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 10)
    const error: unknown = await pending.catch((thrown: unknown) => thrown)
    expect(error).not.toBeInstanceOf(ManagementApiError)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  test('a caller abort while the token is fetched stops before any request', async () => {
    const controller = new AbortController()
    const getAccessToken = () => {
      controller.abort()
      return Promise.resolve(TOKEN)
    }
    const error: unknown = await createApi({ getAccessToken })
      .request(['users'], { schema: z.unknown(), signal: controller.signal })
      .catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  test('a token seam failure reaches the caller unchanged', async () => {
    const loginRequired = Object.assign(new Error('Login required'), { error: 'login_required' })
    await expect(
      createApi({ getAccessToken: () => Promise.reject(loginRequired) }).request(['users'], {
        schema: z.unknown(),
      }),
    ).rejects.toBe(loginRequired)
  })
})

test('no error or its copied details ever hold the access token', async () => {
  answer(
    401,
    { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' },
    { 'X-RateLimit-Limit': '10' },
  )
  const error = await failure()
  const everything = [
    JSON.stringify(error),
    error.message,
    error.requestPath,
    String(error.detail),
    formatErrorDetails(describeError(error)),
  ].join('\n')
  expect(everything).not.toContain(TOKEN)
})

test('the local tenant’s answer to a token it cannot verify is a 401 with rate-limit headers', async () => {
  // No override: the shared MSW server forwards to the real local tenant.
  const error = await failure(['users', 'auth0|1', 'organizations'])
  expect(error).toMatchObject({
    kind: 'http',
    status: 401,
    error: 'Unauthorized',
    message: 'Invalid token',
    hasApiBody: true,
  })
  expect(error.rateLimit?.limit).toEqual(expect.any(Number))
  expect(error.rateLimit?.reset).toBeInstanceOf(Date)
})
