import type { ExportTable } from '@/lib/export/cells'
import { buildExport, type ExportFile, type ExportFormat } from '@/lib/export/download'
import { createReviewProvenance, reviewProvenanceCsvRecords } from '@/lib/export/review-provenance'
import { describeFailure } from '@/lib/management-api/describe-failure'
import type { ReviewedMemberships, ReviewFailure, ReviewRow } from './review-state'

/** The export's columns, in the table's order: who was asked for, who was found, where. */
export const REVIEW_COLUMNS = [
  'input',
  'user_id',
  'user_email',
  'user_name',
  'organization_id',
  'organization_name',
  'organization_display_name',
] as const

/**
 * Rows as export cells, in the order given. Values are the API's own: a user without
 * organizations has empty organization cells; entries that found the same user are joined by
 * a line break.
 */
function reviewExportTable(rows: readonly ReviewRow[]): ExportTable {
  return {
    columns: REVIEW_COLUMNS,
    rows: rows.map(({ inputs, user, organization }) => ({
      input: inputs.join('\n'),
      user_id: user.user_id,
      user_email: user.email ?? null,
      user_name: user.name ?? null,
      organization_id: organization?.id ?? null,
      organization_name: organization?.name ?? null,
      organization_display_name: organization?.display_name ?? null,
    })),
  }
}

export interface ReviewExportRequest {
  format: ExportFormat
  tenantDomain: string
  exportedBy: string
  /** The filter applied on screen (trimmed; empty for none). */
  filter: string
  /** The rows in view, after the filter. */
  rows: readonly ReviewRow[]
  totalRows: number
  /** Every entry, as given. */
  entries: readonly string[]
  users: readonly ReviewedMemberships[]
  failures: readonly ReviewFailure[]
  /** Entries not reviewed yet (loading, or left by a cancel). */
  unfinished: number
}

/** The evidence file for what the review shows: the rows in view and where they came from. */
export function buildReviewFile(request: ReviewExportRequest): Promise<ExportFile> {
  const provenance = createReviewProvenance({
    tenantDomain: request.tenantDomain,
    exportedBy: request.exportedBy,
    generatedAt: new Date(),
    filter: request.filter,
    rowsExported: request.rows.length,
    totalRows: request.totalRows,
    entries: request.entries,
    failures: request.failures.map(({ input, user, error }) => ({
      input,
      ...(user && { userId: user.user_id }),
      error: describeFailure(error).summary,
    })),
    cappedUsers: request.users
      .filter(({ memberships }) => memberships.capped)
      .map(({ user, memberships }) => ({
        userId: user.user_id,
        ...(memberships.total !== undefined && { total: memberships.total }),
      })),
    unfinished: request.unfinished,
  })
  return buildExport({
    format: request.format,
    name: { kind: 'review' },
    provenance,
    provenanceCsv: reviewProvenanceCsvRecords(provenance),
    ...reviewExportTable(request.rows),
  })
}
