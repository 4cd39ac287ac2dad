import { afterEach, describe, expect, it, vi } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import { setManagementApiSettings } from './settings'
import { createTestTenant, manualClock, TEST_ORIGIN, userPath } from '../testing/test-tenant'

afterEach(() => {
  vi.useRealTimers()
})

const headersOf = (response: Response) => ({
  limit: response.headers.get('X-RateLimit-Limit'),
  remaining: response.headers.get('X-RateLimit-Remaining'),
  reset: Number(response.headers.get('X-RateLimit-Reset')),
})

/** A whole second plus a bit, so reset arithmetic is exact. */
const startOfSecond = () => Math.ceil(Date.now() / 1000) * 1000 + 100

describe('rate limiting', () => {
  it('reports limit, remaining and a reset in UNIX seconds on every answer', async () => {
    const clock = manualClock(startOfSecond())
    const { get } = await createTestTenant({
      rateLimit: { burst: 5, refillPerSecond: 1 },
      now: clock.now,
    })
    const nowSeconds = clock.now() / 1000
    const ok = await get('/users?per_page=1')
    expect(ok.status).toBe(200)
    expect(headersOf(ok)).toEqual({ limit: '5', remaining: '4', reset: Math.ceil(nowSeconds + 1) })
    const missing = await get(userPath('auth0|nobody-at-all'))
    expect(missing.status).toBe(404)
    expect(headersOf(missing)).toEqual({
      limit: '5',
      remaining: '3',
      reset: Math.ceil(nowSeconds + 2),
    })
    const unknownPath = await get('/clients')
    expect(unknownPath.status).toBe(404)
    expect(headersOf(unknownPath).remaining).toBe('2')
  })

  it('answers 429 too_many_requests once the burst is spent, with the same headers', async () => {
    const clock = manualClock(startOfSecond())
    const { get } = await createTestTenant({
      rateLimit: { burst: 3, refillPerSecond: 0.5 },
      now: clock.now,
    })
    for (let i = 0; i < 3; i++) expect((await get('/users?per_page=1')).status).toBe(200)
    const refused = await get('/users?per_page=1')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    })
    // Three tokens at 0.5 per second: full again in 6 s.
    expect(headersOf(refused)).toEqual({
      limit: '3',
      remaining: '0',
      reset: Math.ceil(clock.now() / 1000 + 6),
    })
  })

  it('refills over time', async () => {
    const clock = manualClock(startOfSecond())
    const { get } = await createTestTenant({
      rateLimit: { burst: 2, refillPerSecond: 2 },
      now: clock.now,
    })
    await get('/users?per_page=1')
    await get('/users?per_page=1')
    expect((await get('/users?per_page=1')).status).toBe(429)
    clock.advance(500)
    const refilled = await get('/users?per_page=1')
    expect(refilled.status).toBe(200)
    expect(headersOf(refilled).remaining).toBe('0')
    clock.advance(10_000)
    expect(headersOf(await get('/users?per_page=1')).remaining).toBe('1')
  })

  it('charges each client its own bucket, and failed sign-ins one shared anonymous bucket', async () => {
    const clock = manualClock(startOfSecond())
    const t = await createTestTenant({
      rateLimit: { burst: 2, refillPerSecond: 0.001 },
      now: clock.now,
    })
    const proxyToken = await t.mint({ sub: 'proxy@clients', clientId: 'orgscope-proxy' })
    await t.get('/users?per_page=1')
    await t.get('/users?per_page=1')
    expect((await t.get('/users?per_page=1')).status).toBe(429)
    expect((await t.get('/users?per_page=1', { token: proxyToken })).status).toBe(200)

    const anonymous = await t.get('/users', { token: null })
    expect(anonymous.status).toBe(401)
    expect(headersOf(anonymous)).toMatchObject({ limit: '2', remaining: '1' })
    expect(headersOf(await t.get('/users', { token: 'garbage' })).remaining).toBe('0')
    expect((await t.get('/users', { token: 'garbage' })).status).toBe(429)
  })

  it('exposes the rate-limit headers to the SPA’s origin', async () => {
    const { tenant, token } = await createTestTenant()
    const response = await tenant.fetch(
      new Request(`${TEST_ORIGIN}/api/v2/users?per_page=1`, {
        headers: { Authorization: `Bearer ${token}`, Origin: 'http://app.test' },
      }),
    )
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('http://app.test')
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('X-RateLimit-Reset')
  })
})

describe('runtime settings', () => {
  it('switches the rate limit while running, starting buckets afresh', async () => {
    const clock = manualClock(startOfSecond())
    const t = await createTestTenant({
      rateLimit: { burst: 1, refillPerSecond: 0.001 },
      now: clock.now,
    })
    await t.get('/users?per_page=1')
    expect((await t.get('/users?per_page=1')).status).toBe(429)
    setManagementApiSettings(t.tenant, { rateLimit: { burst: 10, refillPerSecond: 1 } })
    const response = await t.get('/users?per_page=1')
    expect(response.status).toBe(200)
    expect(headersOf(response)).toMatchObject({ limit: '10', remaining: '9' })
  })

  it('adds latency before answering, and abandons it when the caller aborts', async () => {
    const t = await createTestTenant()
    setManagementApiSettings(t.tenant, { latencyMs: 60_000 })
    vi.useFakeTimers()
    const controller = new AbortController()
    const pending = t.get(userPath(NAMED_USERS.oneMembership.userId), { signal: controller.signal })
    await vi.advanceTimersByTimeAsync(59_000)
    controller.abort()
    expect((await pending).status).toBe(499)
    expect(vi.getTimerCount()).toBe(0)

    const answered = t.get(userPath(NAMED_USERS.oneMembership.userId))
    await vi.advanceTimersByTimeAsync(60_000)
    expect((await answered).status).toBe(200)
    setManagementApiSettings(t.tenant, { latencyMs: 0 })
  })

  it('refuses settings that would break the headers', async () => {
    const { tenant } = await createTestTenant()
    expect(() =>
      setManagementApiSettings(tenant, { rateLimit: { burst: 0, refillPerSecond: 1 } }),
    ).toThrow(RangeError)
    expect(() =>
      setManagementApiSettings(tenant, { rateLimit: { burst: 1.5, refillPerSecond: 1 } }),
    ).toThrow(RangeError)
    expect(() =>
      setManagementApiSettings(tenant, { rateLimit: { burst: 5, refillPerSecond: 0 } }),
    ).toThrow(RangeError)
    expect(() => setManagementApiSettings(tenant, { latencyMs: -1 })).toThrow(RangeError)
    expect(tenant.config.rateLimit).toEqual({ burst: 100_000, refillPerSecond: 100_000 })
  })
})
