import type { ExportCell, ExportTable } from '@/lib/export/cells'
import type { Organization } from '@/lib/management-api/schemas'

// The memberships table as data: the page passes the columns it shows and the rows it shows
// (already filtered and sorted), and gets them back as cells, in the same order — so the file holds
// exactly what was on screen. Values are the API's own (raw, unvalidated: an invalid colour is
// evidence too); the page's presentation is not copied — the display name is empty when the
// organization has none, where the page shows the name in its place.

const MEMBERSHIP_CELLS = {
  logo_url: (organization) => organization.branding?.logo_url ?? null,
  display_name: (organization) => organization.display_name ?? null,
  name: (organization) => organization.name,
  id: (organization) => organization.id,
  primary_color: (organization) => organization.branding?.colors?.primary ?? null,
  page_background_color: (organization) => organization.branding?.colors?.page_background ?? null,
  metadata: (organization) => organization.metadata ?? null,
} satisfies Record<string, (organization: Organization) => ExportCell>

export type MembershipColumn = keyof typeof MEMBERSHIP_CELLS

/**
 * The organization's own columns in the table's on-screen order: logo, display name, name, id,
 * branding (primary, then page background colour), metadata. (The memberships page adds the
 * user's roles after the id.)
 */
export const MEMBERSHIP_COLUMNS: readonly MembershipColumn[] = [
  'logo_url',
  'display_name',
  'name',
  'id',
  'primary_color',
  'page_background_color',
  'metadata',
]

/**
 * The rows in view as an export table: one row per organization in the order given, one cell per
 * visible column in the order given (a column listed twice appears once).
 */
export function membershipExportTable(
  visibleColumns: readonly MembershipColumn[],
  organizations: readonly Organization[],
): ExportTable {
  const columns = [...new Set(visibleColumns)]
  const rows = organizations.map((organization) =>
    Object.fromEntries(columns.map((column) => [column, MEMBERSHIP_CELLS[column](organization)])),
  )
  return { columns, rows }
}
