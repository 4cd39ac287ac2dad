import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createLocalTenant } from '../app'
import {
  authorizeQuery,
  pkcePair,
  postedMessage,
  TestBrowser,
  APP_ORIGIN,
  TENANT_ORIGIN,
} from '../testing/auth-test-kit'
import { defaultTenantConfig } from '../config'
import { NAMED_USERS } from '../seed/named-users'
import type { Faults } from './faults'
import { createTestTenant, manualClock, userPath, type TestTenant } from '../testing/test-tenant'

const { manyMemberships, threeMemberships } = NAMED_USERS

let t: TestTenant
let faults: Faults
beforeAll(async () => {
  t = await createTestTenant({ faults: true })
  faults = t.tenant.faults as Faults
})
afterEach(() => faults.reset())

const pageOf = (userId: string, page: number, options: { signal?: AbortSignal } = {}) =>
  t.get(userPath(userId, `/organizations?page=${page}&per_page=50&include_totals=true`), options)

describe('a tenant without fault switches', () => {
  it('has none, and no control endpoint', async () => {
    const plain = await createTestTenant()
    expect(plain.tenant.faults).toBeUndefined()
    const response = await plain.tenant.fetch(new Request('http://tenant.test/__faults/requests'))
    expect(response.status).toBe(404)
  })

  it('answers normally while no switch is set', async () => {
    const response = await pageOf(manyMemberships.userId, 1)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { organizations: unknown[] }).organizations).toHaveLength(50)
  })
})

describe('dropConnectionAfterPages', () => {
  it('answers the first N pages and cuts the connection on the later ones', async () => {
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 1 })

    expect((await pageOf(manyMemberships.userId, 0)).status).toBe(200)
    const dropped = await pageOf(manyMemberships.userId, 1)
    await expect(dropped.text()).rejects.toThrow(TypeError)
    expect(faults.requests({ userId: manyMemberships.userId }).map((r) => r.outcome)).toEqual([
      200,
      'dropped',
    ])
  })

  it('holds again after dropConnectionTimes drops', async () => {
    faults.set({
      userId: manyMemberships.userId,
      dropConnectionAfterPages: 1,
      dropConnectionTimes: 1,
    })

    await expect((await pageOf(manyMemberships.userId, 2)).text()).rejects.toThrow(TypeError)
    expect((await pageOf(manyMemberships.userId, 2)).status).toBe(200)
  })

  it('touches only the user it is set for', async () => {
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 0 })
    expect((await pageOf(threeMemberships.userId, 0)).status).toBe(200)
  })
})

describe('delayMs', () => {
  it('answers late, and stops waiting when the caller hangs up', async () => {
    faults.set({ userId: threeMemberships.userId, delayMs: 60 })
    const startedAt = Date.now()
    expect((await pageOf(threeMemberships.userId, 0)).status).toBe(200)
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(55)

    faults.set({ userId: threeMemberships.userId, delayMs: 60_000 })
    const controller = new AbortController()
    const pending = pageOf(threeMemberships.userId, 0, { signal: controller.signal })
    controller.abort()
    await pending.catch(() => undefined)
    await expect.poll(() => faults.requests().at(-1)?.outcome).toBe('aborted')
  })
})

describe('malformedPage', () => {
  it('answers that page with a 200 that is not the documented shape', async () => {
    faults.set({ userId: manyMemberships.userId, malformedPage: 1 })

    const malformed = await pageOf(manyMemberships.userId, 1)
    expect(malformed.status).toBe(200)
    const body = (await malformed.json()) as { organizations: Record<string, unknown>[] }
    expect(body.organizations[0]).not.toHaveProperty('id')
    expect((await pageOf(manyMemberships.userId, 2)).status).toBe(200)
  })
})

describe('fail500Times', () => {
  it('answers 500 that many times, then normally', async () => {
    faults.set({ userId: threeMemberships.userId, fail500Times: 2 })

    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await pageOf(threeMemberships.userId, 0)).status)
    expect(statuses).toEqual([500, 500, 200])
  })
})

describe('rateLimitForMs', () => {
  it('answers 429 from the first request it meets until the storm is over, with a reset at its end', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1, 12, 0, 0, 200))
    const stormy = await createTestTenant({ faults: true, now: clock.now })
    stormy.tenant.faults?.set({ rateLimitForMs: 3000 })
    // Set well before anyone asks: the storm still lasts 3 s from the first request.
    clock.advance(10_000)

    const during = await stormy.get(userPath(threeMemberships.userId, '/organizations'))
    expect(during.status).toBe(429)
    expect(during.headers.get('X-RateLimit-Remaining')).toBe('0')
    expect(Number(during.headers.get('X-RateLimit-Reset'))).toBe(
      Math.ceil((clock.now() + 3000) / 1000),
    )

    clock.advance(3000)
    expect((await stormy.get(userPath(threeMemberships.userId, '/organizations'))).status).toBe(200)
  })

  it('with rateLimitWindowSeconds, each 429 resets within that window, never past the storm', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1, 12, 0, 0, 200))
    const stormy = await createTestTenant({ faults: true, now: clock.now })
    stormy.tenant.faults?.set({ rateLimitForMs: 2500, rateLimitWindowSeconds: 1 })
    const resetOf = async () =>
      Number(
        (await stormy.get(userPath(threeMemberships.userId, '/organizations'))).headers.get(
          'X-RateLimit-Reset',
        ),
      )
    const start = Math.floor(clock.now() / 1000)

    expect(await resetOf()).toBe(start + 1)
    clock.advance(1000)
    expect(await resetOf()).toBe(start + 2)
    clock.advance(1000)
    // The storm ends at +2.7 s: the last window ends with it (rounded up to a whole second).
    expect(await resetOf()).toBe(start + 3)
    expect(stormy.tenant.faults?.requests().map((r) => r.rateLimitReset)).toEqual([
      start + 1,
      start + 2,
      start + 3,
    ])
  })
})

describe('rejectTokensIssuedBefore', () => {
  it('refuses older tokens with 401 Invalid token on that user’s lookups, and accepts newer ones', async () => {
    const now = Date.now()
    const old = await t.mint({ issuedAt: Math.floor(now / 1000) - 10 })
    const fresh = await t.mint({ issuedAt: Math.floor(now / 1000) })
    faults.set({
      userId: threeMemberships.userId,
      rejectTokensIssuedBefore: (Math.floor(now / 1000) - 5) * 1000,
    })

    for (const path of [
      userPath(threeMemberships.userId),
      userPath(threeMemberships.userId, '/organizations'),
    ]) {
      const refused = await t.get(path, { token: old })
      expect(refused.status).toBe(401)
      expect(await refused.json()).toMatchObject({ message: 'Invalid token' })
      expect((await t.get(path, { token: fresh })).status).toBe(200)
    }
    expect((await t.get(userPath(manyMemberships.userId), { token: old })).status).toBe(200)
  })

  it('without a user, refuses older tokens everywhere, search included', async () => {
    const old = await t.mint({ issuedAt: Math.floor(Date.now() / 1000) - 10 })
    faults.set({ rejectTokensIssuedBefore: Date.now() - 5000 })
    expect((await t.get('/users?q=trio', { token: old })).status).toBe(401)
  })
})

describe('refuseCheckpointPaging', () => {
  it('refuses `take` with 400 for that user only, as a tenant without checkpoint paging; offset pages still answer', async () => {
    faults.set({ userId: manyMemberships.userId, refuseCheckpointPaging: true })

    const refused = await t.get(userPath(manyMemberships.userId, '/organizations?take=100'))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      errorCode: 'invalid_query_string',
      message: expect.stringContaining('take') as string,
    })
    expect((await pageOf(manyMemberships.userId, 1)).status).toBe(200)
    const other = await t.get(userPath(threeMemberships.userId, '/organizations?take=100'))
    expect(other.status).toBe(200)
    expect(await other.json()).toHaveProperty('organizations')
    expect(
      faults.requests({ userId: manyMemberships.userId }).map(({ take, page }) => ({ take, page })),
    ).toEqual([
      { take: 100, page: undefined },
      { take: undefined, page: 1 },
    ])
  })
})

describe('the request log', () => {
  it('records each lookup with its page and outcome; reset empties it and clears every switch', async () => {
    faults.set({ userId: manyMemberships.userId, fail500Times: 1 })
    await pageOf(manyMemberships.userId, 0)
    await pageOf(manyMemberships.userId, 0)
    await t.get(userPath(threeMemberships.userId))

    expect(faults.requests()).toEqual([
      expect.objectContaining({
        endpoint: 'listUserOrganizations',
        userId: manyMemberships.userId,
        page: 0,
        perPage: 50,
        outcome: 500,
      }),
      expect.objectContaining({ endpoint: 'listUserOrganizations', page: 0, outcome: 200 }),
      expect.objectContaining({
        endpoint: 'getUser',
        userId: threeMemberships.userId,
        outcome: 200,
      }),
    ])
    expect(faults.requests({ userId: threeMemberships.userId })).toHaveLength(1)

    faults.set({ userId: manyMemberships.userId, fail500Times: 1 })
    faults.reset()
    expect(faults.requests()).toEqual([])
    expect((await pageOf(manyMemberships.userId, 0)).status).toBe(200)
  })

  it('refuses switches that make no sense', () => {
    expect(() => faults.set({ fail500Times: -1 })).toThrow(RangeError)
    expect(() => faults.set({ dropConnectionAfterPages: 1.5 })).toThrow(RangeError)
    expect(() => faults.set({ rateLimitForMs: 100, rateLimitWindowSeconds: 0 })).toThrow(RangeError)
  })
})

describe('sign-in sessions', () => {
  const { challenge } = pkcePair()
  const silent = { prompt: 'none', response_mode: 'web_message' }

  it('endSessions ends every session: a silent sign-in then needs the password', async () => {
    const tenant = await createLocalTenant(
      defaultTenantConfig({ origin: TENANT_ORIGIN, appOrigins: [APP_ORIGIN] }),
      { faults: true },
    )
    const browser = new TestBrowser(tenant)
    await browser.signIn(authorizeQuery(challenge))

    tenant.faults?.endSessions()

    const { message } = postedMessage(
      await (await browser.get(authorizeQuery(challenge, silent))).text(),
    )
    expect(message).toMatchObject({ response: { error: 'login_required' } })
  })

  it('setAccessTokenTtl shortens the lifetime of tokens issued from then on, until reset', () => {
    const configured = t.tenant.config.accessTokenTtlSeconds
    faults.setAccessTokenTtl(60)
    expect(t.tenant.config.accessTokenTtlSeconds).toBe(60)
    faults.reset()
    expect(t.tenant.config.accessTokenTtlSeconds).toBe(configured)
  })
})
