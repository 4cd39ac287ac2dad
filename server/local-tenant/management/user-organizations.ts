import type { Organization, TenantData } from '../seed/seed'
import { checkpointResponse, readCheckpoint, refuseCheckpoint } from './checkpoint-paging'
import { userNotFound } from './errors'
import { LIST_PAGING_CAP, pagedResponse, readPaging } from './paging'

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
  if (!checkpointPaging) refuseCheckpoint(params)
  const checkpoint = readCheckpoint(params)
  if (checkpoint)
    return checkpointResponse(membershipsOf(data, userId), checkpoint, 'organizations')
  const paging = readPaging(params, LIST_PAGING_CAP)
  return pagedResponse(membershipsOf(data, userId), paging, 'organizations')
}

function membershipsOf(data: TenantData, userId: string): readonly Organization[] {
  const memberships = data.membershipsByUserId.get(userId)
  if (!memberships) throw userNotFound()
  return memberships
}
