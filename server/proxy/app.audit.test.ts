import { SignJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'
import { DASHBOARD_API_AUDIENCE, PROXY_CLIENT_SECRET } from '../local-tenant/config'
import { manualClock } from '../local-tenant/testing/test-tenant'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { SCENARIO_USERS } from '../local-tenant/seed/scenarios'
import {
  ADA,
  createTestProxy,
  SAM,
  TENANT_ORIGIN,
  userPath,
  type TestProxy,
} from './testing/test-proxy'

const { userId: TARGET } = NAMED_USERS.slashAndUnicodeId

/** Ada's token with her email in the namespaced claim an Auth0 Action would add. */
function tokenWithEmail(proxy: TestProxy): Promise<string> {
  const { key } = proxy.tenant
  return new SignJWT({
    'https://orgscope/email': ADA.email,
    scope: 'read:users read:organizations',
    permissions: ADA.permissions,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(`${TENANT_ORIGIN}/`)
    .setSubject(ADA.sub)
    .setAudience(DASHBOARD_API_AUDIENCE)
    .setIssuedAt(Math.floor(proxy.tenant.now() / 1000))
    .setExpirationTime('1h')
    .sign(key.privateKey)
}

describe('the audit log', () => {
  it('writes one JSON line per lookup: who, whom, which endpoint, what came of it', async () => {
    const clock = manualClock(Date.parse('2025-05-01T09:30:00.000Z'))
    const proxy = await createTestProxy({
      now: clock.now,
      upstream: (request, tenant) => {
        clock.advance(25)
        return tenant(request)
      },
    })
    const response = await proxy.get(userPath(TARGET, '/organizations'), {
      token: await tokenWithEmail(proxy),
      headers: { 'X-Request-Id': 'req-1' },
    })

    expect(response.status).toBe(200)
    expect(proxy.logLines).toHaveLength(1)
    expect(JSON.parse(proxy.logLines[0] ?? '')).toEqual({
      event: 'lookup',
      time: '2025-05-01T09:30:00.000Z',
      requestId: response.headers.get('X-Request-Id'),
      callerRequestId: 'req-1',
      admin: { sub: ADA.sub, email: ADA.email },
      targetUserId: TARGET,
      endpoint: 'users.organizations',
      status: 200,
      // Key set, token grant, lookup: three trips upstream at 25 ms each.
      durationMs: 75,
    })
    expect(proxy.logLines[0]).not.toContain('\n')
  })

  it("leaves out the email when the token has none, and a search's query altogether", async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users?q=email%3A%22solo%40example.com%22')
    const [entry] = proxy.auditEntries()

    expect(entry).toMatchObject({
      admin: { sub: ADA.sub },
      targetUserId: null,
      endpoint: 'users.search',
      status: 200,
      requestId: response.headers.get('X-Request-Id'),
    })
    expect(entry?.admin).not.toHaveProperty('email')
    expect(proxy.logLines.join('\n')).not.toContain('solo')
  })

  it('records whom a search found: the ids it answered with and how many', async () => {
    const proxy = await createTestProxy()
    const { userId } = NAMED_USERS.oneMembership
    await proxy.get('/api/v2/users?q=email%3A%22solo%40example.com%22&include_totals=true')
    // Without totals the answer is a bare array.
    await proxy.get('/api/v2/users?q=email%3A%22solo%40example.com%22')

    expect(proxy.auditEntries().map((entry) => entry.found)).toEqual([
      { count: 1, userIds: [userId], truncated: false },
      { count: 1, userIds: [userId], truncated: false },
    ])
  })

  it("keeps a search's first 50 ids, and says there were more", async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users?per_page=100&include_totals=true')
    const { users } = (await response.json()) as { users: { user_id: string }[] }
    const [entry] = proxy.auditEntries()

    expect(users).toHaveLength(100)
    expect(entry?.found).toEqual({
      count: 100,
      userIds: users.slice(0, 50).map((user) => user.user_id),
      truncated: true,
    })
  })

  it.each([
    ['fields=email', 'fields=email%2Cuser_id'],
    ['fields=email&include_fields=true', 'fields=email%2Cuser_id&include_fields=true'],
    ['fields=user_id%2Cemail&include_fields=false', 'fields=email&include_fields=false'],
    ['fields=user_id&include_fields=false', ''],
  ])('a search cannot hide whom it found by its fields (%s)', async (fields, upstreamFields) => {
    const proxy = await createTestProxy()
    const q = 'q=email%3A%22solo%40example.com%22'
    const response = await proxy.get(`/api/v2/users?${q}&${fields}`)

    expect(response.status).toBe(200)
    expect(new URL(String(proxy.managementRequests()[0]?.url)).search).toBe(
      `?${q}${upstreamFields && `&${upstreamFields}`}`,
    )
    expect(proxy.auditEntries()[0]?.found?.userIds).toEqual([NAMED_USERS.oneMembership.userId])
  })

  it('relays users-by-email with read:users and records every account it found, not the email', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users-by-email?email=pat.twin%40example.com', {
      token: await proxy.mint({ admin: SAM }),
    })
    const ids = [NAMED_USERS.sharedEmailDatabase.userId, NAMED_USERS.sharedEmailGoogle.userId]

    expect(response.status).toBe(200)
    expect(((await response.json()) as { user_id: string }[]).map((u) => u.user_id)).toEqual(ids)
    expect(proxy.auditEntries()).toEqual([
      expect.objectContaining({
        admin: { sub: SAM.sub },
        targetUserId: null,
        endpoint: 'users.byEmail',
        status: 200,
        found: { count: 2, userIds: ids, truncated: false },
      }),
    ])
    expect(proxy.logLines.join('\n')).not.toContain('pat.twin')
  })

  it('users-by-email cannot hide whom it found by its fields either', async () => {
    const proxy = await createTestProxy()
    await proxy.get('/api/v2/users-by-email?email=solo%40example.com&fields=email&drop=me')

    expect(new URL(String(proxy.managementRequests()[0]?.url)).search).toBe(
      '?email=solo%40example.com&fields=email%2Cuser_id',
    )
    expect(proxy.auditEntries()[0]?.found?.userIds).toEqual([NAMED_USERS.oneMembership.userId])
  })

  it('records refusals and failures of a lookup as well', async () => {
    const proxy = await createTestProxy()
    await proxy.get(userPath(TARGET, '/organizations'), { token: await proxy.mint({ admin: SAM }) })
    await proxy.get(userPath(SCENARIO_USERS['server-error'].userId, '/organizations'))
    await proxy.get(userPath('auth0|nobody'))

    expect(
      proxy.auditEntries().map(({ admin, endpoint, status }) => [admin.sub, endpoint, status]),
    ).toEqual([
      [SAM.sub, 'users.organizations', 403],
      [ADA.sub, 'users.organizations', 500],
      [ADA.sub, 'users.get', 404],
    ])
  })

  it('writes a security line for each request it turns away: who if known, what, why', async () => {
    const proxy = await createTestProxy()
    const forged = `${await proxy.mint()}x`
    await proxy.get(userPath(TARGET), { token: null, headers: { 'X-Request-Id': 'probe-1' } })
    await proxy.get(userPath(TARGET), { token: forged })
    await proxy.get('/api/v2/clients?per_page=100')
    await proxy.get('/api/v2/users/%E0%A4%A')
    await proxy.get('/wp-login.php')
    await proxy.get('/healthz')

    const lines = proxy.logLines.map((line) => JSON.parse(line))
    expect(lines).toEqual([
      {
        event: 'security',
        time: expect.any(String),
        requestId: expect.any(String),
        callerRequestId: 'probe-1',
        method: 'GET',
        path: userPath(TARGET),
        status: 401,
        reason: 'token',
        message: 'Missing authentication',
      },
      expect.objectContaining({ path: userPath(TARGET), status: 401, reason: 'token' }),
      expect.objectContaining({
        admin: { sub: ADA.sub },
        path: '/api/v2/clients',
        status: 404,
        reason: 'path',
        message: 'Not Found',
      }),
      expect.objectContaining({ admin: { sub: ADA.sub }, status: 400, reason: 'path' }),
      expect.objectContaining({ path: '/wp-login.php', status: 404, reason: 'path' }),
    ])
    expect(lines[1]).not.toHaveProperty('admin')
    expect(proxy.logLines.join('\n')).not.toContain(forged.slice(0, 40))
  })

  it('writes at most 10 security lines a second for each reason, then one saying how many it held back', async () => {
    const frozen = Date.now()
    const proxy = await createTestProxy({ now: () => frozen })
    for (let i = 0; i < 25; i++) await proxy.get(userPath(TARGET), { token: 'garbage' })
    await proxy.get('/api/v2/clients')

    const lines = () => proxy.logLines.map((line) => JSON.parse(line))
    expect(lines().filter((line) => line.reason === 'token')).toHaveLength(10)
    expect(lines().filter((line) => line.reason === 'path')).toHaveLength(1)
    await vi.waitFor(
      () =>
        expect(lines().at(-1)).toEqual({
          event: 'security',
          time: expect.any(String),
          reason: 'token',
          suppressed: 15,
        }),
      { timeout: 3_000 },
    )
    expect(lines()).toHaveLength(12)
  })

  it('never holds a token or the client secret, whatever happened', async () => {
    let refuseOnce = true
    const proxy = await createTestProxy({
      upstream: (request, tenant) => {
        if (new URL(request.url).pathname.startsWith('/api/v2/') && refuseOnce) {
          refuseOnce = false
          return Promise.resolve(new Response(null, { status: 401 }))
        }
        return tenant(request)
      },
    })
    const adminToken = await proxy.mint()
    const paths = [
      userPath(TARGET),
      userPath(TARGET, '/organizations'),
      '/api/v2/users?q=name%3Ajan*',
      userPath(SCENARIO_USERS['invalid-token'].userId, '/organizations'),
      userPath(SCENARIO_USERS['bad-gateway'].userId, '/organizations'),
    ]
    for (const path of paths) await proxy.get(path, { token: adminToken })
    await proxy.get(userPath(TARGET), { token: `${adminToken}x` })
    const proxyTokens = proxy
      .managementRequests()
      .map((request) => request.headers.get('Authorization')?.replace('Bearer ', '') ?? '')

    const log = proxy.logLines.join('\n')
    expect(proxy.auditEntries()).toHaveLength(paths.length)
    expect(new Set(proxyTokens).size).toBeGreaterThan(0)
    for (const secret of [adminToken, ...proxyTokens, PROXY_CLIENT_SECRET]) {
      expect(secret).toBeTruthy()
      expect(log).not.toContain(String(secret))
    }
    // Nor any part of one: a JWT's header and payload are no safer alone.
    expect(log).not.toMatch(/eyJ[\w-]{10,}/)
  })
})
