import { formatNumber } from '@/lib/format'
import { trusted, type CsvCell } from './csv'
import { assertCount } from './provenance'

// Where a bulk review's export came from: as for one user's memberships (provenance.ts), plus
// what the review was asked — every entry as given — and every lookup that failed, so the file
// says by itself whose memberships are missing from it and why.

/** A lookup that failed for good: the entry as given, the user if it got that far, the error. */
export interface ReviewFailureRecord {
  input: string
  userId?: string
  error: string
}

/** A user whose list the API's 1000 cap cut: how many it reports (undefined: it did not say). */
export interface CappedUserRecord {
  userId: string
  total?: number
}

export interface ReviewProvenance {
  tool: 'Orgscope'
  tenantDomain: string
  /** ISO 8601 in UTC. */
  generatedAt: string
  exportedBy: string
  /** The filter applied on screen, `''` when none. */
  filter: string
  rowsExported: number
  /** Rows of the whole review, before the filter. */
  totalRows: number
  /** Every entry resolved, every list loaded whole, nothing failed or cut by the cap. */
  complete: boolean
  note?: string
  review: {
    /** Every entry (user id or email), as given. */
    entries: string[]
    failures: ReviewFailureRecord[]
  }
}

export interface ReviewProvenanceInput {
  tenantDomain: string
  exportedBy: string
  generatedAt: Date
  filter?: string | undefined
  rowsExported: number
  totalRows: number
  entries: readonly string[]
  failures: readonly ReviewFailureRecord[]
  cappedUsers: readonly CappedUserRecord[]
  /** Entries not yet reviewed (still loading, or left by a cancel). */
  unfinished: number
}

function incompleteness(input: ReviewProvenanceInput): string[] {
  const reasons: string[] = []
  if (input.failures.length > 0) {
    reasons.push(
      `Incomplete: ${formatNumber(input.failures.length)} lookup(s) failed, so those users' memberships are missing (see review.failures).`,
    )
  }
  if (input.cappedUsers.length > 0) {
    const users = input.cappedUsers
      .map(({ userId, total }) =>
        total === undefined ? userId : `${userId} (reports ${formatNumber(total)})`,
      )
      .join(', ')
    reasons.push(
      `Incomplete: the Management API lists only the first 1,000 memberships of ${users}, so the rest are missing.`,
    )
  }
  if (input.unfinished > 0) {
    reasons.push(
      `Incomplete: ${formatNumber(input.unfinished)} entr${input.unfinished === 1 ? 'y was' : 'ies were'} not reviewed when this was exported.`,
    )
  }
  return reasons
}

/** The provenance record of a bulk review's export, its keys in a fixed order. */
export function createReviewProvenance(input: ReviewProvenanceInput): ReviewProvenance {
  assertCount('rowsExported', input.rowsExported)
  assertCount('totalRows', input.totalRows)
  assertCount('unfinished', input.unfinished)
  const reasons = incompleteness(input)
  return {
    tool: 'Orgscope',
    tenantDomain: input.tenantDomain,
    generatedAt: input.generatedAt.toISOString(),
    exportedBy: input.exportedBy,
    filter: input.filter?.trim() ?? '',
    rowsExported: input.rowsExported,
    totalRows: input.totalRows,
    complete: reasons.length === 0,
    ...(reasons.length > 0 && { note: reasons.join(' ') }),
    review: {
      entries: [...input.entries],
      failures: input.failures.map((failure) => ({ ...failure })),
    },
  }
}

// CSV layout as for memberships (provenance.ts): a fixed block of `key,value` records, an empty
// record, then the table — the table's header is always the 15th record. The two lists spread
// over one record each, one item per field after the key (`review.entries,a@x.com,auth0|1,…`):
// 500 entries in one cell would pass a spreadsheet's 32,767-character cell limit, and a record per
// entry would move the header.

/** Keys of the CSV provenance block, in order: the JSON paths of the same fields. */
export const REVIEW_PROVENANCE_CSV_KEYS = [
  'tool',
  'tenantDomain',
  'generatedAt',
  'exportedBy',
  'filter',
  'rowsExported',
  'totalRows',
  'complete',
  'note',
  'review.entries.count',
  'review.entries',
  'review.failures.count',
  'review.failures',
] as const

/** One failure as one field: `input: error`, or `input → user id: error`. */
function formatFailure({ input, userId, error }: ReviewFailureRecord): string {
  return `${input}${userId === undefined ? '' : ` \u2192 ${userId}`}: ${error}`
}

/** The provenance block of a review's CSV export: keys trusted, every value neutralised. */
export function reviewProvenanceCsvRecords(provenance: ReviewProvenance): CsvCell[][] {
  const values: Record<(typeof REVIEW_PROVENANCE_CSV_KEYS)[number], string[]> = {
    tool: [provenance.tool],
    tenantDomain: [provenance.tenantDomain],
    generatedAt: [provenance.generatedAt],
    exportedBy: [provenance.exportedBy],
    filter: [provenance.filter],
    rowsExported: [String(provenance.rowsExported)],
    totalRows: [String(provenance.totalRows)],
    complete: [String(provenance.complete)],
    note: [provenance.note ?? ''],
    'review.entries.count': [String(provenance.review.entries.length)],
    'review.entries': provenance.review.entries,
    'review.failures.count': [String(provenance.review.failures.length)],
    'review.failures': provenance.review.failures.map(formatFailure),
  }
  return REVIEW_PROVENANCE_CSV_KEYS.map((key) => [trusted(key), ...values[key]])
}
