import { MEMBERSHIP_COLUMNS, membershipExportTable, type ExportRow } from '@/lib/export/columns'
import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { createProvenance, type ExportSort } from '@/lib/export/provenance'
import { formatNumber } from '@/lib/format'
import { describeError } from '@/lib/management-api/errors'
import type { Organization, Role } from '@/lib/management-api/schemas'
import type { Memberships } from './memberships'

// The memberships page as evidence: the rows on screen (filtered and sorted) in the table's column
// order, roles included, under a provenance record.
//
// Roles are looked up only for the rows someone scrolled to, so an export usually holds roles for
// some rows only. Rather than leave the others blank — which reads as "no roles" — every row says
// what its roles cell is: `roles_status` is `loaded`, `not loaded` or `failed: <status and
// message>`, and the provenance note counts the rows without loaded roles. Loading every row's
// roles before an export would cost one request per row, which is what the page avoids.

/** What the roles cache holds for one organization's row. */
export type RolesState =
  | { status: 'loaded'; roles: readonly Role[] }
  | { status: 'failed'; error: unknown }
  | { status: 'not loaded' }

export interface MembershipsExportRequest {
  format: ExportFormat
  tenantDomain: string
  subject: { userId: string; email?: string | undefined }
  exportedBy: string
  generatedAt: Date
  /** The filter as applied (trimmed); '' for none. */
  filter: string
  sort: ExportSort | undefined
  memberships: Pick<Memberships, 'total' | 'complete' | 'capped'>
  /** The rows on screen, in screen order. */
  rows: readonly Organization[]
  rolesOf: (organizationId: string) => RolesState
}

/** Where the roles column sits on screen: right after the id. */
const ROLES_AFTER = MEMBERSHIP_COLUMNS.indexOf('id') + 1

/** The table's columns in screen order; the file writes each row's cells in this order. */
export const MEMBERSHIPS_EXPORT_COLUMNS = [
  ...MEMBERSHIP_COLUMNS.slice(0, ROLES_AFTER),
  'roles',
  'roles_status',
  ...MEMBERSHIP_COLUMNS.slice(ROLES_AFTER),
]

/** `roles` as a map of role id to name (names can be renamed; ids cannot); null unless loaded. */
function rolesCells(state: RolesState): ExportRow {
  switch (state.status) {
    case 'loaded':
      return {
        roles: Object.fromEntries(state.roles.map((role) => [role.id, role.name])),
        roles_status: 'loaded',
      }
    case 'failed': {
      const view = describeError(state.error)
      const status = view.status === undefined ? '' : `${view.status} `
      return { roles: null, roles_status: `failed: ${status}${view.message}` }
    }
    case 'not loaded':
      return { roles: null, roles_status: 'not loaded' }
  }
}

function rolesNote(states: readonly RolesState[]): string | undefined {
  const missing = states.filter((state) => state.status !== 'loaded').length
  if (missing === 0) return undefined
  return `Roles: not loaded for ${formatNumber(missing)} of ${formatNumber(states.length)} rows (looked up only for rows shown on screen); roles_status says why for each.`
}

/** What `buildExport` needs to write the file: provenance, columns and rows. */
export function membershipsExportInput(request: MembershipsExportRequest): ExportInput {
  const { rows } = request
  const organizationCells = membershipExportTable(MEMBERSHIP_COLUMNS, rows).rows
  const roles = rows.map((organization) => request.rolesOf(organization.id))
  const provenance = createProvenance({
    tenantDomain: request.tenantDomain,
    subject: request.subject,
    exportedBy: request.exportedBy,
    generatedAt: request.generatedAt,
    filter: request.filter,
    sort: request.sort,
    rowsExported: rows.length,
    totalRows: request.memberships.total,
    loadingFinished: request.memberships.complete,
    capped: request.memberships.capped,
    note: rolesNote(roles),
  })
  return {
    format: request.format,
    provenance,
    columns: MEMBERSHIPS_EXPORT_COLUMNS,
    rows: organizationCells.map((cells, index) => ({
      ...cells,
      ...rolesCells(roles[index] ?? { status: 'not loaded' }),
    })),
  }
}
