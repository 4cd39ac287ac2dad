import type { ExportRow } from '@/lib/export/cells'
import { rolesCompleteness, type RolesCompleteness } from '@/lib/export/provenance'
import { formatNumber } from '@/lib/format'
import { describeRolesFailure } from './roles-failure'
import type { RolesState } from './roles-state'

// The `roles` and `roles_status` columns of an export whose rows are memberships (the memberships
// page's, and the bulk review's user × organization rows). Rather than leave a row without roles
// blank — which reads as "no roles" — every row says what its roles cell is: `roles_status` is
// `loaded`, the failure's one-line summary as the roles cell gives it (`HTTP 403 Forbidden ·
// insufficient_scope — missing …`, see describeFailure), `loading` or — only for rows whose roles
// were never asked for — `not loaded`.

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

/** The `roles` and `roles_status` cells of memberships, what the provenance says of them. */
export interface RolesColumns {
  /** One per row given, in order. */
  cells: ExportRow[]
  /** Why some rows have no roles, counted; `undefined` when every row has them. */
  note: string | undefined
  roles: RolesCompleteness
}

/** The cells of a row that is no membership (a user in no organization): nothing to load. */
const NO_MEMBERSHIP: RolesCells = { cells: { roles: null, roles_status: null } }

/**
 * The roles columns of an export whose rows are memberships: the memberships page's, and the bulk
 * review's (one row per user × organization), so both say the same of roles not loaded. A row's
 * state is `undefined` when it is no membership: its cells are empty and it counts neither for
 * nor against `rolesComplete`.
 */
export function rolesColumns(states: readonly (RolesState | undefined)[]): RolesColumns {
  const rows = states.map((state) => (state ? rolesCells(state) : NO_MEMBERSHIP))
  const memberships = states.flatMap((state, index) =>
    state ? [rows[index] ?? NO_MEMBERSHIP] : [],
  )
  return {
    cells: rows.map(({ cells }) => cells),
    note: rolesNote(memberships),
    roles: rolesCompleteness(memberships.map(({ cells }) => String(cells.roles_status))),
  }
}
