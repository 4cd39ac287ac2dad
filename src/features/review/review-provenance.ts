import {
  assertCount,
  createProvenance,
  provenanceBlock,
  PROVENANCE_CSV_KEYS,
  type ProvenanceInput,
} from '@/lib/export/provenance'
import { cappedListReason } from '@/features/organizations/api'
import { formatNumber } from '@/lib/format'
import { describeFailure } from '@/lib/management-api/describe-failure'
import type { RefusedLine } from './review-input'
import type { ReviewedMemberships, ReviewFailure } from './review-state'

// Where a bulk review's export came from: what every export records (lib/export/provenance.ts),
// plus what the review was asked — every entry as given, and every line of the list it refused to
// look up (neither an id nor an email) — and every lookup that failed, so the file says by itself
// whose memberships are missing from it and why.

/**
 * Keys of the CSV provenance block, in order: the JSON paths of the same fields. The two lists
 * spread over one record each, one item per field after the key (`review.entries,a@x.com,…`).
 */
export const REVIEW_PROVENANCE_CSV_KEYS = [
  ...PROVENANCE_CSV_KEYS,
  'review.entries.count',
  'review.entries',
  'review.failures.count',
  'review.failures',
  'review.refused.count',
  'review.refused',
] as const

export interface ReviewProvenanceInput extends Pick<
  ProvenanceInput,
  'tenantDomain' | 'exportedBy' | 'generatedAt' | 'filter' | 'rowsExported'
> {
  /** Rows of the whole review, before the filter. */
  totalRows: number
  /** Every entry (user id or email), as given. */
  entries: readonly string[]
  /** Lines of the list that were not looked up: neither an id nor an email. */
  refused: readonly RefusedLine[]
  users: readonly Pick<ReviewedMemberships, 'user' | 'memberships'>[]
  failures: readonly ReviewFailure[]
  /** Entries not reviewed yet (still loading, or left by a cancel). */
  unfinished: number
}

/**
 * Why memberships are missing: lines of the list never looked up, failed lookups, lists the API's
 * 1000 cap cut, unreviewed entries.
 */
function gaps({ refused, failures, users, unfinished }: ReviewProvenanceInput): string[] {
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

/** A lookup that failed for good: the entry as given, the user if it got that far, the error. */
interface FailureRecord {
  input: string
  userId?: string
  error: string
}

/** One failure as one field: `input: error`, or `input → user id: error`. */
function formatFailure({ input, userId, error }: FailureRecord): string {
  return `${input}${userId === undefined ? '' : ` \u2192 ${userId}`}: ${error}`
}

/** One refused line as one field: `line 3: “jane doe” (neither a user id nor an email)`. */
function formatRefused({ line, text, reason }: RefusedLine): string {
  return `line ${formatNumber(line)}: \u201c${text}\u201d (${reason})`
}

/** The provenance of a bulk review's export. */
export function reviewProvenance(review: ReviewProvenanceInput) {
  assertCount('unfinished', review.unfinished)
  const failures = review.failures.map(({ input, user, error }): FailureRecord => ({
    input,
    ...(user && { userId: user.user_id }),
    error: describeFailure(error).summary,
  }))
  const provenance = {
    ...createProvenance({ ...review, gaps: gaps(review) }),
    review: {
      entries: [...review.entries],
      failures,
      refused: review.refused.map(({ line, text, reason }) => ({ line, text, reason })),
    },
  }
  return provenanceBlock(REVIEW_PROVENANCE_CSV_KEYS, provenance, {
    'review.entries.count': [String(review.entries.length)],
    'review.entries': review.entries,
    'review.failures.count': [String(failures.length)],
    'review.failures': failures.map(formatFailure),
    'review.refused.count': [String(review.refused.length)],
    'review.refused': review.refused.map(formatRefused),
  })
}
