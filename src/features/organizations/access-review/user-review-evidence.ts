import type { DecisionRecord, EvidencePackInput } from '@/features/evidence/api'
import type { Memberships } from '@/features/organizations/memberships'
import type { RolesState } from '@/features/organizations/memberships-export'
import { membershipsExportInput } from '@/features/organizations/memberships-export'
import { displayNameOf } from '@/features/organizations/organization-list'
import type { AccessHint } from './review-decisions'
import { decisionFields, reviewPackInput, type ReviewEvidenceBase } from './review-evidence'

export { isAboutUser } from './review-evidence'

// A signed-off review of one user's memberships as the evidence pack's input: the whole
// population (every membership, whatever the table's filter showed), a decision record per row,
// and every Management API request that read this user's data in the session.

export interface UserReviewEvidence extends ReviewEvidenceBase {
  user: { userId: string; email?: string | undefined }
  /** Hints from the user's record: every row carries them. */
  hints: readonly AccessHint[]
  /** Every row is the reviewer's own (the page is theirs): none is decided. */
  ownAccount: boolean
  memberships: Memberships
  rolesOf: (organizationId: string) => RolesState
}

export function userReviewPackInput(evidence: UserReviewEvidence): EvidencePackInput {
  const { review, memberships, user, rolesOf } = evidence
  const reviewer = review.reviewer
  const items = memberships.items
  const table = membershipsExportInput({
    format: 'json',
    tenantDomain: evidence.tenantDomain,
    subject: user,
    exportedBy: reviewer.email ?? reviewer.sub,
    generatedAt: evidence.signedOffAt,
    filter: '',
    sort: undefined,
    memberships,
    rows: items,
    rolesOf,
  })
  const flags = [...evidence.hints, ...(evidence.ownAccount ? ['self-review'] : [])]
  const decisions: DecisionRecord[] = items.map((organization) => ({
    userId: user.userId,
    ...(user.email === undefined ? {} : { userEmail: user.email }),
    organizationId: organization.id,
    organizationName: displayNameOf(organization),
    ...decisionFields(review, organization.id, evidence.ownAccount),
    flags,
  }))
  return reviewPackInput(evidence, {
    scope: { kind: 'user', userId: user.userId, ...(user.email ? { email: user.email } : {}) },
    list: memberships,
    records: 'memberships',
    rolesComplete: items.every((organization) => rolesOf(organization.id).status === 'loaded'),
    columns: table.columns,
    rows: table.rows,
    decisions,
  })
}
