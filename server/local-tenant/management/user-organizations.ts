import type { Organization, TenantData } from '../seed/seed'
import { userNotFound } from './errors'
import { listPageResponse, readListPaging } from './list-paging'
import { organizationIdOf } from './organizations'

/**
 * GET /api/v2/users/{id}/organizations. Offset paging: `total` is the true count (it may exceed
 * the 1000 that can be paged); the totals object has no `length`, unlike the users search.
 * Checkpoint paging (`from`/`take`) reaches every membership, unless `checkpointPaging` is off:
 * the tenant then refuses those parameters, as one without the feature would.
 */
export function listUserOrganizations(
  data: TenantData,
  userId: string,
  params: URLSearchParams,
  checkpointPaging: boolean,
): Response {
  const paging = readListPaging(params, checkpointPaging)
  return listPageResponse(membershipsOf(data, userId), paging, 'organizations', {
    idOf: organizationIdOf,
  })
}

function membershipsOf(data: TenantData, userId: string): readonly Organization[] {
  const memberships = data.membershipsByUserId.get(userId)
  if (!memberships) throw userNotFound()
  return memberships
}
