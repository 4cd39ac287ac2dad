import type { ExportFormat, ExportInput } from '@/lib/export/download'
import type { Organization } from '@/lib/management-api/schemas'
import { membershipsProvenance, type MembershipsProvenanceInput } from './memberships-provenance'
import { MEMBERSHIP_COLUMNS, membershipExportTable } from './organization-cells'
import { rolesColumns } from './roles-columns'
import type { RolesState } from './roles-state'

// The memberships page as evidence: the rows on screen (filtered and sorted) in the table's column
// order, roles included, under a provenance record (memberships-provenance.ts).
//
// Roles are looked up for the rows someone scrolled to, and for every row after "Load all roles"
// (use-load-all-roles.ts), so an export may hold roles for some rows only. Rather than leave the others blank — which reads as "no roles" — every row says
// what its roles cell is (roles-columns.ts). The provenance says whether every row's roles are
// loaded (`rolesComplete`), counts the rows per status, and its note says why the others are
// missing. Loading every row's roles costs one request per row, so
// the page does it only when asked ("Load all roles").

export type { RolesState } from './roles-state'

export interface MembershipsExportRequest extends Omit<
  MembershipsProvenanceInput,
  'rowsExported' | 'note' | 'roles'
> {
  format: ExportFormat
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

/** What `buildExport` needs to write the file: provenance, columns and rows. */
export function membershipsExportInput(request: MembershipsExportRequest): ExportInput {
  const { rows } = request
  const organizationCells = membershipExportTable(MEMBERSHIP_COLUMNS, rows).rows
  const roles = rolesColumns(rows.map((organization) => request.rolesOf(organization.id)))
  return {
    format: request.format,
    name: { kind: 'memberships', userId: request.subject.userId },
    provenance: membershipsProvenance({
      ...request,
      rowsExported: rows.length,
      note: roles.note,
      roles: roles.roles,
    }),
    columns: MEMBERSHIPS_EXPORT_COLUMNS,
    rows: organizationCells.map((cells, index) => ({
      ...cells,
      ...roles.cells[index],
    })),
  }
}
