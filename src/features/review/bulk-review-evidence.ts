import type { DecisionRecord, EvidencePackInput } from '@/features/evidence/api'
import {
  decisionFields,
  displayNameOf,
  reviewPackSkeleton,
  type AccessHint,
  type ReviewEvidenceBase,
  type RolesState,
} from '@/features/organizations/api'
import { reviewExportInput } from './review-export'
import { reviewGaps } from './review-provenance'
import type { RefusedLine } from './review-input'
import { reviewRowKey } from './review-sort'
import type { ReviewedMemberships, ReviewFailure, ReviewRow } from './review-state'

// A signed-off bulk review as the evidence pack's input: every row of every user's list (whatever
// the table's filter showed), a decision record per membership, and the population over all the
// lists — complete only if every list is, none was cut by the API's cap, no lookup failed and no
// line of the pasted list was refused or left unreviewed.

export interface BulkReviewEvidence extends Omit<ReviewEvidenceBase, 'fetchedAt'> {
  /** Every entry as given. */
  entries: readonly string[]
  refused: readonly RefusedLine[]
  users: readonly ReviewedMemberships[]
  /** Every row of the review, before the filter. */
  rows: readonly ReviewRow[]
  failures: readonly ReviewFailure[]
  unfinished: number
  rolesOf: (userId: string, organizationId: string) => RolesState
  /** Keys (reviewRowKey) of the rows about the reviewer's own account: never decided. */
  own: ReadonlySet<string>
  /** The hints of each user, by user id. */
  hintsOf: (userId: string) => readonly AccessHint[]
}

/** The one paging all the lists used; `null` when they differ or none says. */
function paginationOf(users: readonly ReviewedMemberships[]): 'offset' | 'checkpoint' | null {
  const kinds = new Set(users.map(({ memberships }) => memberships.pagination ?? null))
  const [only] = kinds
  return kinds.size === 1 ? (only ?? null) : null
}

/** The sum of what the API reported for every list; `null` when one did not say. */
function totalOf(users: readonly ReviewedMemberships[]): number | null {
  let total = 0
  for (const { memberships } of users) {
    if (memberships.total === undefined) return null
    total += memberships.total
  }
  return total
}

export function bulkReviewPackInput(evidence: BulkReviewEvidence): EvidencePackInput {
  const { review, users, rows, own } = evidence
  const table = reviewExportInput({
    format: 'json',
    tenantDomain: evidence.tenantDomain,
    exportedBy: review.reviewer.email ?? review.reviewer.sub,
    generatedAt: evidence.signedOffAt,
    filter: '',
    rows,
    totalRows: rows.length,
    entries: evidence.entries,
    refused: evidence.refused,
    users,
    failures: evidence.failures,
    unfinished: evidence.unfinished,
    rolesOf: evidence.rolesOf,
  })
  const gaps = reviewGaps(evidence)
  const memberships = rows.flatMap(({ user, organization }) =>
    organization ? [{ user, organization }] : [],
  )
  const decisions: DecisionRecord[] = memberships.map(({ user, organization }) => {
    const key = reviewRowKey({ user, organization })
    const isOwn = own.has(key)
    return {
      userId: user.user_id,
      ...(user.email === undefined ? {} : { userEmail: user.email }),
      organizationId: organization.id,
      organizationName: displayNameOf(organization),
      ...decisionFields(review, key, isOwn),
      flags: [...evidence.hintsOf(user.user_id), ...(isOwn ? ['self-review'] : [])],
    }
  })
  const fetchedAt = Math.min(...users.map(({ fetchedAt: at }) => at))
  return {
    ...reviewPackSkeleton(evidence),
    scope: {
      kind: 'users',
      entries: [...evidence.entries],
      refusedInput: evidence.refused.map(({ line, text, reason }) => ({ line, text, reason })),
    },
    population: {
      rows: rows.length,
      total: totalOf(users),
      complete:
        gaps.length === 0 && users.every(({ memberships: list }) => list.complete && !list.capped),
      capped: users.some(({ memberships: list }) => list.capped),
      pagination: paginationOf(users),
      gaps,
      // The oldest list's: the pack is as old as its oldest data.
      fetchedAt: new Date(
        Number.isFinite(fetchedAt) ? fetchedAt : evidence.signedOffAt,
      ).toISOString(),
      rolesComplete: memberships.every(
        ({ user, organization }) =>
          evidence.rolesOf(user.user_id, organization.id).status === 'loaded',
      ),
    },
    columns: table.columns,
    rows: table.rows,
    decisions,
  }
}
