import type { ManagementApi } from '@/lib/management-api/client'
import { fetchList, type FetchListOptions, type ListSource } from '@/lib/management-api/list-pager'
import {
  OrganizationsPageSchema,
  type Organization,
  type OrganizationsPage,
} from '@/lib/management-api/schemas'

/** A user's memberships: `GET /users/{id}/organizations`, paged both ways. */
function membershipsSource(userId: string): ListSource<Organization, OrganizationsPage> {
  return {
    path: ['users', userId, 'organizations'],
    schema: OrganizationsPageSchema,
    itemsOf: (page) => page.organizations,
  }
}

/** Every organization `userId` belongs to that the API will list, as the pager's events. */
export function fetchMemberships(
  api: ManagementApi,
  userId: string,
  options: FetchListOptions<Organization> = {},
) {
  return fetchList(api, membershipsSource(userId), options)
}
