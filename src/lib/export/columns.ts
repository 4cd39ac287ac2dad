import type { Organization } from '@/lib/management-api/schemas'

// The memberships table as data: the page passes the columns it shows and the rows it shows
// (already filtered and sorted), and gets them back as cells, in the same order — so the file holds
// exactly what was on screen. Values are the API's own (raw, unvalidated: an invalid colour is
// evidence too); the page's presentation is not copied — the display name is empty when the
// organization has none, where the page shows the name in its place.

/** A value in an exported table: text, `null` when the API gave none, or a key/value map. */
export type ExportCell = string | null | Readonly<Record<string, string>>

/** One row, keyed by column id. */
export type ExportRow = Readonly<Record<string, ExportCell>>

/** Columns in the file's order, and rows holding a cell for each of them. */
export interface ExportTable {
  columns: readonly string[]
  rows: readonly ExportRow[]
}

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

const METADATA_SPECIAL = /[\\;=]/g

/**
 * A key/value map as one CSV cell: `key=value; key=value`, in the map's order. A `\`, `;` or `=`
 * inside a key or value is escaped with `\`, so the cell splits back unambiguously; ordinary
 * metadata reads unchanged. (The JSON export keeps the map as an object.)
 */
export function formatKeyValueCell(map: Readonly<Record<string, string>>): string {
  const escape = (text: string) => text.replace(METADATA_SPECIAL, '\\$&')
  return Object.entries(map)
    .map(([key, value]) => `${escape(key)}=${escape(value)}`)
    .join('; ')
}

/** A cell as CSV text: `null` is an empty field, a map is `key=value; key=value`. */
export function csvTextOf(cell: ExportCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  return typeof cell === 'string' ? cell : formatKeyValueCell(cell)
}
