import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import { TENANT_ROLES } from '../seed/roles'
import { seedTenantData } from '../seed/seed'
import { createTestTenant, TEST_ORIGIN, userPath, type TestTenant } from '../testing/test-tenant'

const LI_WEI = NAMED_USERS.office365User.userId
const TRIO = NAMED_USERS.threeMemberships.userId
const seed = seedTenantData()
const seeded = (userId: string) => seed.membershipsByUserId.get(userId) ?? []
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The seed has no ${what}`)
  return value
}
/** An organization Li Wei is not in, with members of its own. */
const JOINED = must(
  seed.organizations.find(
    (org) =>
      !seeded(LI_WEI).some((mine) => mine.id === org.id) &&
      (seed.membersByOrganizationId.get(org.id)?.length ?? 0) > 1,
  ),
  'organization without Li Wei',
)
/** Tess Trio's three organizations, in her list's order. */
const trioMembership = (i: number) => must(seeded(TRIO)[i]?.id, `membership ${i} of Tess Trio`)
const LEFT = trioMembership(0)
const SECOND = trioMembership(1)
const THIRD = trioMembership(2)

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant({ faultControl: true })
})
// Every test starts from the seed, even after one failed half-way.
afterEach(() => send(t, 'DELETE', ''))

const control = (tenant: TestTenant, path: string, init: RequestInit = {}) =>
  tenant.tenant.fetch(new Request(`${TEST_ORIGIN}/__faults${path}`, init))
const send = (tenant: TestTenant, method: string, path: string, body?: unknown) =>
  control(tenant, path, {
    method,
    ...(body !== undefined && {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  })
const remove = (tenant: TestTenant, userId: string, organizationId: string) =>
  send(tenant, 'DELETE', `/memberships?${new URLSearchParams({ userId, organizationId })}`)

/** What the three Management API endpoints say about the membership now. */
async function seen(tenant: TestTenant, userId: string, organizationId: string) {
  const organizations = await (
    await tenant.get(userPath(userId, '/organizations?include_totals=true&per_page=100'))
  ).json()
  const members = await (
    await tenant.get(
      `/organizations/${organizationId}/members?include_totals=true&per_page=100&fields=user_id,roles&include_fields=true`,
    )
  ).json()
  const roles = await tenant.get(
    `/organizations/${organizationId}/members/${encodeURIComponent(userId)}/roles`,
  )
  const member = members.members.find((m: { user_id: string }) => m.user_id === userId)
  return {
    inUserList: organizations.organizations.some((o: { id: string }) => o.id === organizationId),
    userTotal: organizations.total as number,
    userListLength: organizations.organizations.length as number,
    inMembers: member !== undefined,
    memberRoles: member?.roles?.map((r: { name: string }) => r.name),
    membersTotal: members.total as number,
    rolesStatus: roles.status,
    roles: roles.ok ? (await roles.json()).map((r: { name: string }) => r.name) : undefined,
  }
}

describe('/__faults/memberships', () => {
  it('adds a membership every endpoint then shows, with its roles, and the totals count it', async () => {
    const before = await seen(t, LI_WEI, JOINED.id)
    expect(before).toMatchObject({ inUserList: false, inMembers: false, rolesStatus: 404 })

    const added = await send(t, 'POST', '/memberships', {
      userId: LI_WEI,
      organizationId: JOINED.id,
      roles: ['Billing', 'Auditor'],
    })
    expect(added.status).toBe(200)
    expect(await added.json()).toEqual({
      membership: {
        userId: LI_WEI,
        organizationId: JOINED.id,
        roles: [
          { id: TENANT_ROLES.auditor.id, name: 'Auditor' },
          { id: TENANT_ROLES.billing.id, name: 'Billing' },
        ],
      },
    })

    expect(await seen(t, LI_WEI, JOINED.id)).toEqual({
      inUserList: true,
      userTotal: before.userTotal + 1,
      userListLength: before.userListLength + 1,
      inMembers: true,
      memberRoles: ['Auditor', 'Billing'],
      membersTotal: before.membersTotal + 1,
      rolesStatus: 200,
      roles: ['Auditor', 'Billing'],
    })
  })

  it('removes a seeded membership from every endpoint, and keeps the other roles as they were', async () => {
    const rolesBefore = await Promise.all(
      [SECOND, THIRD].map(async (id) => (await seen(t, TRIO, id)).roles),
    )
    const before = await seen(t, TRIO, LEFT)
    expect(before).toMatchObject({ inUserList: true, inMembers: true, rolesStatus: 200 })

    expect((await remove(t, TRIO, LEFT)).status).toBe(204)

    expect(await seen(t, TRIO, LEFT)).toMatchObject({
      inUserList: false,
      userTotal: before.userTotal - 1,
      inMembers: false,
      membersTotal: before.membersTotal - 1,
      rolesStatus: 404,
    })
    // Roles follow a membership's place in the seed, not in the shortened list.
    const rolesAfter = await Promise.all(
      [SECOND, THIRD].map(async (id) => (await seen(t, TRIO, id)).roles),
    )
    expect(rolesAfter).toEqual(rolesBefore)
  })

  it('sets the roles of a membership', async () => {
    const response = await send(t, 'PUT', '/memberships/roles', {
      userId: TRIO,
      organizationId: LEFT,
      roles: ['Auditor'],
    })
    expect(response.status).toBe(200)
    expect((await seen(t, TRIO, LEFT)).roles).toEqual(['Auditor'])
  })

  it('puts the seeded memberships back on a reset, of everything or of the memberships', async () => {
    const original = await seen(t, TRIO, LEFT)
    const originalLi = await seen(t, LI_WEI, JOINED.id)

    for (const reset of ['', '/memberships']) {
      await remove(t, TRIO, LEFT)
      await send(t, 'POST', '/memberships', { userId: LI_WEI, organizationId: JOINED.id })
      expect((await send(t, 'DELETE', reset)).status).toBe(204)

      expect(await seen(t, TRIO, LEFT)).toEqual(original)
      expect(await seen(t, LI_WEI, JOINED.id)).toEqual(originalLi)
    }
  })

  it('changes one tenant only: the seed other tenants in the process read is untouched', async () => {
    const other = await createTestTenant({ faultControl: true })
    await remove(t, TRIO, LEFT)

    expect((await seen(other, TRIO, LEFT)).inUserList).toBe(true)
    expect(seeded(TRIO).map((org) => org.id)).toContain(LEFT)
  })

  it.each([
    ['an unknown user', { userId: 'auth0|nobody', organizationId: JOINED.id }, 404],
    ['an unknown organization', { userId: LI_WEI, organizationId: 'org_doesnotexist00' }, 404],
    ['an unknown role', { userId: LI_WEI, organizationId: JOINED.id, roles: ['Owner'] }, 400],
    ['another key', { userId: LI_WEI, organizationId: JOINED.id, role: 'Member' }, 400],
    ['no organization', { userId: LI_WEI }, 400],
  ])('refuses to add for %s', async (_, body, status) => {
    const response = await send(t, 'POST', '/memberships', body)

    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ message: expect.any(String) })
    expect((await seen(t, LI_WEI, JOINED.id)).inUserList).toBe(false)
  })

  it('answers 404 to removing, or setting roles of, a membership that does not exist', async () => {
    expect((await remove(t, LI_WEI, JOINED.id)).status).toBe(404)
    expect((await remove(t, 'auth0|nobody', JOINED.id)).status).toBe(404)
    const roles = await send(t, 'PUT', '/memberships/roles', {
      userId: LI_WEI,
      organizationId: JOINED.id,
      roles: [],
    })
    expect(roles.status).toBe(404)
  })

  it('takes no call from a web page', async () => {
    const response = await control(t, '/memberships', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://app.test' },
      body: JSON.stringify({ userId: LI_WEI, organizationId: JOINED.id }),
    })

    expect(response.status).toBe(403)
    expect((await seen(t, LI_WEI, JOINED.id)).inUserList).toBe(false)
  })

  it('is served alone by a tenant with membership control only, without the fault switches', async () => {
    const alone = await createTestTenant({ membershipControl: true })
    const added = await send(alone, 'POST', '/memberships', {
      userId: LI_WEI,
      organizationId: JOINED.id,
    })

    expect(added.status).toBe(200)
    expect(await seen(alone, LI_WEI, JOINED.id)).toMatchObject({ inUserList: true, roles: [] })
    expect((await send(alone, 'POST', '/rules', { fail500Times: 1 })).status).toBe(404)
    expect((await send(alone, 'DELETE', '/memberships')).status).toBe(204)
    expect((await seen(alone, LI_WEI, JOINED.id)).inUserList).toBe(false)
  })
})
