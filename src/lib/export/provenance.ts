import { trusted, type CsvCell } from './csv'

// Where an export came from, written into the file itself so the file's SHA-256 covers it: a file
// that is renamed, mailed or attached to a ticket still says which tenant, who exported it, when,
// and whether it holds the whole list. Every export records the fields below; its feature adds
// what only it knows (whose memberships, what a review was asked) and why rows may be missing.

/** What every export's provenance records. */
export interface Provenance {
  tool: 'Orgscope'
  /** The tenant the data came from, e.g. `travel0.us.auth0.com`. */
  tenantDomain: string
  /** When the file was built: ISO 8601 in UTC (`2026-01-02T03:04:05.678Z`). */
  generatedAt: string
  /** The signed-in admin's email. */
  exportedBy: string
  /** The filter applied on screen, `''` when none. */
  filter: string
  /** Rows in the file: what was on screen after the filter. */
  rowsExported: number
  /** Rows before the filter; `null` when the Management API reported no total. */
  totalRows: number | null
  /**
   * Whether the list behind the rows was whole: false as soon as the feature names one gap. (A
   * filter does not make an export incomplete; `filter` says it was applied.)
   */
  complete: boolean
  /** Why the export is incomplete, and anything the feature adds. */
  note?: string
}

export interface ProvenanceInput {
  tenantDomain: string
  exportedBy: string
  generatedAt: Date
  /** Blank or absent: no filter. */
  filter?: string | undefined
  rowsExported: number
  /** `undefined` when the Management API reported no total. */
  totalRows: number | undefined
  /** Why rows are missing from the list, a sentence each: any one makes the export incomplete. */
  gaps: readonly string[]
  /** Added to the note, after the gaps. */
  note?: string | undefined
}

/** The CSV keys of every export's own fields, in their order: a feature's block starts here. */
export const PROVENANCE_CSV_KEYS = [
  'tool',
  'tenantDomain',
  'generatedAt',
  'exportedBy',
  'filter',
  'rowsExported',
  'totalRows',
  'complete',
  'note',
] as const

/** Throws unless `value` is a whole number ≥ 0: a count in a record must be one. */
export function assertCount(name: string, value: number) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`)
  }
}

/** The fields every export records, their keys in a fixed order. */
export function createProvenance(input: ProvenanceInput): Provenance {
  assertCount('rowsExported', input.rowsExported)
  if (input.totalRows !== undefined) assertCount('totalRows', input.totalRows)
  const note = [...input.gaps, input.note?.trim() ?? ''].filter((part) => part !== '').join(' ')
  return {
    tool: 'Orgscope',
    tenantDomain: input.tenantDomain,
    generatedAt: input.generatedAt.toISOString(),
    exportedBy: input.exportedBy,
    filter: input.filter?.trim() ?? '',
    rowsExported: input.rowsExported,
    totalRows: input.totalRows ?? null,
    complete: input.gaps.length === 0,
    ...(note === '' ? {} : { note }),
  }
}

// CSV layout: a provenance block of `key,values…` records, one empty record, then the table
// (header first). Why this and not the alternatives:
// - `# key: value` comment lines are not CSV: spreadsheets show them as data, and a comma in a
//   value (a filter, a note) splits the line into stray columns. Parsers that skip comments
//   (`pandas comment='#'`) also cut any cell holding a `#`, which user ids can (`auth0|a#1`).
// - A trailing block or provenance columns on every row: table readers take the block for data, or
//   every row repeats a dozen constant cells.
// - A separate provenance file or the file name alone: files get renamed and separated from their
//   sidecars, and the SHA-256 shown after download would not cover the provenance.
// The block is plain CSV, so a spreadsheet shows it readably at the top, and the empty record ends
// Excel's "current region", so selecting or sorting the table leaves the block alone. A list (a
// review's entries) spreads over one record, one item per field after the key: hundreds in one
// cell would pass a spreadsheet's 32,767-character cell limit, and a record per item would move
// the header. Each kind of export writes every one of its keys, empty when absent, so its table's
// header is always the same record; the keys are the JSON envelope's paths, so both formats read
// the same.

/** The provenance as the file builder takes it: the JSON record and the CSV block. */
export interface ProvenanceBlock<P extends Provenance = Provenance> {
  provenance: P
  provenanceCsv: CsvCell[][]
}

/**
 * `provenance` (the common fields and the feature's own) as the file writes it: the JSON with its
 * fields in the order of `keys`, and the CSV block, one record per key — the key, trusted, then
 * its values, neutralised. This writes the common fields' values; `own` gives the feature's.
 */
export function provenanceBlock<P extends Provenance, OwnKey extends string>(
  keys: readonly (keyof Provenance | NoInfer<OwnKey>)[],
  provenance: P,
  own: Record<OwnKey, readonly string[]>,
): ProvenanceBlock<P> {
  // A common field as text: a count in digits, `complete` as true/false, an absent one empty.
  const common = PROVENANCE_CSV_KEYS.map((key) => [key, [String(provenance[key] ?? '')]])
  const values = { ...Object.fromEntries(common), ...own } as Record<
    keyof Provenance | OwnKey,
    readonly string[]
  >
  // The JSON follows the keys: a key's field is its first path segment (`subject.userId` →
  // `subject`); a field no key names goes last rather than be lost.
  const order = keys.map((key) => key.split('.')[0])
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length)
  return {
    provenance: Object.fromEntries(
      Object.entries(provenance).sort(([a], [b]) => rank(a) - rank(b)),
    ) as P,
    provenanceCsv: keys.map((key) => [trusted(key), ...values[key]]),
  }
}
