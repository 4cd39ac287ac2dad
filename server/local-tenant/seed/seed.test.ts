import { describe, expect, it } from 'vitest'
import { LARGE_ORGANIZATION } from './large-organization'
import { NAMED_USERS } from './named-users'
import { ORGANIZATION_COUNT } from './organizations'
import { SCENARIO_DESCRIPTIONS, SCENARIO_USERS } from './scenarios'
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

  it('holds a few hundred users and the large organization’s members, all with unique ids, ~1300 organizations, the 5000 bulk ones and the large one', () => {
    const count = ORGANIZATION_COUNT + NAMED_USERS.fiveThousandMemberships.memberships + 1
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
      expect(org.id).toMatch(/^org_[A-Za-z0-9]{16}$/)
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
