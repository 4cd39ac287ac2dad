import { beforeAll, describe, expect, it } from 'vitest'
import { ALL_SCOPES } from '../config'
import { LARGE_ORGANIZATION } from '../seed/large-organization'
import { NAMED_USERS } from '../seed/named-users'
import { checkpointPages, createTestTenant, type TestTenant } from '../testing/test-tenant'
import { setManagementApiSettings } from './settings'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

interface Member {
  user_id: string
  email?: string
  picture?: string
  name?: string
  roles?: { id: string; name: string }[]
}

const membersPath = (organizationId: string, query = ''): string =>
  `/organizations/${encodeURIComponent(organizationId)}/members${query}`
const userIds = (members: readonly Member[]): string[] => members.map((m) => m.user_id)
const LARGE = LARGE_ORGANIZATION.id
const TESS = NAMED_USERS.threeMemberships.userId
/** Tess Trio's first organization: she holds Member and Org Admin there (seed/roles.ts). */
const tessFirst = () => t.tenant.data.membershipsByUserId.get(TESS)?.[0]?.id ?? ''
const withoutScope = (scope: string) => t.mint({ scope: ALL_SCOPES.filter((s) => s !== scope) })

describe('GET /organizations/{id}/members', () => {
  it('answers a bare array of { user_id, email, picture, name }, unset fields absent', async () => {
    const response = await t.get(membersPath(tessFirst()))

    expect(response.status).toBe(200)
    const members = (await response.json()) as Member[]
    const tess = t.tenant.data.usersById.get(TESS)
    expect(members).toContainEqual({
      user_id: TESS,
      email: tess?.email,
      picture: tess?.picture,
      name: tess?.name,
    })
    for (const member of members) {
      expect(
        Object.keys(member).every((key) => ['user_id', 'email', 'picture', 'name'].includes(key)),
      ).toBe(true)
    }
  })

  it('lists exactly the users whose memberships name the organization', async () => {
    const organization = tessFirst()
    const expected = t.tenant.data.users
      .filter((user) =>
        t.tenant.data.membershipsByUserId.get(user.user_id)?.some((o) => o.id === organization),
      )
      .map((user) => user.user_id)

    const members = (await (
      await t.get(membersPath(organization, '?per_page=100'))
    ).json()) as Member[]

    expect(userIds(members)).toEqual(expected)
  })

  it('answers { start, limit, total, members } with include_totals, total past 1000', async () => {
    const body = await (
      await t.get(membersPath(LARGE, '?include_totals=true&page=2&per_page=100'))
    ).json()

    expect(Object.keys(body).sort()).toEqual(['limit', 'members', 'start', 'total'])
    expect(body).toMatchObject({ start: 200, limit: 100, total: LARGE_ORGANIZATION.memberCount })
    expect(body.members[0]).toMatchObject({ user_id: expect.any(String), name: 'Member 00201' })
  })

  it('refuses an offset page past record 1000', async () => {
    const response = await t.get(membersPath(LARGE, '?page=20&per_page=50'))

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      message: 'Requesting page exceeds the allowed maximum of 1000 records',
      errorCode: 'invalid_paging',
    })
  })

  it('reaches every one of 10,000 members by checkpoint, each once, in offset order; no next on the last page', async () => {
    const pages = await checkpointPages(t, membersPath(LARGE), 100)
    const reached = pages.flatMap((page) => userIds(page.members as Member[]))
    const firstThousand = await Promise.all(
      Array.from(
        { length: 10 },
        async (_, page) =>
          (await t.get(membersPath(LARGE, `?per_page=100&page=${page}`))).json() as Promise<
            Member[]
          >,
      ),
    )

    expect(pages).toHaveLength(LARGE_ORGANIZATION.memberCount / 100)
    expect(new Set(reached).size).toBe(LARGE_ORGANIZATION.memberCount)
    expect(reached.slice(0, 1000)).toEqual(userIds(firstThousand.flat()))
    expect(Object.keys(pages.at(-1) ?? {})).toEqual(['members'])
  })

  it.each([
    ['take=0', "'Number is less than minimum (1)' on property take"],
    ['take=101', "'Number is greater than maximum (100)' on property take"],
    ['from=not%20base64!', "'Not a checkpoint this list issued' on property from"],
    // A checkpoint another list issued: it names no member of this one.
    [
      `from=${btoa(NAMED_USERS.oneMembership.userId).replace(/=+$/, '')}`,
      "'Not a checkpoint this list issued'",
    ],
    ['fields=roles,secret', "'String does not match pattern"],
    [
      'include_fields=maybe',
      "'Expected type boolean but found type string' on property include_fields",
    ],
  ])('refuses %s with 400 invalid_query_string', async (query, words) => {
    const response = await t.get(membersPath(LARGE, `?${query}`))

    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' })
    expect(body.message).toContain(`Query validation error: ${words}`)
  })

  it('refuses from and take on a tenant without checkpoint paging; offset paging still works', async () => {
    const tenant = await createTestTenant()
    setManagementApiSettings(tenant.tenant, { checkpointPaging: false })

    for (const name of ['take', 'from']) {
      expect(await (await tenant.get(membersPath(LARGE, `?${name}=1`))).json()).toMatchObject({
        statusCode: 400,
        message: `Query validation error: 'Additional properties not allowed: ${name}'.`,
      })
    }
    expect(await (await tenant.get(membersPath(LARGE, '?per_page=10'))).json()).toHaveLength(10)
  })

  it('needs read:organization_members', async () => {
    const response = await t.get(membersPath(LARGE), {
      token: await withoutScope('read:organization_members'),
    })

    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      message: 'Insufficient scope, expected any of: read:organization_members',
      errorCode: 'insufficient_scope',
    })
  })
})

describe('GET /organizations/{id}/members?fields=', () => {
  it("fields=roles answers each member's directly assigned roles as { id, name }, and nothing else", async () => {
    const organization = tessFirst()
    const members = (await (
      await t.get(membersPath(organization, '?fields=roles&per_page=100'))
    ).json()) as Member[]
    const withIds = (await (
      await t.get(membersPath(organization, '?fields=user_id,roles&per_page=100'))
    ).json()) as Member[]

    expect(members.every((member) => Object.keys(member).join() === 'roles')).toBe(true)
    const tess = withIds.find((member) => member.user_id === TESS)
    expect(tess).toEqual({
      user_id: TESS,
      roles: [
        { id: 'rol_M3mB3r6hJ1sYt0Fq', name: 'Member' },
        { id: 'rol_0rGaDm1N2xLw7eKp', name: 'Org Admin' },
      ],
    })
  })

  it('answers the same roles the member-roles endpoint does, for every member of a page', async () => {
    const members = (
      await (await t.get(membersPath(LARGE, '?fields=user_id,roles&take=20'))).json()
    ).members as Member[]

    for (const member of members) {
      const roles = (await (
        await t.get(`/organizations/${LARGE}/members/${encodeURIComponent(member.user_id)}/roles`)
      ).json()) as { id: string; name: string }[]
      expect(member.roles).toEqual(roles.map(({ id, name }) => ({ id, name })))
    }
    expect(members.some((member) => (member.roles?.length ?? 0) > 0)).toBe(true)
  })

  it('asks for read:organization_member_roles too: without it, 403 naming it', async () => {
    const token = await withoutScope('read:organization_member_roles')
    const refused = await t.get(membersPath(LARGE, '?fields=user_id,roles'), { token })
    const plain = await t.get(membersPath(LARGE, '?fields=user_id,name'), { token })
    const excluded = await t.get(membersPath(LARGE, '?fields=roles&include_fields=false'), {
      token,
    })

    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:organization_member_roles',
      errorCode: 'insufficient_scope',
    })
    expect(plain.status).toBe(200)
    expect(Object.keys(((await plain.json()) as Member[])[0] ?? {})).toEqual(['user_id', 'name'])
    expect(excluded.status).toBe(200)
    expect(Object.keys(((await excluded.json()) as Member[])[0] ?? {}).sort()).toEqual([
      'email',
      'name',
      'picture',
      'user_id',
    ])
  })

  it('leaves out the fields named with include_fields=false', async () => {
    const members = (await (
      await t.get(membersPath(LARGE, '?fields=email,picture&include_fields=false'))
    ).json()) as Member[]

    expect(Object.keys(members[0] ?? {}).sort()).toEqual(['name', 'user_id'])
  })
})
