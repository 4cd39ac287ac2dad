// Where an export came from. The JSON export carries it (`{ provenance, columns, rows }`), so the
// file's SHA-256 covers it: a file that is renamed, mailed or attached to a ticket still says which
// tenant, who exported it, when its data was fetched, and how much of the list it holds. Every
// export records the fields below; its feature adds what only it knows (whose memberships, what a
// review was asked) and why rows may be missing.
//
// The CSV export is the table alone: one header row, then the rows. An earlier layout put this
// record as a key/value block above the header, and spreadsheets, `pandas.read_csv` and audit
// tools took the block for the table's first rows. So a CSV says nothing about where it came from;
// the export menu says so, and an auditor who needs provenance takes the JSON (or both: the
// download status shows each file's SHA-256).

/** What every export's provenance records. */
export interface Provenance {
  tool: 'Orgscope'
  /** The tenant the data came from, e.g. `travel0.us.auth0.com`. */
  tenantDomain: string
  /** When the file was built: ISO 8601 in UTC (`2026-01-02T03:04:05.678Z`). */
  generatedAt: string
  /**
   * When the data in the file was fetched from the Management API, ISO 8601 UTC: the first and
   * the last page's answer (equal for a list of one page). `null` when unknown. A page left open
   * for hours exports data fetched hours before `generatedAt`; these say so.
   */
  fetchedFrom: string | null
  fetchedUntil: string | null
  /** The signed-in admin's email. */
  exportedBy: string
  /** The filter applied on screen, `''` when none. */
  filter: string
  /** A filter (the text, or another such as a role) was applied: fewer rows than the list. */
  filtered: boolean
  /** Rows in the file: what was on screen after the filter. */
  rowsExported: number
  /** Rows the API reported for the whole list; `null` when it reported no total. */
  totalRows: number | null
  /** Every row of the list was loaded from the API: no page missing, no API cap cut it. */
  listComplete: boolean
  /** `listComplete` and no filter: the file holds the whole list. */
  wholeListExported: boolean
  /** Why the list is incomplete, and anything the feature adds. */
  note?: string
}

/** When a list's data was fetched: its first and last page's answer. */
export interface FetchedAt {
  from: Date
  until: Date
}

export interface ProvenanceInput {
  tenantDomain: string
  exportedBy: string
  generatedAt: Date
  /** `undefined` when the caller cannot tell: recorded as `null`, never as the export's time. */
  fetched: FetchedAt | undefined
  /** Blank or absent: no filter. */
  filter?: string | undefined
  /** Another filter than the text (a role filter) kept only some rows: the file is filtered too. */
  otherFilterApplied?: boolean
  rowsExported: number
  /** `undefined` when the Management API reported no total. */
  totalRows: number | undefined
  /** Why rows are missing from the list, a sentence each: any one makes the list incomplete. */
  gaps: readonly string[]
  /** Added to the note, after the gaps. */
  note?: string | undefined
}

/** Throws unless `value` is a whole number ≥ 0: a count in a record must be one. */
export function assertCount(name: string, value: number) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`)
  }
}

/** The fields every export records, in a fixed key order. */
export function createProvenance(input: ProvenanceInput): Provenance {
  assertCount('rowsExported', input.rowsExported)
  if (input.totalRows !== undefined) assertCount('totalRows', input.totalRows)
  const note = [...input.gaps, input.note?.trim() ?? ''].filter((part) => part !== '').join(' ')
  const filter = input.filter?.trim() ?? ''
  const listComplete = input.gaps.length === 0
  const filtered = filter !== '' || input.otherFilterApplied === true
  return {
    tool: 'Orgscope',
    tenantDomain: input.tenantDomain,
    generatedAt: input.generatedAt.toISOString(),
    fetchedFrom: input.fetched?.from.toISOString() ?? null,
    fetchedUntil: input.fetched?.until.toISOString() ?? null,
    exportedBy: input.exportedBy,
    filter,
    filtered,
    rowsExported: input.rowsExported,
    totalRows: input.totalRows ?? null,
    listComplete,
    wholeListExported: listComplete && !filtered,
    ...(note === '' ? {} : { note }),
  }
}

/** The roles status of a row whose roles are in the file (others give the reason instead). */
const ROLES_LOADED = 'loaded'

/** Whether every exported row's roles are in the file, and how many rows have each status. */
export interface RolesCompleteness {
  /** Every exported row's `roles_status` is `loaded` (true for no rows). */
  rolesComplete: boolean
  /** Rows per `roles_status` value, e.g. `{ loaded: 33, 'not loaded': 967 }`. */
  rolesStatusCounts: Record<string, number>
}

/** The roles completeness of an export, from each row's `roles_status`. */
export function rolesCompleteness(statuses: readonly string[]): RolesCompleteness {
  const rolesStatusCounts: Record<string, number> = {}
  for (const status of statuses) rolesStatusCounts[status] = (rolesStatusCounts[status] ?? 0) + 1
  return {
    rolesComplete: statuses.every((status) => status === ROLES_LOADED),
    rolesStatusCounts,
  }
}
