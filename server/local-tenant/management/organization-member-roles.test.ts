import { beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import {
  ROLE_SCENARIO_MEMBERSHIP_INDEX,
  ROLE_SCENARIO_USER,
  TENANT_ROLES,
  type RoleScenarioName,
} from '../seed/roles'
import { SCENARIO_USERS } from '../seed/scenarios'
import type { Organization, Role } from '../seed/seed'
import { createTestTenant, type TestTenant } from '../testing/test-tenant'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

/** The roles path, each id encoded as one segment exactly as a client must. */
const rolesPath = (organizationId: string, userId: string, query = ''): string =>
  `/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}/roles${query}`

const membershipsOf = (userId: string): readonly Organization[] =>
  t.tenant.data.membershipsByUserId.get(userId) ?? []

/** The user's n-th organization (list order), failing loudly if the seed has fewer. */
function nthOrganization(userId: string, index: number): Organization {
  const organization = membershipsOf(userId)[index]
  if (!organization) throw new Error(`${userId} has no membership #${index}`)
  return organization
}

const rolesOf = (userId: string, index: number, query = '', token?: string | null) =>
  t.get(
    rolesPath(nthOrganization(userId, index).id, userId, query),
    token === undefined ? {} : { token },
  )

const { member, orgAdmin, auditor, billing, supportAgent } = TENANT_ROLES
const TESS = NAMED_USERS.threeMemberships.userId

describe('GET /organizations/{id}/members/{user_id}/roles', () => {
  it("answers a bare array of the member's roles by default, in name order", async () => {
    const response = await rolesOf(TESS, 0)

    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual([member, orgAdmin])
  })

  it("gives the named users' memberships a predictable cycle: two roles, one, none, three", async () => {
    const many = NAMED_USERS.manyMemberships.userId
    const bodies = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => (await rolesOf(many, i)).json()),
    )

    expect(bodies).toEqual([
      [member, orgAdmin],
      [member],
      [],
      [auditor, billing, supportAgent],
      [member, orgAdmin],
    ])
  })

  it('answers { start, limit, total, roles } without length, with include_totals', async () => {
    const body = await (await rolesOf(TESS, 0, '?include_totals=true')).json()

    expect(Object.keys(body).sort()).toEqual(['limit', 'roles', 'start', 'total'])
    expect(body).toEqual({ start: 0, limit: 50, total: 2, roles: [member, orgAdmin] })
    expect(await (await rolesOf(TESS, 2, '?include_totals=true')).json()).toEqual({
      start: 0,
      limit: 50,
      total: 0,
      roles: [],
    })
  })

  it('pages: per_page and page pick the slice, total stays the true count', async () => {
    const many = NAMED_USERS.manyMemberships.userId
    const pages = await Promise.all(
      [0, 1, 2, 3].map(async (page) =>
        (await rolesOf(many, 3, `?include_totals=true&per_page=1&page=${page}`)).json(),
      ),
    )

    expect(pages).toEqual([
      { start: 0, limit: 1, total: 3, roles: [auditor] },
      { start: 1, limit: 1, total: 3, roles: [billing] },
      { start: 2, limit: 1, total: 3, roles: [supportAgent] },
      { start: 3, limit: 1, total: 3, roles: [] },
    ])
    expect(await (await rolesOf(many, 3, '?per_page=2&page=1')).json()).toEqual([supportAgent])
  })

  it.each(['0', '101', 'x'])('refuses per_page=%s with invalid_query_string', async (perPage) => {
    const response = await rolesOf(TESS, 0, `?per_page=${perPage}`)

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      errorCode: 'invalid_query_string',
      message: expect.stringContaining('on property per_page'),
    })
  })

  it('refuses include_totals that is not a boolean', async () => {
    const response = await rolesOf(TESS, 0, '?include_totals=yes')

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
  })

  it('shapes roles as Auth0 does: rol_ ids, a name, a description only when there is one', async () => {
    const roles = (await (await rolesOf(TESS, 0)).json()) as Role[]

    for (const role of roles) expect(role.id).toMatch(/^rol_[A-Za-z0-9]{16}$/)
    expect(roles.find((role) => role.name === 'Member')).not.toHaveProperty('description')
    expect(roles.find((role) => role.name === 'Org Admin')?.description).toEqual(expect.any(String))
  })

  it('answers the same roles on every call', async () => {
    const generated = t.tenant.data.users.find(
      (user) =>
        user.user_id.startsWith('google-oauth2|1') && membershipsOf(user.user_id).length > 2,
    )
    if (!generated) throw new Error('The seed has no generated Google user with 3+ memberships')
    const first = await Promise.all(
      [0, 1, 2].map(async (i) => (await rolesOf(generated.user_id, i)).json()),
    )
    const again = await Promise.all(
      [0, 1, 2].map(async (i) => (await rolesOf(generated.user_id, i)).json()),
    )

    expect(again).toEqual(first)
  })

  it('answers 404 in Auth0 shape for an organization that does not exist', async () => {
    const response = await t.get(rolesPath('org_doesNotExist0000', TESS))

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No organization found by that id or name',
    })
  })

  it('answers 404 for a user who is not a member of the organization, or does not exist', async () => {
    const solosOrganization = nthOrganization(NAMED_USERS.oneMembership.userId, 0)
    const notTess = membershipsOf(TESS).every((org) => org.id !== solosOrganization.id)
    expect(notTess).toBe(true)

    for (const userId of [TESS, NAMED_USERS.noMemberships.userId, 'auth0|nobody-at-all']) {
      const response = await t.get(rolesPath(solosOrganization.id, userId))
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The user is not a member of the organization.',
      })
    }
  })

  it('checks the query before the organization, as the memberships list does', async () => {
    const response = await t.get(rolesPath('org_doesNotExist0000', TESS, '?per_page=0'))

    expect(response.status).toBe(400)
  })

  it.each([
    ['samlUser', NAMED_USERS.samlUser],
    ['office365User', NAMED_USERS.office365User],
    ['slashAndUnicodeId', NAMED_USERS.slashAndUnicodeId],
    ['reservedCharactersId', NAMED_USERS.reservedCharactersId],
  ])('finds the member %s by an id sent as one encoded segment', async (_, user) => {
    const response = await rolesOf(user.userId, 0)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([member, orgAdmin])
  })

  it('decodes the user id once: %25 stays a literal %, so decoding twice finds nobody', async () => {
    const { userId } = NAMED_USERS.reservedCharactersId
    const organization = nthOrganization(userId, 0)
    const encodedTwice = encodeURIComponent(encodeURIComponent(userId))

    const response = await t.get(`/organizations/${organization.id}/members/${encodedTwice}/roles`)

    expect(response.status).toBe(404)
  })

  it.each([
    [
      'broken percent-encoding in the organization',
      '/organizations/org_%E0%A4%A/members/x/roles',
      'id (Organization identifier)',
    ],
    ['an empty organization', '/organizations//members/x/roles', 'id (Organization identifier)'],
    [
      'broken percent-encoding in the user',
      '/organizations/org_1/members/auth0%7/roles',
      'user_id (ID of the user to associate roles with)',
    ],
    [
      'an empty user',
      '/organizations/org_1/members//roles',
      'user_id (ID of the user to associate roles with)',
    ],
  ])('answers 400 invalid_uri for %s', async (_, path, property) => {
    const response = await t.get(path)

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: `Path validation error: 'String does not match pattern ^.+$' on property ${property}.`,
      errorCode: 'invalid_uri',
    })
  })

  it('needs read:organization_member_roles: Sam, who holds only read:users, gets 403', async () => {
    const organization = nthOrganization(TESS, 0)
    const sam = await t.mint({ sub: 'auth0|admin-sam', scope: ['read:users'] })
    const withoutRoles = await t.mint({ scope: ['read:users', 'read:organizations'] })

    for (const token of [sam, withoutRoles]) {
      const response = await t.get(rolesPath(organization.id, TESS), { token })
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:organization_member_roles',
        errorCode: 'insufficient_scope',
      })
    }
    const rolesOnly = await t.mint({ scope: ['read:organization_member_roles'] })
    expect((await t.get(rolesPath(organization.id, TESS), { token: rolesOnly })).status).toBe(200)
  })

  it('answers 401 without a token, before anything else', async () => {
    const response = await t.get(rolesPath('org_doesNotExist0000', TESS), { token: null })

    expect(response.status).toBe(401)
  })

  it('carries the X-RateLimit-* headers like every other answer', async () => {
    for (const response of [await rolesOf(TESS, 0), await t.get(rolesPath('org_nope', TESS))]) {
      for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
        expect(response.headers.get(name), name).toMatch(/^\d+$/)
      }
    }
  })
})

describe('role scenarios', () => {
  const scenarioRoles = (scenario: RoleScenarioName) =>
    rolesOf(
      ROLE_SCENARIO_USER.userId,
      ROLE_SCENARIO_MEMBERSHIP_INDEX[scenario],
      '?include_totals=true',
    )

  it("list the scenario user's first organization's roles normally", async () => {
    const response = await rolesOf(ROLE_SCENARIO_USER.userId, 0)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([member, orgAdmin])
  })

  it('answer 403 insufficient_scope for one membership, whatever the token holds', async () => {
    const response = await scenarioRoles('roles-insufficient-scope')

    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:organization_member_roles',
      errorCode: 'insufficient_scope',
    })
  })

  it('answer 500 with an Auth0-shaped body for another, with rate-limit headers', async () => {
    const response = await scenarioRoles('roles-server-error')

    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred.',
    })
    expect(response.headers.get('X-RateLimit-Remaining')).toMatch(/^\d+$/)
  })

  it('are listed in the seed with the organization each acts on', () => {
    expect(
      t.tenant.data.roleScenarios.map(({ scenario, userId, organizationId }) => [
        scenario,
        userId,
        organizationId,
      ]),
    ).toEqual([
      [
        'roles-insufficient-scope',
        ROLE_SCENARIO_USER.userId,
        nthOrganization(ROLE_SCENARIO_USER.userId, 1).id,
      ],
      [
        'roles-server-error',
        ROLE_SCENARIO_USER.userId,
        nthOrganization(ROLE_SCENARIO_USER.userId, 2).id,
      ],
    ])
  })

  it('leave the same organizations alone for their other members', async () => {
    const scenarioOrganization = nthOrganization(ROLE_SCENARIO_USER.userId, 2)
    const otherMember = [...t.tenant.data.membershipsByUserId].find(
      ([userId, orgs]) =>
        userId !== ROLE_SCENARIO_USER.userId &&
        orgs.some((org) => org.id === scenarioOrganization.id),
    )
    if (!otherMember) throw new Error('Nobody else is in the scenario organization')

    const response = await t.get(rolesPath(scenarioOrganization.id, otherMember[0]))

    expect(response.status).toBe(200)
  })

  it("do not come from the user scenarios: a scenario user's roles answer normally", async () => {
    const { userId } = SCENARIO_USERS['server-error']
    const response = await rolesOf(userId, 0)

    expect(response.status).toBe(200)
    expect(Array.isArray(await response.json())).toBe(true)
  })
})
