import type { Organization } from '@/lib/management-api/schemas'

// In-memory filter and sort for the memberships table: the API offers neither on this endpoint,
// and every listable membership is already loaded, so a keystroke costs no request.

export type SortColumn = 'displayName' | 'name' | 'id'
export type SortDirection = 'ascending' | 'descending'
/** Undefined: the API's order. */
export type SortState = { column: SortColumn; direction: SortDirection } | undefined

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

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

const SORT_KEYS: Record<SortColumn, (organization: Organization) => string> = {
  displayName: displayNameOf,
  name: (organization) => organization.name,
  id: (organization) => organization.id,
}

/**
 * A sorted copy: natural order ("org 2" before "org 10"), case and accents ignored, ties broken by
 * id so the order is the same on every render. Without a sort, the input itself (API order).
 */
export function sortOrganizations(
  organizations: readonly Organization[],
  sort: SortState,
): readonly Organization[] {
  if (!sort) return organizations
  const key = SORT_KEYS[sort.column]
  const sign = sort.direction === 'ascending' ? 1 : -1
  return organizations
    .map((organization) => ({ organization, key: key(organization) }))
    .sort(
      (a, b) =>
        sign *
        (collator.compare(a.key, b.key) || collator.compare(a.organization.id, b.organization.id)),
    )
    .map(({ organization }) => organization)
}

/** The sort after a click on `column`'s header: ascending first, then flipping. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current?.column !== column) return { column, direction: 'ascending' }
  return {
    column,
    direction: current.direction === 'ascending' ? 'descending' : 'ascending',
  }
}
