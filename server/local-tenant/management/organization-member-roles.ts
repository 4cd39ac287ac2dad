import { memberRoles } from '../seed/roles'
import type { TenantData } from '../seed/seed'
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
  // At most 1200 memberships (the overflow user): a scan is cheaper than keeping an index.
  const index = (data.membershipsByUserId.get(userId) ?? []).findIndex(
    (org) => org.id === organizationId,
  )
  if (index === -1) throw notAnOrganizationMember()
  return pagedResponse(memberRoles(organizationId, userId, index), paging, 'roles')
}
