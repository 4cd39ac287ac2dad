import type { TenantData } from '../seed/seed'
import { userNotFound } from './errors'
import { LIST_PAGING_CAP, pagedResponse, readPaging } from './paging'

/**
 * GET /api/v2/users/{id}/organizations. `total` is the true count (it may exceed the 1000 that
 * can be paged); the totals object has no `length`, unlike the users search.
 */
export function listUserOrganizations(
  data: TenantData,
  userId: string,
  params: URLSearchParams,
): Response {
  const paging = readPaging(params, LIST_PAGING_CAP)
  const memberships = data.membershipsByUserId.get(userId)
  if (!memberships) throw userNotFound()
  return pagedResponse(memberships, paging, 'organizations')
}
