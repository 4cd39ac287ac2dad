import type { TenantContext } from '../context'
import { addMembership } from '../seed/memberships'
import { memberRoles, TENANT_ROLES } from '../seed/roles'
import type { Role, TenantData, User } from '../seed/seed'

/**
 * Memberships changed at run time, for tests and demos that "change a membership in the tenant
 * and see the difference next time" (the control API, fault-control.ts). The seed is shared by
 * every tenant in the process and never changes, so the changes are an overlay: the users they
 * touch, each with the whole set of memberships (and roles) they now have. The tenant's
 * `context.data` becomes the seed seen through the overlay, so every endpoint (a user's
 * organizations, an organization's members, a member's roles, and their totals) agrees; `reset`
 * puts the seed back.
 */
export interface MembershipChanges {
  /** Adds the membership (or, already a member, sets its roles if `roles` is given). */
  add: (change: MembershipChange) => ChangedMembership
  /** Removes the membership; a 404 error if the user is not a member. */
  remove: (userId: string, organizationId: string) => void
  /** Replaces the roles of an existing membership. */
  setRoles: (change: MembershipChange & { roles: readonly string[] }) => ChangedMembership
  /** Every change undone: the seeded memberships again. */
  reset: () => void
}

export interface MembershipChange {
  userId: string
  organizationId: string
  /**
   * Role names as the tenant lists them (`Member`, `Org Admin`, …: TENANT_ROLES); none when
   * omitted on an add, as Auth0 adds a member without roles.
   */
  roles?: readonly string[]
}

export interface ChangedMembership {
  userId: string
  organizationId: string
  roles: { id: string; name: string }[]
}

/** What the control API answers: 400 for an unknown role, 404 for an unknown user or org. */
export class MembershipChangeError extends Error {
  readonly status: 400 | 404

  constructor(status: 400 | 404, message: string) {
    super(message)
    this.name = 'MembershipChangeError'
    this.status = status
  }
}

/** Each touched user's memberships: organization id → the roles held there. */
type Overlay = Map<string, Map<string, readonly Role[]>>

const ROLES_BY_NAME: ReadonlyMap<string, Role> = new Map(
  Object.values(TENANT_ROLES).map((role) => [role.name, role]),
)

export function createMembershipChanges(context: Pick<TenantContext, 'data'>): MembershipChanges {
  const seed = context.data
  const overlay: Overlay = new Map()
  let userOrder: ReadonlyMap<string, number> | undefined

  const apply = () => {
    userOrder ??= new Map(seed.users.map((user, index) => [user.user_id, index]))
    context.data = overlay.size === 0 ? seed : withChanges(seed, overlay, userOrder)
  }

  /** The user's memberships as the overlay holds them, taken from the seed on first touch. */
  const membershipsOf = (userId: string, organizationId: string) => {
    if (!seed.usersById.has(userId)) {
      throw new MembershipChangeError(404, `No user ${JSON.stringify(userId)} in the tenant.`)
    }
    if (!seed.organizationsById.has(organizationId)) {
      throw new MembershipChangeError(
        404,
        `No organization ${JSON.stringify(organizationId)} in the tenant.`,
      )
    }
    let memberships = overlay.get(userId)
    if (!memberships) {
      // The seed's roles by position (roles.ts), fixed now: positions shift once the list does.
      const seeded = seed.membershipsByUserId.get(userId) ?? []
      memberships = new Map(
        seeded.map((org, index) => [org.id, memberRoles(org.id, userId, index)] as const),
      )
    }
    return memberships
  }

  const commit = (
    userId: string,
    organizationId: string,
    memberships: Map<string, readonly Role[]>,
  ): ChangedMembership => {
    overlay.set(userId, memberships)
    apply()
    const roles = memberships.get(organizationId) ?? []
    return { userId, organizationId, roles: roles.map(({ id, name }) => ({ id, name })) }
  }

  return {
    add({ userId, organizationId, roles }) {
      const memberships = membershipsOf(userId, organizationId)
      const current = memberships.get(organizationId)
      memberships.set(organizationId, roles ? rolesNamed(roles) : (current ?? []))
      return commit(userId, organizationId, memberships)
    },
    remove(userId, organizationId) {
      const memberships = membershipsOf(userId, organizationId)
      if (!memberships.delete(organizationId)) throw notAMember(userId, organizationId)
      commit(userId, organizationId, memberships)
    },
    setRoles({ userId, organizationId, roles }) {
      const memberships = membershipsOf(userId, organizationId)
      if (!memberships.has(organizationId)) throw notAMember(userId, organizationId)
      memberships.set(organizationId, rolesNamed(roles))
      return commit(userId, organizationId, memberships)
    },
    reset() {
      overlay.clear()
      apply()
    },
  }
}

function notAMember(userId: string, organizationId: string): MembershipChangeError {
  return new MembershipChangeError(
    404,
    `${JSON.stringify(userId)} is not a member of ${JSON.stringify(organizationId)}.`,
  )
}

/** In name order, as a member's roles are listed; an unknown name is the caller's mistake. */
function rolesNamed(names: readonly string[]): readonly Role[] {
  const roles = [...new Set(names)].map((name) => {
    const role = ROLES_BY_NAME.get(name)
    if (!role) {
      throw new MembershipChangeError(
        400,
        `No role ${JSON.stringify(name)}; the tenant's roles are ${[...ROLES_BY_NAME.keys()].join(', ')}.`,
      )
    }
    return role
  })
  return roles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * The seed with the overlay's users' memberships in place of theirs: their lists, the member
 * lists of every organization they left or joined, and their roles (`changedMemberships`).
 * A copy of two maps per change: cheap next to a test's round trip.
 */
function withChanges(
  seed: TenantData,
  overlay: Overlay,
  userOrder: ReadonlyMap<string, number>,
): TenantData {
  const membershipsByUserId = new Map(seed.membershipsByUserId)
  const touchedOrganizations = new Set<string>()
  for (const [userId, memberships] of overlay) {
    const seeded = seed.membershipsByUserId.get(userId) ?? []
    for (const org of seeded) touchedOrganizations.add(org.id)
    membershipsByUserId.set(
      userId,
      seeded.filter((org) => memberships.has(org.id)),
    )
    const seededIds = new Set(seeded.map((org) => org.id))
    for (const organizationId of memberships.keys()) {
      touchedOrganizations.add(organizationId)
      const organization = seed.organizationsById.get(organizationId)
      if (organization && !seededIds.has(organizationId)) {
        addMembership(membershipsByUserId, userId, organization)
      }
    }
  }

  const membersByOrganizationId = new Map(seed.membersByOrganizationId)
  for (const organizationId of touchedOrganizations) {
    const members = membersOf(seed, overlay, organizationId, userOrder)
    if (members.length === 0) membersByOrganizationId.delete(organizationId)
    else membersByOrganizationId.set(organizationId, members)
  }
  return {
    ...seed,
    membershipsByUserId,
    membersByOrganizationId,
    changedMemberships: overlay,
  }
}

/** The organization's seeded members less those who left, plus those who joined, in user order. */
function membersOf(
  seed: TenantData,
  overlay: Overlay,
  organizationId: string,
  userOrder: ReadonlyMap<string, number>,
): User[] {
  const seeded = seed.membersByOrganizationId.get(organizationId) ?? []
  const members = seeded.filter((user) => overlay.get(user.user_id)?.has(organizationId) ?? true)
  const seededIds = new Set(seeded.map((user) => user.user_id))
  for (const [userId, memberships] of overlay) {
    const user = seed.usersById.get(userId)
    if (!user || seededIds.has(userId) || !memberships.has(organizationId)) continue
    const order = userOrder.get(userId) ?? Infinity
    const at = members.findIndex((member) => (userOrder.get(member.user_id) ?? 0) > order)
    members.splice(at === -1 ? members.length : at, 0, user)
  }
  return members
}
