import type { ExportRow } from '@/lib/export/cells'
import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { rolesCompleteness } from '@/lib/export/provenance'
import { formatNumber } from '@/lib/format'
import type { Organization } from '@/lib/management-api/schemas'
import { membershipsProvenance, type MembershipsProvenanceInput } from './memberships-provenance'
import { MEMBERSHIP_COLUMNS, membershipExportTable } from './organization-cells'
import { describeRolesFailure } from './roles-failure'
import type { RolesState } from './roles-state'

// The memberships page as evidence: the rows on screen (filtered and sorted) in the table's column
// order, roles included, under a provenance record (memberships-provenance.ts).
//
// Roles are looked up for the rows someone scrolled to, and for every row after "Load all roles"
// (use-load-all-roles.ts), so an export may hold roles for some rows only. Rather than leave the others blank — which reads as "no roles" — every row says
// what its roles cell is: `roles_status` is `loaded`, the failure's one-line summary as the roles
// cell gives it (`HTTP 403 Forbidden · insufficient_scope — missing …`, see describeFailure),
// `loading` or — only for rows whose roles were never asked for — `not loaded`. The provenance
// says whether every row's roles are loaded (`rolesComplete`), counts the rows per status, and its
// note says why the others are missing. Loading every row's roles costs one request per row, so
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

/** Why a row has no roles in the file, for the provenance note's counts. */
type Missing = 'refused' | 'failed' | 'loading' | 'not loaded'

interface RolesCells {
  cells: ExportRow
  missing?: Missing
}

/** `roles` as a map of role id to name (names can be renamed; ids cannot); null unless loaded. */
function rolesCells(state: RolesState): RolesCells {
  switch (state.status) {
    case 'loaded':
      return {
        cells: {
          roles: Object.fromEntries(state.roles.map((role) => [role.id, role.name])),
          roles_status: 'loaded',
        },
      }
    case 'failed': {
      const failure = describeRolesFailure(state.error, state.retrying ?? false)
      const status = state.retrying
        ? `${failure.reason} (being tried again when exported)`
        : failure.reason
      return {
        cells: { roles: null, roles_status: status },
        missing: failure.missingScopes === undefined ? 'failed' : 'refused',
      }
    }
    case 'loading':
    case 'not loaded':
      return { cells: { roles: null, roles_status: state.status }, missing: state.status }
  }
}

const MISSING_NOTE: Record<Missing, string> = {
  refused: 'refused',
  failed: 'failed',
  loading: 'still loading',
  // Last in the list, so its explanation ends the parenthesis.
  'not loaded': 'not loaded — roles are looked up for rows shown on screen, or by "Load all roles"',
}

function rolesNote(cells: readonly RolesCells[]): string | undefined {
  const missing = cells.flatMap((cell) => (cell.missing ? [cell.missing] : []))
  if (missing.length === 0) return undefined
  const counts = (Object.keys(MISSING_NOTE) as Missing[]).flatMap((kind) => {
    const count = missing.filter((each) => each === kind).length
    return count > 0 ? [`${formatNumber(count)} ${MISSING_NOTE[kind]}`] : []
  })
  return `Roles: not in the file for ${formatNumber(missing.length)} of ${formatNumber(cells.length)} rows (${counts.join(', ')}); roles_status says why for each.`
}

/** What `buildExport` needs to write the file: provenance, columns and rows. */
export function membershipsExportInput(request: MembershipsExportRequest): ExportInput {
  const { rows } = request
  const organizationCells = membershipExportTable(MEMBERSHIP_COLUMNS, rows).rows
  const roles = rows.map((organization) => rolesCells(request.rolesOf(organization.id)))
  const statuses = roles.map(({ cells }) => String(cells.roles_status))
  return {
    format: request.format,
    name: { kind: 'memberships', userId: request.subject.userId },
    provenance: membershipsProvenance({
      ...request,
      rowsExported: rows.length,
      note: rolesNote(roles),
      roles: rolesCompleteness(statuses),
    }),
    columns: MEMBERSHIPS_EXPORT_COLUMNS,
    rows: organizationCells.map((cells, index) => ({
      ...cells,
      ...roles[index]?.cells,
    })),
  }
}
