import { NAMED_USERS } from './named-users'
import type { Organization, Role } from './types'

/**
 * The tenant's roles (Auth0 RBAC roles, which an organization assigns per membership). Fixed
 * rather than generated, so tests and the README can name them. In name order: the order a
 * member's roles are listed in.
 */
export const TENANT_ROLES = {
  auditor: {
    id: 'rol_Au9dT0r7kQ2mXv4B',
    name: 'Auditor',
    description: 'Reads audit logs and membership reports; changes nothing.',
  },
  billing: {
    id: 'rol_B1lL1nG5pW8zRc3N',
    name: 'Billing',
    description: 'Manages invoices, payment methods and the subscription plan.',
  },
  // No description: Auth0 leaves the field out, and the most common role shows that often.
  member: { id: 'rol_M3mB3r6hJ1sYt0Fq', name: 'Member' },
  orgAdmin: {
    id: 'rol_0rGaDm1N2xLw7eKp',
    name: 'Org Admin',
    description: 'Manages the organization: members, invitations, connections and branding.',
  },
  supportAgent: {
    id: 'rol_SuPp0rT4gN9vHd6Z',
    name: 'Support Agent',
    description: 'Answers support tickets; can look members up but not change them.',
  },
} as const satisfies Record<string, Role>

const ROLES_IN_NAME_ORDER: readonly Role[] = Object.values(TENANT_ROLES)

/**
 * The named users' memberships get roles by their position in the user's list (organization-name
 * order), cycling through these four, so a test can predict them: Sol Solo's one organization
 * holds Member and Org Admin; Tess Trio's three hold Member + Org Admin, Member, and none.
 */
export const NAMED_USER_ROLE_CYCLE: readonly (readonly Role[])[] = [
  [TENANT_ROLES.member, TENANT_ROLES.orgAdmin],
  [TENANT_ROLES.member],
  [],
  [TENANT_ROLES.auditor, TENANT_ROLES.billing, TENANT_ROLES.supportAgent],
]

const NAMED_USER_IDS: ReadonlySet<string> = new Set(
  Object.values(NAMED_USERS).map((user) => user.userId),
)

/** Everyone else: mostly one role, some none, a few two or three (indexed by a hash). */
const GENERATED_ROLE_COUNTS = [0, 1, 1, 1, 1, 2, 2, 3] as const

/** FNV-1a, 32 bits: stable across runs and platforms, and cheap enough to run per request. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * The roles a member holds in an organization, computed on each lookup rather than stored, so the
 * seed builds no table for them: by position for the named users, by a hash of organization and
 * user for everyone else. `membershipIndex` is the organization's place in the user's list.
 */
export function memberRoles(
  organizationId: string,
  userId: string,
  membershipIndex: number,
): readonly Role[] {
  if (NAMED_USER_IDS.has(userId)) {
    return NAMED_USER_ROLE_CYCLE[membershipIndex % NAMED_USER_ROLE_CYCLE.length] ?? []
  }
  const hash = fnv1a(`${organizationId}\n${userId}`)
  const count = GENERATED_ROLE_COUNTS[hash % GENERATED_ROLE_COUNTS.length] ?? 0
  const first = (hash >>> 3) % ROLES_IN_NAME_ORDER.length
  const indices = Array.from({ length: count }, (_, i) => (first + i) % ROLES_IN_NAME_ORDER.length)
  return indices.sort((a, b) => a - b).flatMap((index) => ROLES_IN_NAME_ORDER[index] ?? [])
}

/**
 * Role scenarios: memberships whose roles lookup
 * (`GET /organizations/{id}/members/{user_id}/roles`) produces one error state each, so a
 * memberships table can show a failed row beside rows that loaded. The behaviour lives in
 * `management/scenario-responses.ts`; the user's other lookups answer normally.
 */
export const ROLE_SCENARIO_DESCRIPTIONS = {
  'roles-insufficient-scope':
    '403 insufficient_scope: "Insufficient scope, expected any of: read:organization_member_roles", whatever the token holds.',
  'roles-server-error': '500 with an Auth0-shaped JSON body.',
} as const

export type RoleScenarioName = keyof typeof ROLE_SCENARIO_DESCRIPTIONS

const ROLE_SCENARIO_NAMES = Object.keys(ROLE_SCENARIO_DESCRIPTIONS) as RoleScenarioName[]

/**
 * Whose memberships act out the role scenarios: Li Wei's three organizations (in list order)
 * answer Member + Org Admin, then 403, then 500.
 */
export const ROLE_SCENARIO_USER = NAMED_USERS.office365User

/** Which of the user's memberships (its place in the list) acts out each scenario. */
export const ROLE_SCENARIO_MEMBERSHIP_INDEX = {
  'roles-insufficient-scope': 1,
  'roles-server-error': 2,
} as const satisfies Record<RoleScenarioName, number>

export interface RoleScenarioMembership {
  readonly scenario: RoleScenarioName
  readonly description: string
  readonly userId: string
  readonly organizationId: string
  /** The organization's `name`, for tests that find its row. */
  readonly organizationName: string
}

export function buildRoleScenarios(
  membershipsByUserId: ReadonlyMap<string, readonly Organization[]>,
): RoleScenarioMembership[] {
  const memberships = membershipsByUserId.get(ROLE_SCENARIO_USER.userId) ?? []
  return ROLE_SCENARIO_NAMES.map((scenario) => {
    const organization = memberships[ROLE_SCENARIO_MEMBERSHIP_INDEX[scenario]]
    if (!organization) throw new Error(`No membership to act out the ${scenario} scenario`)
    return {
      scenario,
      description: ROLE_SCENARIO_DESCRIPTIONS[scenario],
      userId: ROLE_SCENARIO_USER.userId,
      organizationId: organization.id,
      organizationName: organization.name,
    }
  })
}
