import type { DecisionRecord, EvidencePackInput } from '@/features/evidence/api'
import type { Members } from '@/features/organizations/members'
import { membersExportInput } from '@/features/organizations/members-export'
import type { RecordedRequest } from '@/lib/management-api/request-log'
import { decisionFields, reviewPackInput, type ReviewEvidenceBase } from './review-evidence'

// A signed-off review of one organization's members as the evidence pack's input: every member
// (whatever the filters showed), a decision record per member — none on the reviewer's own row,
// flagged 'self-review' — and every Management API request about this organization. The members
// endpoint returns no last login or blocked state, so no row carries a hint.

export interface OrganizationReviewEvidence extends ReviewEvidenceBase {
  organization: { organizationId: string; name?: string | undefined }
  members: Members
  /** The members about the reviewer's own account, by user id. */
  own: ReadonlySet<string>
  /** The role filter on screen, named as the table showed it; undefined for none. */
  role: string | undefined
}

/** Is `request` about `organizationId`: the organization, its members, or their roles. */
export function isAboutOrganization(apiBasePath: string, organizationId: string) {
  const prefix = `${apiBasePath}/organizations/${encodeURIComponent(organizationId)}`
  return (request: RecordedRequest) =>
    request.path === prefix || request.path.startsWith(`${prefix}/`)
}

export function organizationReviewPackInput(
  evidence: OrganizationReviewEvidence,
): EvidencePackInput {
  const { review, members, organization, own } = evidence
  const reviewer = review.reviewer
  const table = membersExportInput({
    format: 'json',
    tenantDomain: evidence.tenantDomain,
    exportedBy: reviewer.email ?? reviewer.sub,
    generatedAt: evidence.signedOffAt,
    subject: { organizationId: organization.organizationId, organizationName: organization.name },
    filter: '',
    role: undefined,
    sort: undefined,
    members,
    rows: members.items,
  })
  const decisions: DecisionRecord[] = members.items.map((member) => ({
    userId: member.user_id,
    ...(member.email ? { userEmail: member.email } : {}),
    organizationId: organization.organizationId,
    ...(organization.name ? { organizationName: organization.name } : {}),
    ...decisionFields(review, member.user_id, own.has(member.user_id)),
    flags: own.has(member.user_id) ? ['self-review'] : [],
  }))
  return reviewPackInput(evidence, {
    scope: {
      kind: 'organization',
      organizationId: organization.organizationId,
      ...(organization.name ? { name: organization.name } : {}),
    },
    list: members,
    records: 'members',
    // Roles come with the list (fields=roles): every row has them unless they were refused.
    rolesComplete: members.rolesRefusal === undefined,
    columns: table.columns,
    rows: table.rows,
    decisions,
    ...(evidence.role === undefined ? {} : { roles: [evidence.role] }),
  })
}
