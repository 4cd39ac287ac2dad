import { buildLargeOrganization, buildLargeOrganizationMembers } from './large-organization'
import { addMembership, buildMemberships, indexMembers } from './memberships'
import { NAMED_USERS, type NamedUser } from './named-users'
import {
  HUNDRED_FIFTY_MEMBER_ORGANIZATION,
  placeOrganizationPageOrganizations,
} from './organization-page'
import { buildBulkOrganizations, buildOrganizations } from './organizations'
import { createRandom } from './prng'
import { buildRoleScenarios, type RoleScenarioMembership } from './roles'
import {
  SCENARIO_ORGANIZATIONS,
  SCENARIO_USERS,
  type OrganizationScenarioName,
  type ScenarioName,
} from './scenarios'
import type { Organization, Role, User } from './types'
import { buildUsers } from './users'

export type { Organization, Role, User } from './types'

/** Everything the local tenant's Management API serves. Read-only and shared. */
export interface TenantData {
  /** In the order an unsorted search lists them. */
  readonly users: readonly User[]
  readonly usersById: ReadonlyMap<string, User>
  /** Sorted by `name`. */
  readonly organizations: readonly Organization[]
  readonly organizationsById: ReadonlyMap<string, Organization>
  /** For `GET /organizations/name/{name}`. */
  readonly organizationsByName: ReadonlyMap<string, Organization>
  /** Each user's organizations in a stable order; every user has an entry (maybe empty). */
  readonly membershipsByUserId: ReadonlyMap<string, readonly Organization[]>
  /**
   * Each organization's members, the inverse of `membershipsByUserId`, in the order of `users`;
   * an organization without members has no entry.
   */
  readonly membersByOrganizationId: ReadonlyMap<string, readonly User[]>
  /**
   * Users the search index has not caught up with (`notYetIndexed` in `named-users.ts`, standing
   * for Auth0's search lag): search skips them; lookups by id or email find them.
   */
  readonly notYetIndexed: ReadonlySet<string>
  /** The users whose lookups act out an error state (see `scenarios.ts`). */
  readonly scenarioByUserId: ReadonlyMap<string, ScenarioName>
  /** The organizations whose lookups act out an error state (see `scenarios.ts`). */
  readonly scenarioByOrganizationId: ReadonlyMap<string, OrganizationScenarioName>
  /** The memberships whose roles lookups act out an error state (see `roles.ts`). */
  readonly roleScenarios: readonly RoleScenarioMembership[]
  /**
   * Never in the seed: the users whose memberships were changed at run time
   * (`management/membership-changes.ts`), each with the roles of every membership it now has.
   * Their roles come from here, not from their place in the list.
   */
  readonly changedMemberships?: ReadonlyMap<string, ReadonlyMap<string, readonly Role[]>>
}

// One seed per part, so adding a user does not reshuffle every organization (and vice versa).
const SEED = 0x0c5c09e

export function buildTenantData(): TenantData {
  const people = buildUsers(createRandom(SEED + 1))
  const { organizations: drawn, edgeCaseIds } = buildOrganizations(createRandom(SEED + 2))
  const bulk = buildBulkOrganizations(NAMED_USERS.fiveThousandMemberships.memberships)
  const membershipsByUserId = buildMemberships(
    createRandom(SEED + 3),
    people,
    drawn,
    edgeCaseIds,
    bulk,
  )
  // The large organization's members belong to it alone: one list for all of them.
  const large = buildLargeOrganization()
  const crowd = buildLargeOrganizationMembers()
  const inLarge = [large]
  for (const member of crowd) membershipsByUserId.set(member.user_id, inLarge)
  // Generated users (neither named nor scenario users) join the organization page's and the
  // scenario organizations, each a slice of them in user order, none in two of those.
  const fixedIds = new Set(
    [...Object.values(NAMED_USERS), ...Object.values(SCENARIO_USERS)].map((user) => user.userId),
  )
  const generated = people.filter((user) => !fixedIds.has(user.user_id))
  const pageOrganizations = placeOrganizationPageOrganizations(membershipsByUserId, generated)
  const scenarioOrganizations = placeScenarioOrganizations(
    membershipsByUserId,
    generated.slice(HUNDRED_FIFTY_MEMBER_ORGANIZATION.memberCount),
  )
  const users = [...people, ...crowd]
  const organizations = [
    ...drawn,
    ...bulk,
    large,
    ...pageOrganizations,
    ...scenarioOrganizations,
  ].sort(byName)
  return {
    users,
    usersById: new Map(users.map((user) => [user.user_id, user])),
    organizations,
    organizationsById: new Map(organizations.map((org) => [org.id, org])),
    organizationsByName: new Map(organizations.map((org) => [org.name, org])),
    membershipsByUserId,
    membersByOrganizationId: indexMembers(users, membershipsByUserId),
    notYetIndexed: new Set(
      Object.values(NAMED_USERS).flatMap((user: NamedUser) =>
        user.notYetIndexed ? [user.userId] : [],
      ),
    ),
    scenarioByUserId: new Map(
      Object.values(SCENARIO_USERS).map((user) => [user.userId, user.scenario]),
    ),
    scenarioByOrganizationId: new Map(
      Object.values(SCENARIO_ORGANIZATIONS).map((org) => [org.id, org.scenario]),
    ),
    roleScenarios: buildRoleScenarios(membershipsByUserId),
  }
}

/** The scenario organizations, each with its `memberCount` of `users`, taken in order. */
function placeScenarioOrganizations(
  memberships: Map<string, readonly Organization[]>,
  users: readonly User[],
): Organization[] {
  let next = 0
  return Object.values(SCENARIO_ORGANIZATIONS).map(({ id, name, display_name, memberCount }) => {
    const organization = { id, name, display_name }
    for (const user of users.slice(next, next + memberCount)) {
      addMembership(memberships, user.user_id, organization)
    }
    next += memberCount
    return organization
  })
}

function byName(a: Organization, b: Organization): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

let cached: TenantData | undefined

/** The seed is deterministic and read-only, so every tenant in a process shares one build. */
export function seedTenantData(): TenantData {
  cached ??= buildTenantData()
  return cached
}
