import {
  assertCount,
  createProvenance,
  type FetchedAt,
  type ProvenanceInput,
  type RolesCompleteness,
} from '@/lib/export/provenance'
import { cappedListReason } from '@/features/organizations/api'
import { formatNumber } from '@/lib/format'
import { describeFailure } from '@/lib/management-api/describe-failure'
import type { RefusedLine } from './review-input'
import type { ReviewedMemberships, ReviewFailure } from './review-state'

// Where a bulk review's export came from: what every export records (lib/export/provenance.ts),
// whether every row's roles are in the file (`rolesComplete`, as the memberships export says it),
// plus what the review was asked — every entry as given, and every line of the list it refused to
// look up (neither an id nor an email) — and every lookup that failed, so the file says by itself
// whose memberships are missing from it and why.

export interface ReviewProvenanceInput extends Pick<
  ProvenanceInput,
  'tenantDomain' | 'exportedBy' | 'generatedAt' | 'filter' | 'rowsExported' | 'note'
> {
  /** Whether every exported membership row's roles are in the file (review-export.ts counts). */
  roles: RolesCompleteness
  /** Rows of the whole review, before the filter. */
  totalRows: number
  /** Every entry (user id or email), as given. */
  entries: readonly string[]
  /** Lines of the list that were not looked up: neither an id nor an email. */
  refused: readonly RefusedLine[]
  users: readonly Pick<ReviewedMemberships, 'user' | 'memberships' | 'fetchedAt'>[]
  failures: readonly ReviewFailure[]
  /** Entries not reviewed yet (still loading, or left by a cancel). */
  unfinished: number
}

/**
 * Why memberships are missing: lines of the list never looked up, failed lookups, lists the API's
 * 1000 cap cut, unreviewed entries. The export's note and the evidence pack's population say them.
 */
export function reviewGaps({
  refused,
  failures,
  users,
  unfinished,
}: Pick<ReviewProvenanceInput, 'refused' | 'failures' | 'users' | 'unfinished'>): string[] {
  const reasons: string[] = []
  if (refused.length > 0) {
    // Whoever such a line meant was not reviewed: the file must not pass as the whole list.
    reasons.push(
      `Incomplete: ${formatNumber(refused.length)} line(s) of the list were neither a user id nor an email and were not looked up (see review.refused).`,
    )
  }
  if (failures.length > 0) {
    reasons.push(
      `Incomplete: ${formatNumber(failures.length)} lookup(s) failed, so those users' memberships are missing (see review.failures).`,
    )
  }
  const capped = users.filter(({ memberships }) => memberships.capped)
  const cappedIds = capped.map(({ user, memberships: { total } }) =>
    total === undefined ? user.user_id : `${user.user_id} (reports ${formatNumber(total)})`,
  )
  if (capped.length > 0) {
    // One tenant, one reason: the first capped list's words stand for all of them.
    const reason = cappedListReason(capped[0]?.memberships.checkpointRefusal)
    reasons.push(
      `Incomplete: the Management API lists only the first 1,000 memberships of ${cappedIds.join(', ')} here, so the rest are missing. ${reason}`,
    )
  }
  if (unfinished > 0) {
    reasons.push(
      `Incomplete: ${formatNumber(unfinished)} entr${unfinished === 1 ? 'y was' : 'ies were'} not reviewed when this was exported.`,
    )
  }
  return reasons
}

/**
 * When the reviewed lists were fetched: the earliest first page and the latest last page of all
 * users' lists (a list from the cache counts from when it was fetched, not when it was reused).
 */
function fetchedOf(users: ReviewProvenanceInput['users']): FetchedAt | undefined {
  if (users.length === 0) return undefined
  const from = users.map(({ memberships, fetchedAt }) => memberships.fetchedFrom ?? fetchedAt)
  const until = users.map(({ memberships, fetchedAt }) => memberships.fetchedUntil ?? fetchedAt)
  return { from: new Date(Math.min(...from)), until: new Date(Math.max(...until)) }
}

/** A lookup that failed for good: the entry as given, the user if it got that far, the error. */
interface FailureRecord {
  input: string
  userId?: string
  error: string
}

/** The provenance of a bulk review's export. */
export function reviewProvenance(review: ReviewProvenanceInput) {
  assertCount('unfinished', review.unfinished)
  const failures = review.failures.map(({ input, user, error }): FailureRecord => ({
    input,
    ...(user && { userId: user.user_id }),
    error: describeFailure(error).summary,
  }))
  return {
    ...createProvenance({ ...review, fetched: fetchedOf(review.users), gaps: reviewGaps(review) }),
    ...review.roles,
    review: {
      entries: [...review.entries],
      failures,
      refused: review.refused.map(({ line, text, reason }) => ({ line, text, reason })),
    },
  }
}
