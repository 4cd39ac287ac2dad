import { describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { SCENARIO_USERS, type ScenarioName } from '../local-tenant/seed/scenarios'
import { closedPort, createTestProxy, userPath, type UpstreamHook } from './testing/test-proxy'

const memberships = (userId: string) => userPath(userId, '/organizations')
const scenarioPath = (scenario: ScenarioName) => memberships(SCENARIO_USERS[scenario].userId)
const ONE = memberships(NAMED_USERS.oneMembership.userId)

const isManagement = (request: Request) => new URL(request.url).pathname.startsWith('/api/v2/')
const isTokenGrant = (request: Request) => new URL(request.url).pathname === '/oauth/token'

/** Fails Management API requests with `fail`; the token endpoint and key set work. */
const managementFails =
  (fail: (request: Request) => Promise<Response>): UpstreamHook =>
  (request, tenant) =>
    isManagement(request) ? fail(request) : tenant(request)

describe("the proxy's Management API token", () => {
  it('is fetched once for concurrent lookups, and then reused', async () => {
    const proxy = await createTestProxy()

    const first = await Promise.all(Array.from({ length: 8 }, () => proxy.get(ONE)))
    const later = await proxy.get(ONE)

    expect([...first, later].map((response) => response.status)).toEqual(Array(9).fill(200))
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(1)
  })

  it('is replaced after the Management API refuses it, and the lookup sent once more', async () => {
    let refusals = 1
    const proxy = await createTestProxy({
      upstream: (request, tenant) =>
        isManagement(request) && refusals-- > 0
          ? Promise.resolve(
              Response.json({ statusCode: 401, message: 'Invalid token' }, { status: 401 }),
            )
          : tenant(request),
    })

    const response = await proxy.get(ONE)

    expect(response.status).toBe(200)
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(2)
    expect(proxy.managementRequests()).toHaveLength(2)
  })

  it('is replaced only once: a second 401 goes to the admin as it came', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(scenarioPath('invalid-token'))

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid token',
      attributes: { error: 'Invalid token' },
    })
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(2)
    expect(proxy.managementRequests()).toHaveLength(2)
  })

  it('refused by the tenant (a wrong secret): 502 saying so', async () => {
    const proxy = await createTestProxy({ config: { clientSecret: 'wrong' } })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'The tenant refused the proxy a Management API token: access_denied (Unauthorized)',
    })
  })
})

describe('Management API answers, relayed as they came', () => {
  it('429 with its rate-limit headers', async () => {
    const proxy = await createTestProxy({ rateLimit: { burst: 1, refillPerSecond: 0.01 } })

    expect((await proxy.get(ONE)).status).toBe(200)
    const limited = await proxy.get(ONE)

    expect(limited.status).toBe(429)
    expect(await limited.json()).toMatchObject({ errorCode: 'too_many_requests' })
    expect(limited.headers.get('X-RateLimit-Limit')).toBe('1')
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0')
    expect(Number(limited.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000)
  })

  it('Retry-After, when the API sends one; other upstream headers stay behind', async () => {
    const proxy = await createTestProxy({
      upstream: managementFails(async () =>
        Response.json(
          { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached' },
          {
            status: 429,
            headers: {
              'Retry-After': '7',
              'X-RateLimit-Limit': '10',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': '1900000000',
              'Set-Cookie': 'did=abc',
              'X-Upstream-Secret': 'internal',
            },
          },
        ),
      ),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('7')
    expect(response.headers.get('X-RateLimit-Reset')).toBe('1900000000')
    expect(response.headers.get('Set-Cookie')).toBeNull()
    expect(response.headers.get('X-Upstream-Secret')).toBeNull()
  })

  it.each([
    ['server-error', 500, /^application\/json/, '{"statusCode":500,'],
    ['bad-gateway', 502, /^text\/html/, '<html>'],
    ['empty-body', 503, null, ''],
    ['malformed', 200, /^application\/json/, '{"organizations":"oops"}'],
    [
      'deleted',
      404,
      /^application\/json/,
      '{"statusCode":404,"error":"Not Found","message":"User not found"}',
    ],
    ['insufficient-scope', 403, /^application\/json/, '{"statusCode":403,'],
  ] as const)('%s: %i, body untouched', async (scenario, status, contentType, bodyStart) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(scenarioPath(scenario))

    expect(response.status).toBe(status)
    if (contentType === null) expect(response.headers.get('Content-Type')).toBeNull()
    else expect(response.headers.get('Content-Type')).toMatch(contentType)
    expect((await response.text()).startsWith(bodyStart)).toBe(true)
    // Whatever the body, a browser may not run it.
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
  })
})

describe('when the Management API fails to answer', () => {
  const TIMED_OUT = {
    statusCode: 504,
    error: 'Gateway Timeout',
    message: 'The Management API did not answer within 0.1 s.',
  }

  it('slow (the tenant keeps the caller waiting 30 s): 504 after the time limit', async () => {
    const proxy = await createTestProxy({ config: { upstreamTimeoutMs: 100 } })
    const started = Date.now()
    const response = await proxy.get(scenarioPath('slow'))

    expect(response.status).toBe(504)
    expect(await response.json()).toEqual(TIMED_OUT)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('silent (a fetch that never settles, signal or not): 504 all the same', async () => {
    const proxy = await createTestProxy({
      config: { upstreamTimeoutMs: 100 },
      upstream: managementFails(() => new Promise<Response>(() => {})),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(504)
    expect(await response.json()).toEqual(TIMED_OUT)
  })

  it('unreachable (connection refused): 502', async () => {
    const port = await closedPort()
    const proxy = await createTestProxy({
      upstream: managementFails((request) => {
        const url = new URL(request.url)
        return fetch(new Request(`http://127.0.0.1:${port}${url.pathname}${url.search}`, request))
      }),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'The Management API could not be reached.',
    })
  })

  it('a redirect is not followed (our token would go with it): 502', async () => {
    const proxy = await createTestProxy({
      upstream: managementFails(async () =>
        Response.redirect('https://elsewhere.example/api/v2/users', 302),
      ),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect((await response.json()).message).toMatch(/redirect/)
  })

  it('the key set is unreachable: 502, nothing looked up', async () => {
    const proxy = await createTestProxy({
      upstream: (request, tenant) =>
        request.url.endsWith('/.well-known/jwks.json')
          ? Promise.reject(new TypeError('fetch failed'))
          : tenant(request),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect(proxy.managementRequests()).toEqual([])
  })
})
