import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { reviewProvenance, type ReviewProvenanceInput } from './review-provenance'
import type { ReviewRow } from './review-state'

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

export interface ReviewExportRequest extends Omit<ReviewProvenanceInput, 'rowsExported'> {
  format: ExportFormat
  /** The rows in view, after the filter. */
  rows: readonly ReviewRow[]
}

/** What `buildExport` needs for the evidence file: the rows in view and where they came from. */
export function reviewExportInput(request: ReviewExportRequest): ExportInput {
  return {
    format: request.format,
    name: { kind: 'review' },
    provenance: reviewProvenance({ ...request, rowsExported: request.rows.length }),
    columns: REVIEW_COLUMNS,
    // Values are the API's own: a user without organizations has empty organization cells;
    // entries that found the same user are joined by a line break.
    rows: request.rows.map(({ inputs, user, organization }) => ({
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
