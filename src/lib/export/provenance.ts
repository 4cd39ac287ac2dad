import { formatNumber } from '@/lib/format'
import { trusted, type CsvCell } from './csv'

// Where an export came from, written into the file itself so the file's SHA-256 covers it: a file
// that is renamed, mailed or attached to a ticket still says which tenant, which user, who
// exported it, when, and whether it holds the whole list.

/** How the page sorted the rows; `null` in the record means the API's own order. */
export interface ExportSort {
  /** The column as the page names it (e.g. `displayName`). */
  column: string
  direction: 'ascending' | 'descending'
}

export interface Provenance {
  tool: 'Orgscope'
  /** The tenant the data came from, e.g. `travel0.us.auth0.com`. */
  tenantDomain: string
  /** Whose memberships these are. */
  subject: { userId: string; email?: string }
  /** When the file was built: ISO 8601 in UTC (`2026-01-02T03:04:05.678Z`). */
  generatedAt: string
  /** The signed-in admin's email. */
  exportedBy: string
  /** The filter applied on screen, `''` when none. */
  filter: string
  sort: ExportSort | null
  /** Rows in the file: what was on screen after the filter. */
  rowsExported: number
  /** The total as the Management API reported it; `null` when it reported none. */
  totalRows: number | null
  /**
   * Whether the list behind the rows was whole: false when the API's list cap cut it or loading
   * had not finished. (A filter does not make an export incomplete; `filter` says it was applied.)
   */
  complete: boolean
  /** Why the export is incomplete, and anything the caller adds. */
  note?: string
}

export interface ProvenanceInput {
  tenantDomain: string
  subject: { userId: string; email?: string | undefined }
  exportedBy: string
  generatedAt: Date
  /** Blank or absent: no filter. */
  filter?: string | undefined
  /** `undefined` or `null`: the API's order (the page's `SortState` fits as it is). */
  sort?: ExportSort | null | undefined
  rowsExported: number
  /** As the API reported it; `undefined` when the list came without totals. */
  totalRows: number | undefined
  /** Every page the API will list had arrived (`Memberships.complete`). */
  loadingFinished: boolean
  /** The API has more than it lists: its 1000 cap cut the list (`Memberships.capped`). */
  capped: boolean
  /** Added to the note, after the reasons for incompleteness. */
  note?: string | undefined
}

/** Throws unless `value` is a whole number ≥ 0: a count in a record must be one. */
export function assertCount(name: string, value: number) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`)
  }
}

function incompleteness(input: ProvenanceInput): string[] {
  const reasons: string[] = []
  if (input.capped) {
    const reported =
      input.totalRows === undefined
        ? ''
        : ` reports ${formatNumber(input.totalRows)} memberships but`
    reasons.push(
      `Incomplete: the Management API${reported} lists only the first 1,000, so the rest are missing.`,
    )
  }
  if (!input.loadingFinished) {
    reasons.push(
      'Incomplete: loading had not finished when this was exported, so memberships not yet loaded are missing.',
    )
  }
  return reasons
}

/** The provenance record for an export, its keys in a fixed order (the JSON shows them so). */
export function createProvenance(input: ProvenanceInput): Provenance {
  assertCount('rowsExported', input.rowsExported)
  if (input.totalRows !== undefined) assertCount('totalRows', input.totalRows)
  const note = [...incompleteness(input), input.note?.trim() ?? '']
    .filter((part) => part !== '')
    .join(' ')
  return {
    tool: 'Orgscope',
    tenantDomain: input.tenantDomain,
    subject:
      input.subject.email === undefined
        ? { userId: input.subject.userId }
        : { userId: input.subject.userId, email: input.subject.email },
    generatedAt: input.generatedAt.toISOString(),
    exportedBy: input.exportedBy,
    filter: input.filter?.trim() ?? '',
    sort: input.sort ? { column: input.sort.column, direction: input.sort.direction } : null,
    rowsExported: input.rowsExported,
    totalRows: input.totalRows ?? null,
    complete: input.loadingFinished && !input.capped,
    ...(note === '' ? {} : { note }),
  }
}

// CSV layout: a provenance block of `key,value` records, one empty record, then the table (header
// first). Why this and not the alternatives:
// - `# key: value` comment lines are not CSV: spreadsheets show them as data, and a comma in a
//   value (a filter, a note) splits the line into stray columns. Parsers that skip comments
//   (`pandas comment='#'`) also cut any cell holding a `#`, which user ids can (`auth0|a#1`).
// - A trailing block or provenance columns on every row: table readers take the block for data, or
//   every row repeats a dozen constant cells.
// - A separate provenance file or the file name alone: files get renamed and separated from their
//   sidecars, and the SHA-256 shown after download would not cover the provenance.
// The block is plain two-column CSV, so a spreadsheet shows it readably at the top, and the empty
// record ends Excel's "current region", so selecting or sorting the table leaves the block alone.
// Its length is fixed — every key is always written, empty when absent — so the table's header is
// always the 15th record (skip 14 to read the table alone); the keys are the JSON envelope's
// paths, so both formats read the same.

/** Keys of the CSV provenance block, in order: the JSON paths of the same fields. */
export const PROVENANCE_CSV_KEYS = [
  'tool',
  'tenantDomain',
  'subject.userId',
  'subject.email',
  'generatedAt',
  'exportedBy',
  'filter',
  'sort.column',
  'sort.direction',
  'rowsExported',
  'totalRows',
  'complete',
  'note',
] as const

/** The provenance block of a CSV export: `key,value` records, keys trusted, values neutralised. */
export function provenanceCsvRecords(provenance: Provenance): CsvCell[][] {
  const values: Record<(typeof PROVENANCE_CSV_KEYS)[number], string> = {
    tool: provenance.tool,
    tenantDomain: provenance.tenantDomain,
    'subject.userId': provenance.subject.userId,
    'subject.email': provenance.subject.email ?? '',
    generatedAt: provenance.generatedAt,
    exportedBy: provenance.exportedBy,
    filter: provenance.filter,
    'sort.column': provenance.sort?.column ?? '',
    'sort.direction': provenance.sort?.direction ?? '',
    rowsExported: String(provenance.rowsExported),
    totalRows: provenance.totalRows === null ? '' : String(provenance.totalRows),
    complete: String(provenance.complete),
    note: provenance.note ?? '',
  }
  return PROVENANCE_CSV_KEYS.map((key) => [trusted(key), values[key]])
}
