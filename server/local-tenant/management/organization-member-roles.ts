import { memberRoles } from '../seed/roles'
import type { TenantData } from '../seed/seed'
import { jsonResponse, notAnOrganizationMember, organizationNotFound } from './errors'
import { pageOf, readPaging } from './paging'

const ROLES_PAGING_CAP = 'Requesting page exceeds the allowed maximum of 1000 records'

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
  const paging = readPaging(params, ROLES_PAGING_CAP)
  if (!data.organizationsById.has(organizationId)) throw organizationNotFound()
  // At most 1200 memberships (the overflow user): a scan is cheaper than keeping an index.
  const index = (data.membershipsByUserId.get(userId) ?? []).findIndex(
    (org) => org.id === organizationId,
  )
  if (index === -1) throw notAnOrganizationMember()
  const all = memberRoles(organizationId, userId, index)
  const roles = pageOf(all, paging)
  return jsonResponse(
    200,
    paging.includeTotals
      ? { start: paging.start, limit: paging.perPage, total: all.length, roles }
      : roles,
  )
}
