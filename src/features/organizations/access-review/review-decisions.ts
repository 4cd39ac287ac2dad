import type { Decision } from '@/features/evidence/api'
import { formatCount } from '@/lib/format'

// An access review in progress: who reviews whose access, since when, and a decision per row.
// Plain data (it is saved to IndexedDB as is, review-store.ts) changed only by the functions
// below, which enforce what an auditor checks: a reason for every revoke and "don't know", and no
// decision by a reviewer on their own access.

export type { Decision }

export const DECISION_LABELS: Record<Decision, string> = {
  keep: 'Keep',
  revoke: 'Revoke',
  unsure: "Don't know",
}

export const DECISIONS = Object.keys(DECISION_LABELS) as Decision[]

/**
 * Whose access is reviewed: one user's memberships, one organization's members, or the
 * memberships of a bulk review's users (`entries`: the ids and emails pasted, as given).
 */
export type ReviewSubject =
  | { kind: 'user'; userId: string; email?: string | undefined }
  | { kind: 'organization'; organizationId: string; name?: string | undefined }
  | { kind: 'users'; entries: readonly string[] }

/** From the verified sign-in (the ID token's claims), never typed in. */
export interface Reviewer {
  sub: string
  email?: string | undefined
  name?: string | undefined
}

export interface RowDecision {
  decision: Decision
  reason: string
  /** ISO 8601, UTC. */
  decidedAt: string
}

export interface AccessReview {
  version: 1
  subject: ReviewSubject
  reviewer: Reviewer
  /** ISO 8601, UTC. */
  startedAt: string
  /**
   * By row key: the organization id on a user's page, the user id on an organization's, user and
   * organization on a bulk review (the review feature's reviewRowKey).
   */
  decisions: Readonly<Record<string, RowDecision>>
}

/** A revoke or a "don't know" says why; a keep may. */
export function reasonRequired(decision: Decision): boolean {
  return decision !== 'keep'
}

/** Whose account a row is about: the reviewer's own when the id or the email is theirs. */
export interface Person {
  userId: string
  email?: string | undefined
}

const sameEmail = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The self-review guard: nobody decides on their own access. The email counts as well as the id,
 * so a second account under the reviewer's address is theirs too.
 */
export function isReviewersOwn(reviewer: Reviewer, person: Person): boolean {
  return person.userId === reviewer.sub || sameEmail(person.email, reviewer.email)
}

export function startReview(subject: ReviewSubject, reviewer: Reviewer, now: Date): AccessReview {
  return { version: 1, subject, reviewer, startedAt: now.toISOString(), decisions: {} }
}

export class DecisionRefused extends Error {}

/**
 * `review` with `decision` on every row of `keys` (one row, or a filtered selection). Throws
 * DecisionRefused, changing nothing, when the reason is missing or a row is the reviewer's own
 * (`own` holds those rows' keys).
 */
export function decide(
  review: AccessReview,
  keys: readonly string[],
  { decision, reason }: { decision: Decision; reason: string },
  own: ReadonlySet<string>,
  now: Date,
): AccessReview {
  const why = reason.trim()
  if (reasonRequired(decision) && why === '') {
    throw new DecisionRefused(`"${DECISION_LABELS[decision]}" needs a reason.`)
  }
  if (keys.some((key) => own.has(key))) {
    throw new DecisionRefused('Your own access must be reviewed by another admin.')
  }
  const decidedAt = now.toISOString()
  const decisions = { ...review.decisions }
  for (const key of keys) decisions[key] = { decision, reason: why, decidedAt }
  return { ...review, decisions }
}

export interface ReviewProgress {
  /** Rows the reviewer may decide (not their own). */
  reviewable: number
  decided: number
  /** Rows about the reviewer's own account: left for another admin. */
  own: number
  counts: Record<Decision, number>
}

/** How far the review is over `keys`, the rows of the list now (decisions on rows gone from it do not count). */
export function progressOf(
  review: AccessReview,
  keys: readonly string[],
  own: ReadonlySet<string>,
): ReviewProgress {
  const counts: Record<Decision, number> = { keep: 0, revoke: 0, unsure: 0 }
  let decided = 0
  let ownCount = 0
  for (const key of keys) {
    if (own.has(key)) {
      ownCount += 1
      continue
    }
    const row = review.decisions[key]
    if (row) {
      decided += 1
      counts[row.decision] += 1
    }
  }
  return { reviewable: keys.length - ownCount, decided, own: ownCount, counts }
}

/** What a reviewer should look at twice, from data the page already has. */
export type AccessHint = 'blocked' | 'inactive-90-days' | 'never-logged-in'

const INACTIVE_AFTER_MS = 90 * 24 * 60 * 60 * 1000

export const HINT_LABELS: Record<AccessHint, string> = {
  blocked: 'Blocked',
  'inactive-90-days': 'No login for 90+ days',
  'never-logged-in': 'Never logged in',
}

export function hintsFor(
  account: { blocked?: boolean | undefined; lastLogin?: Date | undefined; known: boolean },
  now: Date,
): AccessHint[] {
  const hints: AccessHint[] = []
  if (account.blocked) hints.push('blocked')
  if (!account.known) return hints
  if (account.lastLogin === undefined) hints.push('never-logged-in')
  else if (now.getTime() - account.lastLogin.getTime() > INACTIVE_AFTER_MS) {
    hints.push('inactive-90-days')
  }
  return hints
}

/**
 * Why the review cannot be signed off yet, or undefined when it can. A pack is evidence of the
 * whole population: a list still loading or cut at the API's cap would be a part presented as the
 * whole, so neither is signed off. `records` names the list's rows ("membership", "member").
 */
export function signOffBlockedBy(
  list: { complete: boolean; capped: boolean },
  progress: ReviewProgress,
  records: string,
): string | undefined {
  if (!list.complete) return `Sign-off waits until every ${records} has loaded.`
  if (list.capped) {
    return `Sign-off is not possible: this list stops at the API’s 1,000 cap, so the pack would miss ${records}s.`
  }
  const undecided = progress.reviewable - progress.decided
  if (undecided > 0) return `${formatCount(undecided, 'row')} still to decide.`
  if (progress.reviewable === 0) return 'Nothing here is yours to decide.'
  return undefined
}
