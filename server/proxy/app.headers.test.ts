import { describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { APP_ORIGIN, createTestProxy, PROXY_ORIGIN, userPath } from './testing/test-proxy'

const ONE = userPath(NAMED_USERS.oneMembership.userId, '/organizations')
const EXPOSED =
  'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Request-Id'
const API_CSP = "default-src 'none'; frame-ancestors 'none'"

describe('CORS', () => {
  it('lets an allowed origin read the answer and its rate-limit headers', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { headers: { Origin: APP_ORIGIN } })

    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe(EXPOSED)
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    expect(response.headers.get('Vary')).toBe('Origin')
  })

  it('gives errors the same headers, so the SPA can read them too', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { token: null, headers: { Origin: APP_ORIGIN } })

    expect(response.status).toBe(401)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
  })

  it('gives any other origin nothing', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { headers: { Origin: 'https://evil.example' } })

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(response.headers.get('Access-Control-Expose-Headers')).toBeNull()
    expect(response.headers.get('Vary')).toBe('Origin')
  })

  const preflight = (origin: string) =>
    new Request(`${PROXY_ORIGIN}${ONE}`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    })

  it('answers an allowed preflight: GET with an Authorization header', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.request(preflight(APP_ORIGIN))

    expect(response.status).toBe(204)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'Authorization, X-Request-Id',
      'access-control-max-age': '600',
    })
    expect(proxy.upstream).toEqual([])
  })

  it("keeps a preflight's own Vary and adds no Expose-Headers to it", async () => {
    const proxy = await createTestProxy()
    const response = await proxy.request(preflight(APP_ORIGIN))

    expect(response.status).toBe(204)
    expect(response.headers.get('Vary')).toBe(
      'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    )
    expect(response.headers.get('Access-Control-Expose-Headers')).toBeNull()
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a preflight from another origin', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.request(preflight('https://evil.example'))

    expect(response.status).toBe(403)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(response.headers.get('Access-Control-Allow-Methods')).toBeNull()
    expect(response.headers.get('Vary')).toBe(
      'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    )
  })
})

describe('security headers', () => {
  it.each([
    ['a relayed answer', ONE, undefined],
    ['a 401', ONE, null],
    ['a 404', '/api/v2/clients', undefined],
    ['/healthz', '/healthz', null],
    ['an unknown path', '/favicon.ico', null],
  ])('on %s: nosniff, no referrer, no-store, a CSP that allows nothing', async (_, path, token) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(path, token === null ? { token } : {})

    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('Content-Security-Policy')).toBe(API_CSP)
  })
})

describe('X-Request-Id', () => {
  it('is on every answer: a fresh UUID when the caller sent none', async () => {
    const proxy = await createTestProxy()
    const [a, b] = await Promise.all([proxy.get(ONE), proxy.get('/healthz', { token: null })])

    expect(a?.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(b?.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(a?.headers.get('X-Request-Id')).not.toBe(b?.headers.get('X-Request-Id'))
  })

  it("is always the proxy's own: a caller cannot choose the id its audit line is filed under", async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { headers: { 'X-Request-Id': 'lb-7f3a:42' } })
    const own = response.headers.get('X-Request-Id')
    const [entry] = proxy.auditEntries()

    expect(own).toMatch(/^[0-9a-f-]{36}$/)
    expect(entry).toMatchObject({ requestId: own, callerRequestId: 'lb-7f3a:42' })
  })

  it.each([['x'.repeat(200)], ['has spaces'], ['<script>']])(
    'keeps a malformed caller id (%j) out of the log',
    async (incoming) => {
      const proxy = await createTestProxy()
      const response = await proxy.get(ONE, { headers: { 'X-Request-Id': incoming } })
      const [entry] = proxy.auditEntries()

      expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
      expect(entry).not.toHaveProperty('callerRequestId')
    },
  )
})

describe('limits', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    '%s with a body: 405 naming the methods it takes, before the body is looked at',
    async (method) => {
      const proxy = await createTestProxy()
      const response = await proxy.request(
        new Request(`${PROXY_ORIGIN}/api/v2/users`, {
          method,
          headers: { 'Content-Length': '10' },
          body: 'x'.repeat(10),
        }),
      )

      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('GET, OPTIONS')
      expect(await response.json()).toMatchObject({
        statusCode: 405,
        error: 'Method Not Allowed',
      })
      expect(proxy.upstream).toEqual([])
    },
  )

  it('refuses a GET with a body: 413, nothing checked or sent', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { headers: { 'Content-Length': '10' } })

    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
    expect(proxy.upstream).toEqual([])
  })

  it('refuses a GET announcing a body', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(ONE, { headers: { 'Transfer-Encoding': 'chunked' } })

    expect(response.status).toBe(413)
  })

  it('refuses an over-long URL: 414', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(`/api/v2/users?q=${'a'.repeat(9000)}`)

    expect(response.status).toBe(414)
    expect(proxy.upstream).toEqual([])
  })
})

describe('GET /healthz', () => {
  it('answers 200 without a token and without asking the tenant', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/healthz', { token: null })

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(proxy.upstream).toEqual([])
  })
})
