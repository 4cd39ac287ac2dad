import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { createProvenance, rolesCompleteness } from '@/lib/export/provenance'
import { formatNumber } from '@/lib/format'
import { describeFailure } from '@/lib/management-api/describe-failure'
import { fetchedAtOf } from '@/lib/management-api/list-load'
import type { Member } from '@/lib/management-api/schemas'
import { NO_ROLE, type MemberSortState, type Members } from './members'
import { listGaps } from './memberships-provenance'

// An organization's members as evidence: the rows on screen (filtered by text and role, sorted)
// under the same provenance every export carries, plus which organization, which role filter,
// which paging listed them, and whether roles were readable. Roles are loaded with the list
// (fields=roles), so every row has them unless the admin may not read roles at all.
// The members endpoint returns no account state (last login, blocked, connection): the file says
// so (`accountContext`) rather than leave a reviewer to wonder why it is absent.

/** Why the members file has no last login, blocked or connection: said in the file itself. */
const MEMBERS_ACCOUNT_CONTEXT =
  "Not available from this endpoint: GET /organizations/{id}/members returns no last login, blocked state or connection. Open a member's page (or export their memberships) for these."

export const MEMBERS_EXPORT_COLUMNS = ['user_id', 'name', 'email', 'roles', 'roles_status'] as const

export interface MembersExportRequest {
  format: ExportFormat
  tenantDomain: string
  exportedBy: string
  generatedAt: Date
  subject: { organizationId: string; organizationName?: string | undefined }
  /** The text filter (trimmed); empty for none. */
  filter: string
  /** The role kept (a name, or NO_ROLE); undefined for none. */
  role: string | undefined
  sort: MemberSortState
  members: Pick<
    Members,
    | 'total'
    | 'complete'
    | 'capped'
    | 'pagination'
    | 'checkpointRefusal'
    | 'rolesRefusal'
    | 'fetchedFrom'
    | 'fetchedUntil'
  >
  /** The rows on screen, in screen order. */
  rows: readonly Member[]
}

/** What `buildExport` needs to write the members file: provenance, columns and rows. */
export function membersExportInput(request: MembersExportRequest): ExportInput {
  const { subject, sort, members, rows, role } = request
  const refusal =
    members.rolesRefusal === undefined ? undefined : describeFailure(members.rolesRefusal)
  const roleFilter = role === undefined ? '' : role === NO_ROLE ? '(no role)' : role
  const note = refusal
    ? `Roles: not in the file for ${formatNumber(rows.length)} of ${formatNumber(rows.length)} rows (${formatNumber(rows.length)} refused); roles_status says why for each.`
    : 'Roles: those assigned directly in the organization; roles a member gets through groups are not listed by the Management API.'
  const rolesStatus = refusal ? refusal.summary : 'loaded'
  const provenance = {
    ...createProvenance({
      ...request,
      fetched: fetchedAtOf(members),
      otherFilterApplied: role !== undefined,
      rowsExported: rows.length,
      totalRows: members.total,
      gaps: listGaps(members, 'members'),
      note,
    }),
    subject:
      subject.organizationName === undefined
        ? { organizationId: subject.organizationId }
        : { organizationId: subject.organizationId, organizationName: subject.organizationName },
    roleFilter,
    sort: sort ? { column: sort.column, direction: sort.direction } : null,
    pagination: members.pagination ?? null,
    ...rolesCompleteness(rows.map(() => rolesStatus)),
    accountContext: MEMBERS_ACCOUNT_CONTEXT,
  }
  return {
    format: request.format,
    name: { kind: 'members', userId: subject.organizationId },
    provenance,
    columns: MEMBERS_EXPORT_COLUMNS,
    rows: rows.map((member) => ({
      user_id: member.user_id,
      name: member.name ?? null,
      email: member.email ?? null,
      // Role id → name: names can be renamed, ids cannot.
      roles: refusal
        ? null
        : Object.fromEntries((member.roles ?? []).map((each) => [each.id, each.name])),
      roles_status: rolesStatus,
    })),
  }
}
