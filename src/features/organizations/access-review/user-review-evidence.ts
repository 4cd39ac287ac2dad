import type { DecisionRecord, EvidencePackInput } from '@/features/evidence/api'
import type { Memberships } from '@/features/organizations/memberships'
import type { RolesState } from '@/features/organizations/memberships-export'
import { membershipsExportInput } from '@/features/organizations/memberships-export'
import { listGaps } from '@/features/organizations/memberships-provenance'
import { displayNameOf } from '@/features/organizations/organization-list'
import type { AccessHint } from './review-decisions'
import { decidedBy, reviewPackSkeleton, type ReviewSignOff } from './review-pack-input'

export { isAboutUser } from './review-pack-input'

// A signed-off review of one user's memberships as the evidence pack's input: the whole
// population (every membership, whatever the table's filter showed), a decision record per row,
// and every Management API request that read this user's data in the session.

export interface UserReviewEvidence extends ReviewSignOff {
  user: { userId: string; email?: string | undefined }
  /** Hints from the user's record: every row carries them. */
  hints: readonly AccessHint[]
  /** Every row is the reviewer's own (the page is theirs): none is decided. */
  ownAccount: boolean
  memberships: Memberships
  /** When the list on screen was fetched. */
  fetchedAt: Date
  rolesOf: (organizationId: string) => RolesState
}

export function userReviewPackInput(evidence: UserReviewEvidence): EvidencePackInput {
  const { review, memberships, user, rolesOf } = evidence
  const items = memberships.items
  const table = membershipsExportInput({
    format: 'json',
    tenantDomain: evidence.tenantDomain,
    subject: user,
    exportedBy: decidedBy(review),
    generatedAt: evidence.signedOffAt,
    filter: '',
    sort: undefined,
    memberships,
    rows: items,
    rolesOf,
  })
  const rolesComplete = items.every((organization) => rolesOf(organization.id).status === 'loaded')
  const flags = [...evidence.hints, ...(evidence.ownAccount ? ['self-review'] : [])]
  const decisions: DecisionRecord[] = items.map((organization) => {
    const row = evidence.ownAccount ? undefined : review.decisions[organization.id]
    return {
      userId: user.userId,
      ...(user.email === undefined ? {} : { userEmail: user.email }),
      organizationId: organization.id,
      organizationName: displayNameOf(organization),
      decision: row?.decision ?? null,
      reason: row?.reason ?? '',
      decidedAt: row?.decidedAt ?? null,
      decidedBy: row ? decidedBy(review) : null,
      flags,
    }
  })
  return {
    ...reviewPackSkeleton(evidence),
    scope: { kind: 'user', userId: user.userId, ...(user.email ? { email: user.email } : {}) },
    population: {
      rows: items.length,
      total: memberships.total ?? null,
      complete: memberships.complete && !memberships.capped,
      capped: memberships.capped,
      pagination: memberships.pagination ?? null,
      gaps: listGaps(memberships, 'memberships'),
      fetchedAt: evidence.fetchedAt.toISOString(),
      rolesComplete,
    },
    columns: table.columns,
    rows: table.rows,
    decisions,
  }
}
