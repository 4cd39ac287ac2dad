import { rolesColumns, type RolesState } from '@/features/organizations/api'
import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { reviewProvenance, type ReviewProvenanceInput } from './review-provenance'
import type { ReviewRow } from './review-state'

/**
 * The export's columns: who was asked for, who was found — with what a reviewer reads risk from
 * (last login, blocked, connection) — where, and with which roles there (the memberships export's
 * roles columns: `roles_status` says why a row has none).
 */
export const REVIEW_COLUMNS = [
  'input',
  'user_id',
  'user_email',
  'user_name',
  'user_last_login',
  'user_blocked',
  'user_connection',
  'organization_id',
  'organization_name',
  'organization_display_name',
  'roles',
  'roles_status',
] as const

export interface ReviewExportRequest extends Omit<
  ReviewProvenanceInput,
  'rowsExported' | 'roles' | 'note'
> {
  format: ExportFormat
  /** The rows in view, after the filter. */
  rows: readonly ReviewRow[]
  /** What the roles cache holds for a user in an organization. */
  rolesOf: (userId: string, organizationId: string) => RolesState
}

/** What `buildExport` needs for the evidence file: the rows in view and where they came from. */
export function reviewExportInput(request: ReviewExportRequest): ExportInput {
  // A user in no organization holds no roles there: that row's roles cells are empty.
  const roles = rolesColumns(
    request.rows.map(({ user, organization }) =>
      organization ? request.rolesOf(user.user_id, organization.id) : undefined,
    ),
  )
  return {
    format: request.format,
    name: { kind: 'review' },
    provenance: reviewProvenance({
      ...request,
      rowsExported: request.rows.length,
      roles: roles.roles,
      note: roles.note,
    }),
    columns: REVIEW_COLUMNS,
    // Values are the API's own: a user without organizations has empty organization cells;
    // entries that found the same user are joined by a line break. No last login: never signed
    // in; no `blocked`: the API omits it for a user never blocked. The connection is the first
    // identity's, the one the user id is built from.
    rows: request.rows.map((row, index) => ({ ...reviewRowCells(row), ...roles.cells[index] })),
  }
}

/** One row's cells but its roles. */
function reviewRowCells({ inputs, user, organization }: ReviewRow) {
  return {
    input: inputs.join('\n'),
    user_id: user.user_id,
    user_email: user.email ?? null,
    user_name: user.name ?? null,
    user_last_login: user.last_login ?? null,
    user_blocked: user.blocked === true ? 'true' : 'false',
    user_connection: user.identities?.[0]?.connection ?? null,
    organization_id: organization?.id ?? null,
    organization_name: organization?.name ?? null,
    organization_display_name: organization?.display_name ?? null,
  }
}
