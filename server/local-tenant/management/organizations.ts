import type { Organization, TenantData } from '../seed/seed'
import { jsonResponse, organizationNotFound } from './errors'
import { listPageResponse, readListPaging } from './list-paging'

/** What a checkpoint's `next` names on the organization lists. */
export const organizationIdOf = (organization: Organization): string => organization.id

/** GET /api/v2/organizations/{id}: the organization record, or Auth0's 404 for an unknown id. */
export function getOrganization(data: TenantData, organizationId: string): Response {
  const organization = data.organizationsById.get(organizationId)
  if (!organization) throw organizationNotFound()
  return jsonResponse(200, organization)
}

/**
 * GET /api/v2/organizations/name/{name}: the organization whose `name` it is (names are unique in
 * a tenant), or the same 404 as an unknown id.
 */
export function getOrganizationByName(data: TenantData, name: string): Response {
  const organization = data.organizationsByName.get(name)
  if (!organization) throw organizationNotFound()
  return jsonResponse(200, organization)
}

/**
 * GET /api/v2/organizations: every organization of the tenant, in name order, paged like a
 * user's memberships — by offset up to record 1000 (`{ start, limit, total, organizations }`
 * with include_totals), and past it by checkpoint (`{ organizations, next? }`) unless
 * `checkpointPaging` is off.
 */
export function listOrganizations(
  data: TenantData,
  params: URLSearchParams,
  checkpointPaging: boolean,
): Response {
  const paging = readListPaging(params, checkpointPaging)
  return listPageResponse(data.organizations, paging, 'organizations', {
    idOf: organizationIdOf,
  })
}
