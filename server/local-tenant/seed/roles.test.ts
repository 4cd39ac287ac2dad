import { describe, expect, it } from 'vitest'
import { NAMED_USERS } from './named-users'
import {
  buildRoleScenarios,
  memberRoles,
  NAMED_USER_ROLE_CYCLE,
  ROLE_SCENARIO_DESCRIPTIONS,
  ROLE_SCENARIO_MEMBERSHIP_INDEX,
  ROLE_SCENARIO_USER,
  TENANT_ROLES,
} from './roles'
import { seedTenantData, type Role } from './seed'

const data = seedTenantData()
const ROLES: readonly Role[] = Object.values(TENANT_ROLES)
const NAMED_IDS: ReadonlySet<string> = new Set(Object.values(NAMED_USERS).map((u) => u.userId))

/** Every membership in the seed with its roles. */
const everyMembership = [...data.membershipsByUserId].flatMap(([userId, orgs]) =>
  orgs.map((org, index) => ({ userId, organizationId: org.id, index })),
)

describe("the tenant's roles", () => {
  it('are five, with unique rol_ ids and names, listed in name order', () => {
    expect(ROLES.map((role) => role.name)).toEqual([
      'Auditor',
      'Billing',
      'Member',
      'Org Admin',
      'Support Agent',
    ])
    for (const role of ROLES) expect(role.id).toMatch(/^rol_[A-Za-z0-9]{16}$/)
    expect(new Set(ROLES.map((role) => role.id)).size).toBe(ROLES.length)
  })
})

describe("a member's roles", () => {
  it('are 0–3 distinct tenant roles in name order, for every membership', () => {
    for (const { userId, organizationId, index } of everyMembership) {
      const roles = memberRoles(organizationId, userId, index)
      expect(roles.length).toBeLessThanOrEqual(3)
      const positions = roles.map((role) => ROLES.indexOf(role))
      expect(positions.every((position) => position >= 0)).toBe(true)
      expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b))
    }
  })

  it('are the same on every call: computed from the membership, not drawn at random', () => {
    for (const { userId, organizationId, index } of everyMembership.slice(0, 500)) {
      expect(memberRoles(organizationId, userId, index)).toEqual(
        memberRoles(organizationId, userId, index),
      )
    }
  })

  it('vary among generated users: some have none, most one, a few two or three', () => {
    const counts = new Map<number, number>()
    for (const { userId, organizationId, index } of everyMembership) {
      if (NAMED_IDS.has(userId)) continue
      const count = memberRoles(organizationId, userId, index).length
      counts.set(count, (counts.get(count) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3])
    const one = counts.get(1) ?? 0
    for (const other of [0, 2, 3]) expect(one).toBeGreaterThan(counts.get(other) ?? 0)
  })

  it('cycle by position for the named users', () => {
    const tess = data.membershipsByUserId.get(NAMED_USERS.threeMemberships.userId) ?? []
    expect(
      tess.map((org, index) =>
        memberRoles(org.id, NAMED_USERS.threeMemberships.userId, index).map((role) => role.name),
      ),
    ).toEqual([['Member', 'Org Admin'], ['Member'], []])
    expect(NAMED_USER_ROLE_CYCLE.map((roles) => roles.length)).toEqual([2, 1, 0, 3])
  })
})

describe('role scenarios', () => {
  it('each act on a membership of the scenario user, described', () => {
    const memberships = data.membershipsByUserId.get(ROLE_SCENARIO_USER.userId) ?? []
    const scenarios = buildRoleScenarios(data.membershipsByUserId)

    expect(scenarios.map((entry) => entry.scenario)).toEqual(
      Object.keys(ROLE_SCENARIO_DESCRIPTIONS),
    )
    for (const entry of scenarios) {
      const organization = memberships[ROLE_SCENARIO_MEMBERSHIP_INDEX[entry.scenario]]
      expect(entry).toEqual({
        scenario: entry.scenario,
        description: ROLE_SCENARIO_DESCRIPTIONS[entry.scenario],
        userId: ROLE_SCENARIO_USER.userId,
        organizationId: organization?.id,
        organizationName: organization?.name,
      })
    }
    // Membership 0 is left to answer normally, beside the failing rows.
    expect(Object.values(ROLE_SCENARIO_MEMBERSHIP_INDEX)).not.toContain(0)
    expect(data.roleScenarios).toEqual(scenarios)
  })
})
