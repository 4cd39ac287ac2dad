import { NAMED_USERS } from './named-users'
import type { Random } from './prng'
import { SCENARIO_USERS } from './scenarios'
import type { Organization, User } from './types'

/**
 * Who belongs where. Each user's list is an array in organization-name order, so a page is one
 * `slice` — O(page size) — and the order never changes between requests.
 */
export function buildMemberships(
  random: Random,
  users: readonly User[],
  organizations: readonly Organization[],
  edgeCaseIds: ReadonlySet<string>,
  bulkOrganizations: readonly Organization[],
): Map<string, readonly Organization[]> {
  // Ordinary users never get the edge-case organizations: those belong to one named user, so
  // every other table in a demo or test renders plain data.
  const ordinaryIndices = organizations.flatMap((org, index) =>
    edgeCaseIds.has(org.id) ? [] : [index],
  )
  const sample = (count: number): Organization[] =>
    random
      .shuffle(ordinaryIndices)
      .slice(0, count)
      .sort((a, b) => a - b)
      .flatMap((index) => organizations[index] ?? [])

  const fixedCounts = new Map<string, number>([
    ...Object.values(NAMED_USERS).map((user) => [user.userId, user.memberships] as const),
    ...Object.values(SCENARIO_USERS).map((user) => [user.userId, user.memberships] as const),
  ])
  const memberships = new Map<string, readonly Organization[]>()
  for (const user of users) {
    if (user.user_id === NAMED_USERS.edgeCaseOrganizations.userId) {
      memberships.set(
        user.user_id,
        organizations.filter((org) => edgeCaseIds.has(org.id)),
      )
      continue
    }
    if (user.user_id === NAMED_USERS.fiveThousandMemberships.userId) {
      memberships.set(user.user_id, bulkOrganizations)
      continue
    }
    const count = fixedCounts.get(user.user_id) ?? generatedMembershipCount(random)
    memberships.set(user.user_id, count === 0 ? [] : sample(count))
  }
  return memberships
}

/**
 * Adds `organization` to the user's list at its place in name order. The list is replaced, not
 * changed: lists may be shared (the large organization's members share one).
 */
export function addMembership(
  memberships: Map<string, readonly Organization[]>,
  userId: string,
  organization: Organization,
): void {
  const list = memberships.get(userId) ?? []
  const at = list.findIndex((org) => org.name > organization.name)
  memberships.set(
    userId,
    at === -1 ? [...list, organization] : [...list.slice(0, at), organization, ...list.slice(at)],
  )
}

/**
 * Who belongs to each organization: `memberships` turned inside out once, in the order of
 * `users`, so a members page is one `slice` like a memberships page.
 */
export function indexMembers(
  users: readonly User[],
  memberships: ReadonlyMap<string, readonly Organization[]>,
): Map<string, readonly User[]> {
  const members = new Map<string, User[]>()
  for (const user of users) {
    for (const organization of memberships.get(user.user_id) ?? []) {
      const list = members.get(organization.id)
      if (list) list.push(user)
      else members.set(organization.id, [user])
    }
  }
  return members
}

/** Most people are in a handful of organizations; some in none; a few consultants in dozens. */
function generatedMembershipCount(random: Random): number {
  if (random.chance(0.2)) return 0
  if (random.chance(0.04)) return random.int(10, 40)
  return random.int(1, 6)
}
