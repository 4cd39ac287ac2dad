import { describe, expect, it } from 'vitest'
import { managementAudienceOf } from '../local-tenant/config'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import {
  ROLE_SCENARIO_MEMBERSHIP_INDEX,
  ROLE_SCENARIO_USER,
  TENANT_ROLES,
} from '../local-tenant/seed/roles'
import type { Organization } from '../local-tenant/seed/seed'
import { ADA, createTestProxy, SAM, TENANT_ORIGIN, type TestProxy } from './testing/test-proxy'

const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']
const TESS = NAMED_USERS.threeMemberships.userId
const { member, orgAdmin } = TENANT_ROLES

/** GET /api/v2/organizations/{org}/members/{user}/roles, each id encoded as one segment. */
const rolesPath = (organizationId: string, userId: string, query = ''): string =>
  `/api/v2/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}/roles${query}`

function nthOrganization(proxy: TestProxy, userId: string, index: number): Organization {
  const organization = proxy.tenant.data.membershipsByUserId.get(userId)?.[index]
  if (!organization) throw new Error(`${userId} has no membership #${index}`)
  return organization
}

const upstreamUrls = (proxy: TestProxy): URL[] =>
  proxy.managementRequests().map((request) => new URL(request.url))

describe('relaying GET /organizations/{id}/members/{user_id}/roles', () => {
  it("hands back the Management API's answer: body byte for byte, rate-limit headers", async () => {
    const proxy = await createTestProxy()
    const organization = nthOrganization(proxy, TESS, 0)
    const path = rolesPath(organization.id, TESS, '?include_totals=true')

    const response = await proxy.get(path, { headers: { 'X-Request-Id': 'roles-1' } })
    const direct = await proxy.tenant.fetch(
      new Request(`${TENANT_ORIGIN}${path}`, {
        headers: {
          Authorization: `Bearer ${await proxy.mint({ audience: managementAudienceOf({ origin: TENANT_ORIGIN }) })}`,
        },
      }),
    )

    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    for (const name of RATE_LIMIT_HEADERS) expect(response.headers.get(name)).toMatch(/^\d+$/)
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const body = await response.text()
    expect(body).toBe(await direct.text())
    expect(JSON.parse(body)).toEqual({ start: 0, limit: 50, total: 2, roles: [member, orgAdmin] })
  })

  it("sends the proxy's own token upstream and only the endpoint's query parameters", async () => {
    const proxy = await createTestProxy()
    const adminToken = await proxy.mint()
    const organization = nthOrganization(proxy, TESS, 0)

    const response = await proxy.get(
      rolesPath(organization.id, TESS, '?page=0&per_page=1&include_totals=true&fields=name&q=x'),
      { token: adminToken },
    )
    const [upstream] = proxy.managementRequests()

    expect(response.status).toBe(200)
    expect(new URL(String(upstream?.url)).search).toBe('?page=0&per_page=1&include_totals=true')
    expect(upstream?.headers.get('Authorization')).toMatch(/^Bearer \S+$/)
    expect(upstream?.headers.get('Authorization')).not.toContain(adminToken)
  })

  it.each([
    ['samlUser', NAMED_USERS.samlUser.userId],
    ['slashAndUnicodeId', NAMED_USERS.slashAndUnicodeId.userId],
    ['reservedCharactersId', NAMED_USERS.reservedCharactersId.userId],
  ])(
    'sends the awkward id of %s upstream as one segment, and finds the member',
    async (_, userId) => {
      const proxy = await createTestProxy()
      const organization = nthOrganization(proxy, userId, 0)

      const response = await proxy.get(rolesPath(organization.id, userId))

      expect(response.status).toBe(200)
      expect(await response.json()).toEqual([member, orgAdmin])
      expect(upstreamUrls(proxy).map((url) => url.pathname)).toEqual([
        `/api/v2/organizations/${organization.id}/members/${encodeURIComponent(userId)}/roles`,
      ])
    },
  )

  it.each([
    ['an unknown organization', 'org_doesNotExist0000', 'No organization found by that id or name'],
    ['a non-member', 'solo', 'The user is not a member of the organization.'],
  ])("relays the Management API's 404 for %s as it came", async (_, which, message) => {
    const proxy = await createTestProxy()
    const organizationId =
      which === 'solo' ? nthOrganization(proxy, NAMED_USERS.oneMembership.userId, 0).id : which
    const response = await proxy.get(rolesPath(organizationId, NAMED_USERS.noMemberships.userId))

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message })
    expect(proxy.managementRequests()).toHaveLength(1)
  })

  it.each([
    ['roles-insufficient-scope', 403, 'insufficient_scope'],
    ['roles-server-error', 500, undefined],
  ] as const)('relays the %s scenario as it came', async (scenario, status, errorCode) => {
    const proxy = await createTestProxy()
    const { userId } = ROLE_SCENARIO_USER
    const organization = nthOrganization(proxy, userId, ROLE_SCENARIO_MEMBERSHIP_INDEX[scenario])

    const response = await proxy.get(rolesPath(organization.id, userId))

    expect(response.status).toBe(status)
    expect((await response.json()).errorCode).toBe(errorCode)
    for (const name of RATE_LIMIT_HEADERS) expect(response.headers.get(name)).toMatch(/^\d+$/)
    expect(proxy.managementRequests()).toHaveLength(1)
  })
})

describe('what the proxy refuses itself on the roles endpoint', () => {
  it.each([
    ['an organization decoding to ..', '/api/v2/organizations/%2e%2e/members/x/roles', 'id ('],
    ['a raw .. organization', '/api/v2/organizations/../members/x/roles', 'id ('],
    ['an empty organization', '/api/v2/organizations//members/x/roles', 'id ('],
    ['broken encoding in the organization', '/api/v2/organizations/org%7/members/x/roles', 'id ('],
    ['a user decoding to .', '/api/v2/organizations/org_1/members/%2E/roles', 'user_id ('],
    [
      'broken encoding in the user',
      '/api/v2/organizations/org_1/members/auth0%7/roles',
      'user_id (',
    ],
    ['an empty user', '/api/v2/organizations/org_1/members//roles', 'user_id ('],
    [
      'a user over 512 characters',
      `/api/v2/organizations/org_1/members/${'u'.repeat(513)}/roles`,
      'user_id (',
    ],
  ])('%s: 400 invalid_uri, nothing sent upstream, nothing audited', async (_, path, property) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(path, { rawPath: path })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining(`' on property ${property}`),
      errorCode: 'invalid_uri',
    })
    expect(proxy.managementRequests()).toEqual([])
    expect(proxy.auditEntries()).toEqual([])
  })

  it.each([
    ['Sam (read:users only)', { admin: SAM }],
    [
      'an admin with read:users and read:organizations alone',
      { scope: ['openid'], permissions: ['read:users', 'read:organizations'] },
    ],
  ])('%s: 403 naming read:organization_member_roles, nothing sent upstream', async (_, mint) => {
    const proxy = await createTestProxy()
    const organization = nthOrganization(proxy, TESS, 0)

    const response = await proxy.get(rolesPath(organization.id, TESS), {
      token: await proxy.mint(mint),
    })

    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:organization_member_roles',
      errorCode: 'insufficient_scope',
    })
    expect(proxy.managementRequests()).toEqual([])
  })

  it('read:organization_member_roles alone opens the roles, and nothing else', async () => {
    const proxy = await createTestProxy()
    const organization = nthOrganization(proxy, TESS, 0)
    const token = await proxy.mint({
      scope: ['openid'],
      permissions: ['read:organization_member_roles'],
    })

    const roles = await proxy.get(rolesPath(organization.id, TESS), { token })
    const memberships = await proxy.get(`/api/v2/users/${encodeURIComponent(TESS)}/organizations`, {
      token,
    })

    expect(roles.status).toBe(200)
    expect(memberships.status).toBe(403)
  })
})

describe('the audit line for a roles lookup', () => {
  it('names the endpoint, the organization and the member looked up', async () => {
    const proxy = await createTestProxy()
    const { userId } = NAMED_USERS.slashAndUnicodeId
    const organization = nthOrganization(proxy, userId, 0)

    const response = await proxy.get(rolesPath(organization.id, userId), {
      headers: { 'X-Request-Id': 'roles-audit' },
    })

    expect(response.status).toBe(200)
    expect(proxy.auditEntries()).toEqual([
      {
        event: 'lookup',
        time: expect.any(String),
        requestId: response.headers.get('X-Request-Id'),
        callerRequestId: 'roles-audit',
        admin: { sub: ADA.sub },
        targetUserId: userId,
        targetOrganizationId: organization.id,
        endpoint: 'organizations.members.roles',
        status: 200,
        durationMs: expect.any(Number),
      },
    ])
  })

  it('records refusals and upstream failures too, with both ids', async () => {
    const proxy = await createTestProxy()
    const tess = nthOrganization(proxy, TESS, 0)
    const failing = nthOrganization(
      proxy,
      ROLE_SCENARIO_USER.userId,
      ROLE_SCENARIO_MEMBERSHIP_INDEX['roles-server-error'],
    )

    await proxy.get(rolesPath(tess.id, TESS), { token: await proxy.mint({ admin: SAM }) })
    await proxy.get(rolesPath(failing.id, ROLE_SCENARIO_USER.userId))
    await proxy.get(rolesPath('org_doesNotExist0000', TESS))

    expect(
      proxy
        .auditEntries()
        .map(({ admin, endpoint, status, targetUserId, targetOrganizationId }) => [
          admin.sub,
          endpoint,
          status,
          targetOrganizationId,
          targetUserId,
        ]),
    ).toEqual([
      [SAM.sub, 'organizations.members.roles', 403, tess.id, TESS],
      [ADA.sub, 'organizations.members.roles', 500, failing.id, ROLE_SCENARIO_USER.userId],
      [ADA.sub, 'organizations.members.roles', 404, 'org_doesNotExist0000', TESS],
    ])
  })

  it('has no organization field on lookups about a user alone', async () => {
    const proxy = await createTestProxy()

    await proxy.get(`/api/v2/users/${encodeURIComponent(TESS)}/organizations`)

    expect(proxy.auditEntries()[0]).not.toHaveProperty('targetOrganizationId')
  })
})

describe('users-by-email', () => {
  it('needs read:users: without it, 403 and nothing sent upstream', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users-by-email?email=solo%40example.com', {
      token: await proxy.mint({ scope: ['openid'], permissions: ['read:organizations'] }),
    })

    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:users',
      errorCode: 'insufficient_scope',
    })
    expect(proxy.managementRequests()).toEqual([])
  })
})
