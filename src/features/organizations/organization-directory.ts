import type { ManagementApi } from '@/lib/management-api/client'
import { ManagementApiError } from '@/lib/management-api/errors'
import type { ListLoad } from '@/lib/management-api/list-load'
import { fetchList, type FetchListOptions, type ListSource } from '@/lib/management-api/list-pager'
import {
  OrganizationSchema,
  OrganizationsPageSchema,
  type Organization,
  type OrganizationsPage,
} from '@/lib/management-api/schemas'
import { filterOrganizations } from './organization-list'

// Auth0 has no search on organizations: the search page finds them in the tenant's whole list
// (`GET /organizations`), loaded once into the cache and matched in memory as it arrives.

/** Every organization of the tenant as far as it has loaded. */
export type OrganizationDirectory = ListLoad<Organization>

const DIRECTORY_SOURCE: ListSource<Organization, OrganizationsPage> = {
  path: ['organizations'],
  schema: OrganizationsPageSchema,
  itemsOf: (page) => page.organizations,
}

/** Every organization the API will list, as the pager's events. */
export function fetchOrganizationDirectory(
  api: ManagementApi,
  options: FetchListOptions<Organization> = {},
) {
  return fetchList(api, DIRECTORY_SOURCE, options)
}

/** `org_` and letters or digits: worth one direct lookup before the directory reaches it. */
export function looksLikeOrganizationId(text: string): boolean {
  return /^org_[A-Za-z0-9]+$/.test(text.trim())
}

/** `GET /organizations/{id}`: the organization; a 404 (none has that id) is thrown like any failure. */
export async function getOrganization(
  api: ManagementApi,
  organizationId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Organization> {
  const { data } = await api.request(['organizations', organizationId], {
    schema: OrganizationSchema,
    signal,
  })
  return data
}

/**
 * The organization, or null when the API knows none by that id (its 404 "No organization found
 * by that id or name"), for the search. Every other failure is thrown.
 */
export async function fetchOrganization(
  api: ManagementApi,
  organizationId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Organization | null> {
  try {
    return await getOrganization(api, organizationId, options)
  } catch (error) {
    if (error instanceof ManagementApiError && error.kind === 'http' && error.status === 404) {
      return null
    }
    throw error
  }
}

/**
 * The organizations whose name, display name or id contains `text` (ignoring case): the one
 * looked up by id first, then the directory's in its (name) order, each once.
 */
export function matchOrganizations(
  directory: readonly Organization[],
  text: string,
  lookedUp: Organization | null | undefined,
): readonly Organization[] {
  const matched = filterOrganizations(directory, text, { metadata: false })
  if (!lookedUp) return matched
  return [lookedUp, ...matched.filter((organization) => organization.id !== lookedUp.id)]
}
