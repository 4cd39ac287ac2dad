import { describe, expect, it } from 'vitest'
import { rolesInMembership } from '../management/organization-member-roles'
import { LARGE_ORGANIZATION } from './large-organization'
import { NAMED_USERS } from './named-users'
import { HUNDRED_FIFTY_MEMBER_ORGANIZATION, THREE_MEMBER_ORGANIZATION } from './organization-page'
import { ORGANIZATION_COUNT } from './organizations'
import {
  ORGANIZATION_SCENARIO_DESCRIPTIONS,
  SCENARIO_DESCRIPTIONS,
  SCENARIO_ORGANIZATIONS,
  SCENARIO_USERS,
} from './scenarios'
import { buildTenantData, seedTenantData } from './seed'

const data = seedTenantData()

/** Every path in a JSON-like value whose value is null or undefined. */
function nullishPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path]
  if (Array.isArray(value)) return value.flatMap((item, i) => nullishPaths(item, `${path}[${i}]`))
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nullishPaths(item, `${path}.${key}`))
  }
  return []
}

describe('the seed', () => {
  it('is the same on every build', () => {
    const again = buildTenantData()
    expect(again.users).toEqual(data.users)
    expect(again.organizations).toEqual(data.organizations)
    expect(
      [...again.membershipsByUserId.entries()].map(([id, orgs]) => [id, orgs.map((o) => o.id)]),
    ).toEqual(
      [...data.membershipsByUserId.entries()].map(([id, orgs]) => [id, orgs.map((o) => o.id)]),
    )
  })

  it('is built once per process', () => {
    // How long a build takes is a figure for a benchmark, not a test: timings flake here.
    expect(seedTenantData()).toBe(data)
  })

  it('holds a few hundred users and the large organization’s members, all with unique ids, ~1300 organizations, the 5000 bulk ones, the organization page’s three and the scenario ones', () => {
    const count =
      ORGANIZATION_COUNT +
      NAMED_USERS.fiveThousandMemberships.memberships +
      3 +
      Object.keys(SCENARIO_ORGANIZATIONS).length
    expect(data.users.length).toBeGreaterThanOrEqual(300 + LARGE_ORGANIZATION.memberCount)
    expect(data.usersById.size).toBe(data.users.length)
    expect(data.organizations).toHaveLength(count)
    expect(data.organizationsById.size).toBe(count)
    expect(new Set(data.organizations.map((org) => org.name)).size).toBe(count)
  })

  it('never sends null: unset fields are absent', () => {
    expect(nullishPaths(data.users)).toEqual([])
    expect(nullishPaths(data.organizations)).toEqual([])
  })

  it('shapes organizations as Auth0 does', () => {
    for (const org of data.organizations) {
      // The scenario organizations' ids are longer, to say what they do.
      const idLength = data.scenarioByOrganizationId.has(org.id) ? '+' : '{16}'
      expect(org.id).toMatch(new RegExp(`^org_[A-Za-z0-9]${idLength}$`))
      expect(org.name).toMatch(/^[a-z0-9-]{1,50}$/)
      expect([...(org.display_name ?? '')].length).toBeLessThanOrEqual(255)
      expect(Object.keys(org.metadata ?? {}).length).toBeLessThanOrEqual(25)
      for (const value of Object.values(org.metadata ?? {})) expect(typeof value).toBe('string')
    }
    expect(data.organizations.some((org) => org.display_name?.length === 255)).toBe(true)
    expect(data.organizations.some((org) => org.branding === undefined)).toBe(true)
    expect(data.organizations.some((org) => org.branding?.colors !== undefined)).toBe(true)
  })

  it('mixes providers, pictures, logins and blocks like a real tenant', () => {
    const providers = new Set(data.users.map((user) => user.user_id.split('|')[0]))
    expect([...providers]).toEqual(
      expect.arrayContaining([
        'auth0',
        'google-oauth2',
        'github',
        'samlp',
        'waad',
        'office365',
        'oidc',
        'email',
      ]),
    )
    expect(data.users.some((user) => user.picture === undefined)).toBe(true)
    expect(data.users.some((user) => user.picture?.startsWith('https://'))).toBe(true)
    expect(data.users.some((user) => user.last_login === undefined)).toBe(true)
    expect(data.users.some((user) => user.email === undefined)).toBe(true)
    expect(data.users.filter((user) => user.blocked === true).length).toBeGreaterThan(3)
    for (const user of data.users) {
      expect(user.identities.length).toBeGreaterThan(0)
      expect(Date.parse(user.updated_at)).toBeGreaterThanOrEqual(Date.parse(user.created_at))
      expect(user.last_login === undefined).toBe(user.logins_count === undefined)
    }
  })

  it('gives each named user its promised id, email and membership count', () => {
    for (const named of Object.values(NAMED_USERS)) {
      const user = data.usersById.get(named.userId)
      expect(user?.email).toBe(named.email)
      expect(user?.name).toBe(named.name)
      expect(data.membershipsByUserId.get(named.userId)).toHaveLength(named.memberships)
    }
    expect(NAMED_USERS.sharedEmailDatabase.email).toBe(NAMED_USERS.sharedEmailGoogle.email)
    expect(
      data.users.filter((user) => user.email === NAMED_USERS.sharedEmailGoogle.email),
    ).toHaveLength(2)
  })

  it('keeps every other email unique', () => {
    const emails = data.users.flatMap((user) => (user.email ? [user.email] : []))
    expect(emails.length - new Set(emails).size).toBe(1) // the shared-email pair
  })

  it('gives every scenario a described, searchable user with memberships', () => {
    expect(Object.keys(SCENARIO_USERS).sort()).toEqual(Object.keys(SCENARIO_DESCRIPTIONS).sort())
    for (const scenario of Object.values(SCENARIO_USERS)) {
      expect(data.usersById.get(scenario.userId)?.email).toBe(scenario.email)
      expect(data.scenarioByUserId.get(scenario.userId)).toBe(scenario.scenario)
      expect(data.membershipsByUserId.get(scenario.userId)).toHaveLength(scenario.memberships)
    }
  })

  it('gives hostile and non-Latin organizations to the edge-case user alone', () => {
    const edge = data.membershipsByUserId.get(NAMED_USERS.edgeCaseOrganizations.userId) ?? []
    const edgeIds = new Set(edge.map((org) => org.id))
    const names = edge.map((org) => org.display_name ?? '')
    expect(names.some((name) => name.includes('<script>'))).toBe(true)
    expect(names.some((name) => /[\u0600-\u06ff]/.test(name))).toBe(true) // Arabic
    expect(names.some((name) => /[\u3040-\u30ff]/.test(name))).toBe(true) // Japanese
    expect(names.some((name) => /[\u0400-\u04ff]/.test(name))).toBe(true) // Cyrillic
    expect(names.some((name) => name.includes('\u200b'))).toBe(true) // zero-width
    const logos = edge.map((org) => org.branding?.logo_url)
    expect(logos).toEqual(
      expect.arrayContaining(['javascript:alert(1)', 'http://insecure.example.com/logo.png']),
    )
    expect(logos.some((logo) => logo?.startsWith('data:'))).toBe(true)
    for (const [userId, orgs] of data.membershipsByUserId) {
      if (userId === NAMED_USERS.edgeCaseOrganizations.userId) continue
      expect(orgs.some((org) => edgeIds.has(org.id))).toBe(false)
    }
  })

  it.each(['overflowMemberships', 'fiveThousandMemberships'] as const)(
    'lists the memberships of %s in organization-name order',
    (key) => {
      const many = data.membershipsByUserId.get(NAMED_USERS[key].userId) ?? []
      const names = many.map((org) => org.name)
      expect(names).toEqual([...names].sort())
    },
  )

  it('gives the bulk organizations to the five-thousand user alone', () => {
    const bulk = new Set(
      data.membershipsByUserId.get(NAMED_USERS.fiveThousandMemberships.userId)?.map((o) => o.id),
    )
    for (const [userId, orgs] of data.membershipsByUserId) {
      if (userId === NAMED_USERS.fiveThousandMemberships.userId) continue
      expect(orgs.some((org) => bulk.has(org.id))).toBe(false)
    }
  })

  it('lists each organization’s members: every membership turned inside out, in user order', () => {
    const order = new Map(data.users.map((user, index) => [user.user_id, index]))
    let memberships = 0
    for (const [organizationId, members] of data.membersByOrganizationId) {
      for (const member of members) {
        expect(data.membershipsByUserId.get(member.user_id)?.map((org) => org.id)).toContain(
          organizationId,
        )
      }
      const positions = members.map((member) => order.get(member.user_id) ?? -1)
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
      memberships += members.length
    }
    const all = [...data.membershipsByUserId.values()].reduce((sum, orgs) => sum + orgs.length, 0)
    expect(memberships).toBe(all)
  })

  it('has an organization of 10,000 members, who belong to it alone, for checkpoint paging', () => {
    const members = data.membersByOrganizationId.get(LARGE_ORGANIZATION.id) ?? []
    expect(members).toHaveLength(LARGE_ORGANIZATION.memberCount)
    expect(new Set(members.map((member) => member.user_id)).size).toBe(members.length)
    for (const member of members) {
      expect(data.membershipsByUserId.get(member.user_id)).toEqual([
        data.organizationsById.get(LARGE_ORGANIZATION.id),
      ])
    }
  })
})

const rolesOf = (organizationId: string, userId: string): string[] =>
  (rolesInMembership(data, organizationId, userId) ?? []).map((role) => role.name)

describe('the organization page’s organizations', () => {
  it.each([
    ['three', THREE_MEMBER_ORGANIZATION],
    ['150', HUNDRED_FIFTY_MEMBER_ORGANIZATION],
  ] as const)('has %s members, and a logo, colors and metadata for the header', (_, org) => {
    const found = data.organizationsById.get(org.id)
    expect(found).toEqual({
      id: org.id,
      name: org.name,
      display_name: org.display_name,
      branding: org.branding,
      metadata: org.metadata,
    })
    expect(data.organizationsByName.get(org.name)).toBe(found)
    expect(found?.branding?.logo_url).toMatch(/^https:\/\//)
    expect(data.membersByOrganizationId.get(org.id)).toHaveLength(org.memberCount)
  })

  it('gives the three members the roles the constant names, in the members list’s order', () => {
    const members = data.membersByOrganizationId.get(THREE_MEMBER_ORGANIZATION.id) ?? []
    expect(
      members.map((member) => ({
        userId: member.user_id,
        email: member.email,
        name: member.name,
        roles: rolesOf(THREE_MEMBER_ORGANIZATION.id, member.user_id),
      })),
    ).toEqual(THREE_MEMBER_ORGANIZATION.members)
  })

  it('is Sol Solo’s one organization, so his page links to it', () => {
    expect(data.membershipsByUserId.get(NAMED_USERS.oneMembership.userId)).toEqual([
      data.organizationsById.get(THREE_MEMBER_ORGANIZATION.id),
    ])
  })

  it('spreads 0 to 3 roles over the 150 members, every role held, as the constant counts them', () => {
    const { id, membersByRole, membersWithoutRoles } = HUNDRED_FIFTY_MEMBER_ORGANIZATION
    const members = data.membersByOrganizationId.get(id) ?? []
    const roles = members.map((member) => rolesOf(id, member.user_id))
    const byCount = [0, 1, 2, 3].map((n) => roles.filter((held) => held.length === n).length)
    expect(byCount.every((count) => count > 0)).toBe(true)
    expect(roles.filter((held) => held.length === 0)).toHaveLength(membersWithoutRoles)
    const counted = Object.fromEntries(
      Object.keys(membersByRole).map((name) => [
        name,
        roles.filter((held) => held.includes(name)).length,
      ]),
    )
    expect(counted).toEqual(membersByRole)
  })

  it('keeps every membership list in organization-name order', () => {
    for (const orgs of data.membershipsByUserId.values()) {
      const names = orgs.map((org) => org.name)
      expect(names).toEqual([...names].sort())
    }
  })
})

describe('the scenario organizations', () => {
  const scenarios = Object.values(SCENARIO_ORGANIZATIONS)

  it('has one per organization scenario, each a subset of the users’ scenarios', () => {
    expect(scenarios.map((org) => org.scenario)).toEqual(
      Object.keys(ORGANIZATION_SCENARIO_DESCRIPTIONS),
    )
    for (const org of scenarios) expect(Object.keys(SCENARIO_DESCRIPTIONS)).toContain(org.scenario)
  })

  it('names them as the README does', () => {
    expect(SCENARIO_ORGANIZATIONS['rate-limited']).toMatchObject({
      id: 'org_scenarioRateLimited',
      name: 'scenario-rate-limited',
      display_name: 'Scenario rate-limited',
    })
    expect(scenarios.map((org) => org.id)).toEqual([
      'org_scenarioRateLimited',
      'org_scenarioServerError',
      'org_scenarioBadGateway',
      'org_scenarioMalformed',
      'org_scenarioSlow',
      'org_scenarioInvalidToken',
      'org_scenarioDeleted',
    ])
  })

  it.each(scenarios)('lists $name with its $memberCount members', (org) => {
    expect(data.organizationsById.get(org.id)).toEqual({
      id: org.id,
      name: org.name,
      display_name: org.display_name,
    })
    expect(data.scenarioByOrganizationId.get(org.id)).toBe(org.scenario)
    expect(data.membersByOrganizationId.get(org.id) ?? []).toHaveLength(org.memberCount)
  })

  it('shares no member between the organization page’s and the scenario organizations', () => {
    const ids = [
      THREE_MEMBER_ORGANIZATION.id,
      HUNDRED_FIFTY_MEMBER_ORGANIZATION.id,
      ...scenarios.map((org) => org.id),
    ]
    const members = ids.flatMap((id) =>
      (data.membersByOrganizationId.get(id) ?? []).map((m) => m.user_id),
    )
    expect(new Set(members).size).toBe(members.length)
  })
})
