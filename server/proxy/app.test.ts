import { describe, expect, it } from 'vitest'
import { managementAudienceOf } from '../local-tenant/config'
import { createSigningKey } from '../local-tenant/keys'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { signAccessToken } from '../local-tenant/tokens'
import {
  ADA,
  createTestProxy,
  SAM,
  TENANT_ORIGIN,
  userPath,
  type TestProxy,
} from './testing/test-proxy'

const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']

/** The same path straight from the tenant's Management API, to compare with the proxy's answer. */
function tenantApi(proxy: TestProxy, path: string, token: string | null): Promise<Response> {
  return proxy.tenant.fetch(
    new Request(`${TENANT_ORIGIN}${path}`, {
      headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    }),
  )
}

const managementToken = (proxy: TestProxy) =>
  proxy.mint({ audience: managementAudienceOf({ origin: TENANT_ORIGIN }) })

describe('relaying the lookups the SPA makes', () => {
  it('search: the Management API answer, body and rate-limit headers as they came', async () => {
    const proxy = await createTestProxy()
    const query =
      'q=email%3A%22solo%40example.com%22&search_engine=v3&page=0&per_page=50&include_totals=true'
    const response = await proxy.get(`/api/v2/users?${query}`)
    const direct = await proxy.managementRequests()[0]

    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(body).toMatchObject({ total: 1, users: [{ email: 'solo@example.com' }] })
    for (const name of RATE_LIMIT_HEADERS) expect(response.headers.get(name)).toMatch(/^\d+$/)
    expect(new URL(String(direct?.url)).search).toBe(`?${query}`)
  })

  it('one user, and their memberships', async () => {
    const proxy = await createTestProxy()
    const { userId } = NAMED_USERS.threeMemberships

    const user = await proxy.get(userPath(userId))
    const memberships = await proxy.get(userPath(userId, '/organizations?include_totals=true'))

    expect(user.status).toBe(200)
    expect((await user.json()).user_id).toBe(userId)
    expect(memberships.status).toBe(200)
    expect(await memberships.json()).toMatchObject({ total: 3, organizations: expect.any(Array) })
  })

  it('hands back the body byte for byte', async () => {
    const proxy = await createTestProxy()
    const path = userPath(NAMED_USERS.edgeCaseOrganizations.userId, '/organizations?per_page=50')

    const viaProxy = await (await proxy.get(path)).text()
    const fromTenant = await (await tenantApi(proxy, path, await managementToken(proxy))).text()

    expect(viaProxy).toBe(fromTenant)
  })

  it.each([
    NAMED_USERS.samlUser.userId,
    NAMED_USERS.slashAndUnicodeId.userId,
    NAMED_USERS.reservedCharactersId.userId,
  ])('sends %j upstream as one segment, and finds the user', async (userId) => {
    const proxy = await createTestProxy()

    const user = await proxy.get(userPath(userId))
    const memberships = await proxy.get(userPath(userId, '/organizations'))

    expect((await user.json()).user_id).toBe(userId)
    expect(memberships.status).toBe(200)
    expect(proxy.managementRequests().map((request) => new URL(request.url).pathname)).toEqual([
      `/api/v2/users/${encodeURIComponent(userId)}`,
      `/api/v2/users/${encodeURIComponent(userId)}/organizations`,
    ])
  })

  it("sends the proxy's own token upstream, never the admin's, and nothing else of theirs", async () => {
    const proxy = await createTestProxy()
    const adminToken = await proxy.mint()

    await proxy.get(userPath(NAMED_USERS.oneMembership.userId), {
      token: adminToken,
      headers: {
        Cookie: 'session=abc',
        'X-Forwarded-For': '203.0.113.9',
        Origin: 'http://app.test',
      },
    })
    const [upstream] = proxy.managementRequests()

    const authorization = upstream?.headers.get('Authorization') ?? ''
    expect(authorization).toMatch(/^Bearer \S+$/)
    expect(authorization).not.toContain(adminToken)
    expect([...(upstream?.headers.keys() ?? [])].sort()).toEqual(['accept', 'authorization'])
  })

  it('drops query parameters the endpoint does not take', async () => {
    const proxy = await createTestProxy()

    const response = await proxy.get(
      userPath(NAMED_USERS.oneMembership.userId, '/organizations?page=0&connection=x&fields=y&q=z'),
    )

    expect(response.status).toBe(200)
    expect(new URL(String(proxy.managementRequests()[0]?.url)).search).toBe('?page=0')
  })

  it("relays the Management API's own 4xx as it is (a repeated parameter)", async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users?page=1&page=2')

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
  })
})

describe('what the proxy refuses itself', () => {
  it.each([
    ['an id decoding to ..', userPath('..', '/organizations').replace('..', '%2e%2e')],
    ['broken percent-encoding', '/api/v2/users/auth0%7/organizations'],
    ['an id over 512 characters', userPath('a'.repeat(513))],
    ['an empty id', '/api/v2/users//organizations'],
  ])('%s: 400 invalid_uri, and nothing is sent upstream', async (_, path) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(path, { rawPath: path })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^Path validation error: '.*' on property id \(/),
      errorCode: 'invalid_uri',
    })
    expect(proxy.managementRequests()).toEqual([])
  })

  it('a %2e%2e the runtime already folded away reaches no user route either', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users/%2e%2e/roles')

    expect(response.status).toBe(404)
    expect(proxy.managementRequests()).toEqual([])
  })

  it('without the raw request target, a folded %2e%2e is the path it folds to: the organizations list', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users/%2e%2e/organizations')

    expect(response.status).toBe(200)
    expect(proxy.managementRequests().map((request) => new URL(request.url).pathname)).toEqual([
      '/api/v2/organizations',
    ])
    expect(proxy.auditEntries()).toEqual([
      expect.objectContaining({ targetUserId: null, endpoint: 'organizations.list' }),
    ])
  })

  it.each([
    ['GET', '/api/v2/clients'],
    ['GET', '/api/v2/users/auth0%7Cx/roles'],
    ['GET', '/api/v2/organizations/org_1/invitations'],
    ['GET', '/api/v2/roles'],
    ['GET', '/api/v2'],
    ['GET', '/nothing-here'],
  ])('%s %s: 404 in Auth0 shape', async (method, path) => {
    const proxy = await createTestProxy()
    const response = await proxy.request(
      new Request(`http://proxy.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${await proxy.mint()}` },
      }),
    )

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
    })
    expect(proxy.managementRequests()).toEqual([])
  })

  it.each([
    ['POST', '/api/v2/users'],
    ['DELETE', `/api/v2/users/${encodeURIComponent('auth0|x')}`],
  ])('%s %s: 405 in Auth0 shape, with Allow', async (method, path) => {
    const proxy = await createTestProxy()
    const response = await proxy.request(
      new Request(`http://proxy.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${await proxy.mint()}` },
      }),
    )

    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET, OPTIONS')
    expect(await response.json()).toMatchObject({ statusCode: 405, error: 'Method Not Allowed' })
    expect(proxy.managementRequests()).toEqual([])
  })

  it('401 before anything else: an unknown path tells a stranger nothing', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/clients', { token: null })

    expect(response.status).toBe(401)
  })
})

describe("the admin's token", () => {
  it.each([
    ['none', async () => null],
    ['garbage', async () => 'garbage'],
    [
      'an expired one',
      async (proxy: TestProxy) =>
        proxy.mint({ issuedAt: Math.floor(Date.now() / 1000) - 7200, ttlSeconds: 3600 }),
    ],
    [
      'one signed with a foreign key',
      async (proxy: TestProxy) =>
        signAccessToken(proxy.tenant.config, await createSigningKey(), {
          sub: ADA.sub,
          clientId: 'orgscope-spa',
          audience: 'https://orgscope/api',
          scope: ['read:users'],
        }),
    ],
  ])('%s: the same 401 the Management API gives', async (_, token) => {
    const proxy = await createTestProxy()
    const bearer = await token(proxy)

    const viaProxy = await proxy.get('/api/v2/users', { token: bearer })
    const fromTenant = await tenantApi(proxy, '/api/v2/users', bearer)

    expect(viaProxy.status).toBe(401)
    expect(await viaProxy.json()).toEqual(await fromTenant.json())
    expect(proxy.managementRequests()).toEqual([])
  })

  it("one for the Management API's audience: 401 Bad audience", async () => {
    const proxy = await createTestProxy()
    const audience = managementAudienceOf({ origin: TENANT_ORIGIN })
    const response = await proxy.get('/api/v2/users', { token: await proxy.mint({ audience }) })

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: `Bad audience: ${audience}`,
    })
  })
})

describe('permissions, per endpoint', () => {
  it.each([
    ['search', '/api/v2/users', 200],
    ['one user', userPath(NAMED_USERS.oneMembership.userId), 200],
    ['memberships', userPath(NAMED_USERS.oneMembership.userId, '/organizations'), 403],
  ])('Sam (read:users only): %s → %s', async (_, path, status) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(path, { token: await proxy.mint({ admin: SAM }) })

    expect(response.status).toBe(status)
    if (status === 403) {
      expect(await response.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:organizations',
        errorCode: 'insufficient_scope',
      })
      expect(proxy.managementRequests()).toEqual([])
    }
  })

  it.each([
    ['search', '/api/v2/users', 'read:users'],
    ['one user', userPath(NAMED_USERS.oneMembership.userId), 'read:users'],
  ])('no read:users: %s → 403 naming it', async (_, path, scope) => {
    const proxy = await createTestProxy()
    const token = await proxy.mint({ scope: ['openid'], permissions: ['read:organizations'] })
    const response = await proxy.get(path, { token })

    expect(response.status).toBe(403)
    expect((await response.json()).message).toBe(`Insufficient scope, expected any of: ${scope}`)
  })

  it('trusts only `permissions`: a token without the claim is refused whatever its scope says', async () => {
    const proxy = await createTestProxy()
    // Right issuer and audience, the needed scope in `scope`, but RBAC's claim left out.
    const token = await proxy.mint({
      scope: ['read:users', 'read:organizations'],
      permissions: undefined,
    })
    const path = userPath(NAMED_USERS.oneMembership.userId, '/organizations')

    const first = await proxy.get(path, { token })
    const second = await proxy.get('/api/v2/users', { token })

    for (const response of [first, second]) {
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringMatching(
          /RBAC.*"Add Permissions in the Access Token".*Orgscope's API/,
        ),
      })
    }
    expect(proxy.managementRequests()).toEqual([])
    expect(proxy.auditEntries().map(({ status }) => status)).toEqual([403, 403])
    // Said once for the operator, not once per request.
    const warnings = proxy.logLines.filter((line) => JSON.parse(line).event === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions')
  })
})
