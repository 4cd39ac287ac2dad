import { describe, expect, it } from 'vitest'
import { LARGE_ORGANIZATION } from '../local-tenant/seed/large-organization'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { THREE_MEMBER_ORGANIZATION } from '../local-tenant/seed/organization-page'
import { ADA, createTestProxy, MO, RAE, SAM, type TestProxy } from './testing/test-proxy'

const LARGE = LARGE_ORGANIZATION.id
const BY_NAME = `/api/v2/organizations/name/${THREE_MEMBER_ORGANIZATION.name}`
const organizationPath = (id: string, suffix = ''): string =>
  `/api/v2/organizations/${encodeURIComponent(id)}${suffix}`

/** A token whose permissions are exactly these (the scope claim does not count behind the proxy). */
const tokenWith = (proxy: TestProxy, permissions: string[]) =>
  proxy.mint({ scope: ['openid', ...permissions], permissions })

const upstreamUrls = (proxy: TestProxy): URL[] =>
  proxy.managementRequests().map((request) => new URL(request.url))

describe('relaying the organization endpoints', () => {
  it.each([
    ['an organization', organizationPath(LARGE), 'read:organizations'],
    ['an organization by name', BY_NAME, 'read:organizations'],
    ['the organizations', '/api/v2/organizations?include_totals=true', 'read:organizations'],
    ['the members', organizationPath(LARGE, '/members?take=10'), 'read:organization_members'],
  ])('relays %s with %s alone', async (_, path, permission) => {
    const proxy = await createTestProxy()

    const response = await proxy.get(path, { token: await tokenWith(proxy, [permission]) })

    expect(response.status).toBe(200)
    expect(upstreamUrls(proxy)).toHaveLength(1)
  })

  it.each([
    ['an organization', organizationPath(LARGE), 'read:organizations'],
    ['an organization by name', BY_NAME, 'read:organizations'],
    ['the organizations', '/api/v2/organizations', 'read:organizations'],
    ['the members', organizationPath(LARGE, '/members'), 'read:organization_members'],
  ])(
    'refuses %s without %s: 403 in Auth0’s shape, nothing sent upstream',
    async (_, path, permission) => {
      const proxy = await createTestProxy()
      const others = ADA.permissions.filter((p) => p !== permission)

      const response = await proxy.get(path, { token: await tokenWith(proxy, others) })

      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `Insufficient scope, expected any of: ${permission}`,
        errorCode: 'insufficient_scope',
      })
      expect(proxy.managementRequests()).toEqual([])
    },
  )

  it('asks read:organization_member_roles as well for the members’ roles', async () => {
    const proxy = await createTestProxy()
    const membersOnly = await tokenWith(proxy, ['read:organization_members'])
    const both = await tokenWith(proxy, [
      'read:organization_members',
      'read:organization_member_roles',
    ])
    const rolesPath = organizationPath(LARGE, '/members?fields=user_id,roles&take=5')

    const refused = await proxy.get(rolesPath, { token: membersOnly })
    const excluded = await proxy.get(
      organizationPath(LARGE, '/members?fields=roles&include_fields=false'),
      {
        token: membersOnly,
      },
    )
    const allowed = await proxy.get(rolesPath, { token: both })

    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      message: 'Insufficient scope, expected any of: read:organization_member_roles',
      errorCode: 'insufficient_scope',
    })
    expect(excluded.status).toBe(200)
    expect(allowed.status).toBe(200)
    const body = (await allowed.json()) as { members: { user_id: string; roles: unknown[] }[] }
    expect(body.members).toHaveLength(5)
    for (const member of body.members) expect(member.roles).toEqual(expect.any(Array))
    expect(upstreamUrls(proxy).map((url) => url.search)).toEqual([
      '?fields=roles&include_fields=false',
      '?fields=user_id%2Croles&take=5',
    ])
  })

  it.each([
    ['/api/v2/organizations?take=0', "'Number is less than minimum (1)' on property take"],
    [
      organizationPath(LARGE, '/members?take=101'),
      "'Number is greater than maximum (100)' on property take",
    ],
    [
      organizationPath(LARGE, `/members?from=${'a'.repeat(513)}`),
      "'String is too long (513 chars), maximum 512'",
    ],
    [organizationPath(LARGE, '/members?from=%3Cscript%3E'), "'String does not match pattern"],
  ])('refuses %s with 400 invalid_query_string, sending nothing upstream', async (path, words) => {
    const proxy = await createTestProxy()

    const response = await proxy.get(path)

    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body).toMatchObject({ errorCode: 'invalid_query_string' })
    expect(body.message).toContain(`Query validation error: ${words}`)
    expect(proxy.managementRequests()).toEqual([])
  })

  it('passes on only the parameters each endpoint documents', async () => {
    const proxy = await createTestProxy()
    const query =
      '?page=0&per_page=5&include_totals=true&fields=name&include_fields=true&q=x&sort=name%3A1'

    await proxy.get(`/api/v2/organizations${query}`)
    await proxy.get(organizationPath(LARGE, query))
    await proxy.get(`${BY_NAME}${query}`)
    await proxy.get(organizationPath(LARGE, `/members${query}`))

    expect(upstreamUrls(proxy).map((url) => url.search)).toEqual([
      '?page=0&per_page=5&include_totals=true',
      '',
      '',
      '?page=0&per_page=5&include_totals=true&fields=name&include_fields=true',
    ])
  })

  it.each([['org|a/b'], ['org_日本語🚀'], ['org?#100%25']])(
    'sends the organization id %j upstream as one segment and relays the 404',
    async (id) => {
      const proxy = await createTestProxy()

      const response = await proxy.get(organizationPath(id, '/members'))

      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'No organization found by that id or name',
      })
      expect(upstreamUrls(proxy).map((url) => url.pathname)).toEqual([
        `/api/v2/organizations/${encodeURIComponent(id)}/members`,
      ])
    },
  )
})

describe('the demo admins on an organization’s members', () => {
  const members = organizationPath(THREE_MEMBER_ORGANIZATION.id, '/members?take=50')
  const withRoles = organizationPath(
    THREE_MEMBER_ORGANIZATION.id,
    '/members?take=50&fields=user_id,email,picture,name,roles',
  )

  it.each([
    ['Ada', ADA, 200, 200],
    ['Mo', MO, 200, 403],
    ['Rae', RAE, 403, 403],
    ['Sam', SAM, 403, 403],
  ])('%s: members %i, members with roles %i', async (_, admin, plain, roles) => {
    const proxy = await createTestProxy()
    const token = await proxy.mint({ admin })

    expect((await proxy.get(members, { token })).status).toBe(plain)
    expect((await proxy.get(withRoles, { token })).status).toBe(roles)
  })

  it('tells Mo which permission the roles need, and Rae which the members need', async () => {
    const proxy = await createTestProxy()

    const mo = await proxy.get(withRoles, { token: await proxy.mint({ admin: MO }) })
    const rae = await proxy.get(members, { token: await proxy.mint({ admin: RAE }) })

    expect((await mo.json()).message).toBe(
      'Insufficient scope, expected any of: read:organization_member_roles',
    )
    expect((await rae.json()).message).toBe(
      'Insufficient scope, expected any of: read:organization_members',
    )
  })
})

describe('an organization by name', () => {
  it('answers the same record as by id, relaying the name as one segment', async () => {
    const proxy = await createTestProxy()

    const byName = await proxy.get(BY_NAME)
    const byId = await proxy.get(organizationPath(THREE_MEMBER_ORGANIZATION.id))

    expect(byName.status).toBe(200)
    expect(await byName.json()).toEqual(await byId.json())
    expect(upstreamUrls(proxy)[0]?.pathname).toBe(BY_NAME)
  })

  it.each([['no-such-organization'], ['a/b?c#100%25'], ['members']])(
    'sends the name %j upstream as one segment and relays the 404',
    async (name) => {
      const proxy = await createTestProxy()

      const response = await proxy.get(`/api/v2/organizations/name/${encodeURIComponent(name)}`)

      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({
        message: 'No organization found by that id or name',
      })
      expect(upstreamUrls(proxy).map((url) => url.pathname)).toEqual([
        `/api/v2/organizations/name/${encodeURIComponent(name)}`,
      ])
    },
  )

  it('audits the lookup naming the organization by its name, not as an id', async () => {
    const proxy = await createTestProxy()

    await proxy.get(BY_NAME)
    await proxy.get(BY_NAME, { token: await proxy.mint({ admin: SAM }) })

    expect(proxy.auditEntries()).toEqual([
      expect.objectContaining({
        admin: { sub: ADA.sub },
        targetUserId: null,
        targetOrganizationName: THREE_MEMBER_ORGANIZATION.name,
        endpoint: 'organizations.byName',
        status: 200,
      }),
      expect.objectContaining({
        admin: { sub: SAM.sub },
        targetOrganizationName: THREE_MEMBER_ORGANIZATION.name,
        endpoint: 'organizations.byName',
        status: 403,
      }),
    ])
    expect(proxy.auditEntries()[0]).not.toHaveProperty('targetOrganizationId')
  })
})

describe('the audit line for an organization lookup', () => {
  it('names the endpoint and the organization, with no user looked up', async () => {
    const proxy = await createTestProxy()
    const tess = proxy.tenant.data.membershipsByUserId.get(NAMED_USERS.threeMemberships.userId)?.[0]
    const organization = tess?.id ?? ''

    await proxy.get(organizationPath(organization), { headers: { 'X-Request-Id': 'org-1' } })
    await proxy.get(organizationPath(organization, '/members?fields=roles'), {
      token: await proxy.mint({ admin: SAM }),
    })
    await proxy.get('/api/v2/organizations?take=5')

    expect(proxy.auditEntries()).toEqual([
      {
        event: 'lookup',
        time: expect.any(String),
        requestId: expect.any(String),
        callerRequestId: 'org-1',
        admin: { sub: ADA.sub },
        targetUserId: null,
        targetOrganizationId: organization,
        endpoint: 'organizations.get',
        status: 200,
        durationMs: expect.any(Number),
      },
      expect.objectContaining({
        admin: { sub: SAM.sub },
        targetUserId: null,
        targetOrganizationId: organization,
        endpoint: 'organizations.members',
        status: 403,
      }),
      expect.objectContaining({ targetUserId: null, endpoint: 'organizations.list', status: 200 }),
    ])
    expect(proxy.auditEntries()[2]).not.toHaveProperty('targetOrganizationId')
  })
})
