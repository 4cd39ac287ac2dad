import type { TenantData } from '../seed/seed'
import { jsonResponse, userNotFound } from './errors'
import { pageOf, readPaging } from './paging'

const MEMBERSHIP_PAGING_CAP = 'Requesting page exceeds the allowed maximum of 1000 records'

/**
 * GET /api/v2/users/{id}/organizations. `total` is the true count (it may exceed the 1000 that
 * can be paged); the totals object has no `length`, unlike the users search.
 */
export function listUserOrganizations(
  data: TenantData,
  userId: string,
  params: URLSearchParams,
): Response {
  const paging = readPaging(params, MEMBERSHIP_PAGING_CAP)
  const memberships = data.membershipsByUserId.get(userId)
  if (!memberships) throw userNotFound()
  const organizations = pageOf(memberships, paging)
  return jsonResponse(
    200,
    paging.includeTotals
      ? { start: paging.start, limit: paging.perPage, total: memberships.length, organizations }
      : organizations,
  )
}
