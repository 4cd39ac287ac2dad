import { createServer, type AddressInfo } from 'node:net'
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

  it('is replaced only once: a second 401 goes to the admin, in its Auth0 fields', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(scenarioPath('invalid-token'))

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid token',
    })
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(2)
    expect(proxy.managementRequests()).toHaveLength(2)
  })

  it('is not asked for per lookup when the Management API refuses every token: 20 lookups, 3 grants', async () => {
    const proxy = await createTestProxy()
    const statuses = []
    for (let i = 0; i < 20; i++)
      statuses.push((await proxy.get(scenarioPath('invalid-token'))).status)

    expect(statuses).toEqual(Array(20).fill(401))
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(3)
  })

  it('rate limited at the token endpoint: one grant request, and every lookup a 429 with the wait', async () => {
    const proxy = await createTestProxy({
      upstream: (request, tenant) =>
        isTokenGrant(request)
          ? Promise.resolve(new Response(null, { status: 429, headers: { 'Retry-After': '30' } }))
          : tenant(request),
    })
    const responses = await Promise.all(Array.from({ length: 5 }, () => proxy.get(ONE)))
    for (let i = 0; i < 15; i++) responses.push(await proxy.get(ONE))

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(429))
    for (const response of responses) {
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(25)
    }
    expect(await responses[19]?.json()).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
    })
    expect(proxy.upstream.filter(isTokenGrant)).toHaveLength(1)
    expect(proxy.managementRequests()).toEqual([])
    expect(proxy.auditEntries().map((entry) => entry.status)).toEqual(Array(20).fill(429))
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
    ['malformed', 200, '{"organizations":"oops"}'],
    ['deleted', 404, '{"statusCode":404,"error":"Not Found","message":"User not found"}'],
    [
      'insufficient-scope',
      403,
      '{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: read:organizations","errorCode":"insufficient_scope"}',
    ],
  ] as const)('%s: %i, in its own words', async (scenario, status, body) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(scenarioPath(scenario))

    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(await response.text()).toBe(body)
    // Whatever the body, a browser may not run it.
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
  })
})

describe('Management API errors: only their Auth0 fields come back', () => {
  it("a 500 echoing the request: no header of it, and the proxy's token blanked from the message", async () => {
    const proxy = await createTestProxy({
      upstream: managementFails(async (request) =>
        Response.json(
          {
            statusCode: 500,
            error: 'Internal Server Error',
            message: `Failed: authorization=${request.headers.get('Authorization')}`,
            errorCode: 'internal_error',
            request: { headers: Object.fromEntries(request.headers) },
            stack: 'at handler (/srv/api.js:1:1)',
          },
          { status: 500, headers: { 'X-RateLimit-Remaining': '9' } },
        ),
      ),
    })
    const response = await proxy.get(ONE)
    const text = await response.text()
    const proxyToken = proxy.managementRequests()[0]?.headers.get('Authorization')?.slice(7)

    expect(response.status).toBe(500)
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Failed: authorization=[redacted]',
      errorCode: 'internal_error',
    })
    expect(proxyToken).toBeTruthy()
    expect(text).not.toContain(String(proxyToken))
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('9')
  })

  it('a JWT, or part of one, in the message is blanked too', async () => {
    const proxy = await createTestProxy({
      upstream: managementFails(async () =>
        Response.json(
          { statusCode: 400, message: 'Bad token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln here' },
          { status: 400 },
        ),
      ),
    })
    const response = await proxy.get(ONE)

    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Bad token [redacted] here',
    })
  })

  it.each([
    ['bad-gateway', 502, 'Bad Gateway'],
    ['empty-body', 503, 'Service Unavailable'],
  ] as const)(
    '%s: not an Auth0 error, so a generic one in its place',
    async (scenario, status, error) => {
      const proxy = await createTestProxy()
      const response = await proxy.get(scenarioPath(scenario))

      expect(response.status).toBe(status)
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
      expect(await response.json()).toEqual({
        statusCode: status,
        error,
        message: `The Management API answered HTTP ${status} without an error in Auth0's shape.`,
      })
    },
  )

  it("a gateway's 404 page is a 502: it says nothing about the user, so the SPA must not read it as 'User not found'", async () => {
    const proxy = await createTestProxy({
      upstream: managementFails(
        async () =>
          new Response('<html><h1>404 Not Found</h1></html>', {
            status: 404,
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: "The Management API answered HTTP 404 without an error in Auth0's shape.",
    })
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

  it('an answer over 4 MiB (here 64): 502, read no further than the cap, and audited', async () => {
    const MiB = new Uint8Array(1024 * 1024).fill(32)
    let pulled = 0
    const proxy = await createTestProxy({
      upstream: managementFails(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                if (pulled++ < 64) controller.enqueue(MiB)
                else controller.close()
              },
            }),
            { status: 200, headers: { 'Content-Type': 'application/json' } },
          ),
      ),
    })
    const response = await proxy.get(ONE)

    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'The Management API answered with more than 4 MiB, which the proxy does not relay.',
    })
    expect(pulled).toBeLessThanOrEqual(6)
    expect(proxy.auditEntries().map(({ status }) => status)).toEqual([502])
  })

  it.each([999, 600])(
    'a status outside 200-599 (%i, as a raw server can send): 502, and audited',
    async (status) => {
      // The runtime's Response refuses to be built with such a status; only a real socket sends one.
      const server = createServer((socket) =>
        socket.once('data', () =>
          socket.end(
            `HTTP/1.1 ${status} Odd\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
          ),
        ),
      )
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      try {
        const proxy = await createTestProxy({
          upstream: managementFails((request) =>
            fetch(new Request(`http://127.0.0.1:${port}${new URL(request.url).pathname}`, request)),
          ),
        })
        const response = await proxy.get(ONE)

        expect(response.status).toBe(502)
        expect(await response.json()).toEqual({
          statusCode: 502,
          error: 'Bad Gateway',
          message: `The Management API answered with HTTP status ${status}, which HTTP does not define.`,
        })
        expect(proxy.auditEntries().map((entry) => entry.status)).toEqual([502])
      } finally {
        server.close()
      }
    },
  )

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
