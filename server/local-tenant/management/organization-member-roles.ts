import { memberRoles } from '../seed/roles'
import type { Role, TenantData } from '../seed/seed'
import { notAnOrganizationMember, organizationNotFound } from './errors'
import { LIST_PAGING_CAP, pagedResponse, readPaging } from './paging'

/**
 * GET /api/v2/organizations/{id}/members/{user_id}/roles: a bare array by default,
 * `{ start, limit, total, roles }` with include_totals (no `length`, as on the memberships list).
 * The query is checked first, then the organization, then the membership.
 */
export function listOrganizationMemberRoles(
  data: TenantData,
  organizationId: string,
  userId: string,
  params: URLSearchParams,
): Response {
  const paging = readPaging(params, LIST_PAGING_CAP)
  if (!data.organizationsById.has(organizationId)) throw organizationNotFound()
  const roles = rolesInMembership(data, organizationId, userId)
  if (!roles) throw notAnOrganizationMember()
  return pagedResponse(roles, paging, 'roles')
}

/**
 * The roles assigned to `userId` in the organization, directly (none through groups), or
 * undefined when the user is not a member: what this endpoint and the members list's
 * `fields=roles` both answer.
 */
export function rolesInMembership(
  data: TenantData,
  organizationId: string,
  userId: string,
): readonly Role[] | undefined {
  const changed = data.changedMemberships?.get(userId)
  if (changed) return changed.get(organizationId)
  // At most 5000 memberships (the bulk user): a scan is cheaper than keeping an index.
  const index = (data.membershipsByUserId.get(userId) ?? []).findIndex(
    (org) => org.id === organizationId,
  )
  return index === -1 ? undefined : memberRoles(organizationId, userId, index)
}
