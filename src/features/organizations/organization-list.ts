import type { Organization } from '@/lib/management-api/schemas'
import { sortRows, type SortState as TableSortState } from '@/lib/table-sort'

// In-memory filter and sort for the memberships table: the API offers neither on this endpoint,
// and every listable membership is already loaded, so a keystroke costs no request.

export type SortColumn = 'displayName' | 'name' | 'id'
export type SortState = TableSortState<SortColumn>

/** What the "Display name" column shows: `name` stands in when the organization has none. */
export function displayNameOf(organization: Organization): string {
  return organization.display_name?.trim() || organization.name
}

function matches(organization: Organization, needle: string, metadata: boolean): boolean {
  const has = (value: string | undefined) => value?.toLowerCase().includes(needle) === true
  if (has(organization.display_name) || has(organization.name) || has(organization.id)) return true
  return (
    metadata &&
    Object.entries(organization.metadata ?? {}).some(([key, value]) => has(key) || has(value))
  )
}

/**
 * Organizations whose display name, name, id, or a metadata key or value (unless `metadata` is
 * false) contains `filter`, ignoring case and surrounding spaces. A blank filter keeps every
 * organization (the same array).
 */
export function filterOrganizations(
  organizations: readonly Organization[],
  filter: string,
  { metadata = true }: { metadata?: boolean } = {},
): readonly Organization[] {
  const needle = filter.trim().toLowerCase()
  if (needle === '') return organizations
  return organizations.filter((organization) => matches(organization, needle, metadata))
}

const SORT_KEYS: Record<SortColumn, (organization: Organization) => string> = {
  displayName: displayNameOf,
  name: (organization) => organization.name,
  id: (organization) => organization.id,
}

/** The columns a link may name in `?sort=` (see useUrlTableState). */
export const ORGANIZATION_SORT_COLUMNS = Object.keys(SORT_KEYS) as readonly SortColumn[]

/** A sorted copy (see sortRows); without a sort, the input itself (API order). */
export function sortOrganizations(
  organizations: readonly Organization[],
  sort: SortState,
): readonly Organization[] {
  return sortRows(organizations, sort, SORT_KEYS, (organization) => organization.id)
}
