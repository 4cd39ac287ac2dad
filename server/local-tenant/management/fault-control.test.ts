import { createServer } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ALL_SCOPES, managementAudienceOf, SPA_CLIENT_ID } from '../config'
import { NAMED_USERS } from '../seed/named-users'
import { startLocalTenant, type RunningTenant } from '../serve'
import type { RecordedRequest } from './faults'
import { createTestTenant, TEST_ORIGIN, userPath, type TestTenant } from '../testing/test-tenant'

const { threeMemberships, manyMemberships } = NAMED_USERS

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant({ faultControl: true })
})
afterEach(() => t.tenant.faults?.reset())

const control = (path: string, init: RequestInit = {}) =>
  t.tenant.fetch(new Request(`${TEST_ORIGIN}/__faults${path}`, init))

const setRule = (rule: Record<string, unknown>) =>
  control('/rules', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  })

const recorded = async (query = ''): Promise<RecordedRequest[]> =>
  ((await (await control(`/requests${query}`)).json()) as { requests: RecordedRequest[] }).requests

describe('the /__faults control endpoint', () => {
  it('exists only on a tenant started with it', async () => {
    const withSwitchesOnly = await createTestTenant({ faults: true })
    const response = await withSwitchesOnly.tenant.fetch(
      new Request(`${TEST_ORIGIN}/__faults/requests`),
    )
    expect(response.status).toBe(404)
  })

  it('refuses any call from a web page, the app included', async () => {
    const response = await control('/', {
      method: 'DELETE',
      headers: { Origin: 'http://app.test' },
    })
    expect(response.status).toBe(403)
  })

  it('sets a user’s switches, lists the requests the tenant saw, and clears them', async () => {
    expect((await setRule({ userId: threeMemberships.userId, fail500Times: 1 })).status).toBe(200)
    const organizations = userPath(threeMemberships.userId, '/organizations')
    expect((await t.get(organizations)).status).toBe(500)
    expect((await t.get(organizations)).status).toBe(200)

    const requests = await recorded(`?userId=${encodeURIComponent(threeMemberships.userId)}`)
    expect(requests.map((r) => [r.endpoint, r.outcome])).toEqual([
      ['listUserOrganizations', 500],
      ['listUserOrganizations', 200],
    ])

    await setRule({ userId: threeMemberships.userId, fail500Times: 5 })
    const cleared = await control(`/rules?userId=${encodeURIComponent(threeMemberships.userId)}`, {
      method: 'DELETE',
    })
    expect(cleared.status).toBe(204)
    expect((await t.get(organizations)).status).toBe(200)
  })

  it('lists only the requests to the endpoint asked for, with the user asked for', async () => {
    expect((await t.get(userPath(threeMemberships.userId))).status).toBe(200)
    expect((await t.get(userPath(threeMemberships.userId, '/organizations'))).status).toBe(200)
    expect((await t.get(userPath(manyMemberships.userId, '/organizations'))).status).toBe(200)

    const user = encodeURIComponent(threeMemberships.userId)
    const organizations = await recorded(`?userId=${user}&endpoint=listUserOrganizations`)
    expect(organizations.map((r) => [r.endpoint, r.userId])).toEqual([
      ['listUserOrganizations', threeMemberships.userId],
    ])
    expect((await recorded('?endpoint=listUserOrganizations')).map((r) => r.userId)).toEqual([
      threeMemberships.userId,
      manyMemberships.userId,
    ])
    expect(await recorded('?endpoint=noSuchEndpoint')).toEqual([])
  })

  it('answers 400 with the problem for a switch it does not know or a wrong value', async () => {
    const unknown = await setRule({ dropEverything: true })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('dropEverything')
    expect((await setRule({ fail500Times: 'twice' })).status).toBe(400)
  })

  it('rejectTokensIssuedBefore "now" refuses tokens issued before the call and accepts later ones', async () => {
    const before = await t.mint()
    const response = await setRule({
      userId: threeMemberships.userId,
      rejectTokensIssuedBefore: 'now',
    })
    const after = await t.mint({ issuedAt: Math.floor(Date.now() / 1000) })

    expect(response.status).toBe(200)
    const path = userPath(threeMemberships.userId, '/organizations')
    expect((await t.get(path, { token: before })).status).toBe(401)
    expect((await t.get(path, { token: after })).status).toBe(200)
  })

  it('ends sessions and sets the token lifetime', async () => {
    expect((await control('/sessions/end', { method: 'POST' })).status).toBe(204)
    const lifetime = await control('/token-lifetime', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ seconds: 60 }),
    })
    expect(lifetime.status).toBe(204)
    expect(t.tenant.config.accessTokenTtlSeconds).toBe(60)
    await control('', { method: 'DELETE' })
    expect(t.tenant.config.accessTokenTtlSeconds).toBe(3600)
  })
})

describe('over HTTP (npm start’s tenant)', () => {
  let running: RunningTenant
  let token: string
  beforeAll(async () => {
    running = await startLocalTenant({ port: await freePort(), appOrigins: [], faults: true })
    token = await running.tenant.mintAccessToken({
      sub: 'auth0|admin-ada',
      clientId: SPA_CLIENT_ID,
      audience: managementAudienceOf(running.tenant.config),
      scope: [...ALL_SCOPES],
    })
  })
  afterAll(() => running.close())

  const page = (n: number) =>
    fetch(
      `${running.origin}/api/v2${userPath(manyMemberships.userId, `/organizations?page=${n}&per_page=50`)}`,
      { headers: { Authorization: `Bearer ${token}` } },
    )

  it('a dropped connection is a failed fetch — no status at all — and the next one holds', async () => {
    const rules = await fetch(`${running.origin}/__faults/rules`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        userId: manyMemberships.userId,
        dropConnectionAfterPages: 1,
        dropConnectionTimes: 1,
      }),
    })
    expect(rules.status).toBe(200)

    expect((await page(0)).status).toBe(200)
    await expect(page(1)).rejects.toThrow(TypeError)
    expect((await page(1)).status).toBe(200)
    expect(running.tenant.faults?.requests().map((r) => r.outcome)).toEqual([200, 'dropped', 200])
  })
})

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
