import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import {
  displayNameOf,
  hintsFor,
  isAboutUser,
  isReviewersOwn,
  organizationQueries,
  progressOf,
  rolesStateOf,
  signOffBlockedBy,
  useAccessReview,
  useReviewer,
  useReviewSignOff,
  type AccessHint,
  type AccessReviewPanelProps,
  type CurrentList,
} from '@/features/organizations/api'
import { parseApiDate } from '@/features/users/api'
import { formatCount } from '@/lib/format'
import { isNoSuchUser } from './review-lookups'
import type { RefusedLine } from './review-input'
import { reviewRowKey } from './review-sort'
import type { ReviewedMemberships, ReviewFailure, ReviewRow } from './review-state'

const NO_PROGRESS = { reviewable: 0, decided: 0, own: 0, counts: { keep: 0, revoke: 0, unsure: 0 } }

export interface BulkAccessReviewInput {
  entries: readonly string[]
  users: readonly ReviewedMemberships[]
  /** Every row of the review, before the filter. */
  rows: readonly ReviewRow[]
  /** The rows the table shows: filtered and sorted. */
  shown: readonly ReviewRow[]
  failures: readonly ReviewFailure[]
  refused: readonly RefusedLine[]
  unfinished: number
  running: boolean
  filter: string
}

/**
 * The access review of a bulk review's memberships (one decision per user × organization, keyed
 * by reviewRowKey): saved under the pasted list, so the same list pasted again resumes it. Rows
 * about the reviewer's own account (by id or email) are left for another admin; each user's
 * record gives their rows' hints. Sign-off downloads the evidence pack.
 */
export function useBulkAccessReview(input: BulkAccessReviewInput) {
  const { entries, users, rows, shown, running, unfinished, filter } = input
  const queryClient = useQueryClient()
  const reviewer = useReviewer()

  const subject = useMemo(() => ({ kind: 'users' as const, entries }), [entries])
  // Only memberships are decided: a user in no organization has no access to keep or revoke.
  const keys = useMemo(
    () => rows.flatMap((row) => (row.organization ? [reviewRowKey(row)] : [])),
    [rows],
  )
  const { sub, email } = reviewer
  const own = useMemo(
    () =>
      new Set(
        rows.flatMap((row) =>
          row.organization &&
          isReviewersOwn({ sub, email }, { userId: row.user.user_id, email: row.user.email })
            ? [reviewRowKey(row)]
            : [],
        ),
      ),
    [rows, sub, email],
  )
  const state = useAccessReview(subject, own)
  const { signedOff, signOff } = useReviewSignOff(state)
  const review = state.review ?? undefined

  const hints = useMemo(() => {
    const now = new Date()
    return new Map(
      users.map(({ user }): [string, AccessHint[]] => [
        user.user_id,
        hintsFor(
          { blocked: user.blocked, lastLogin: parseApiDate(user.last_login), known: true },
          now,
        ),
      ]),
    )
  }, [users])
  const hintsOf = (userId: string): readonly AccessHint[] => hints.get(userId) ?? []

  const rolesOf = (userId: string, organizationId: string) =>
    rolesStateOf(
      queryClient.getQueryState(organizationQueries.memberRolesKey(userId, organizationId)),
    )
  // Read from the cache only while a review is open: a filter keystroke otherwise costs nothing.
  const rolesLoaded = review
    ? rows.filter(
        ({ user, organization }) =>
          organization && rolesOf(user.user_id, organization.id).status === 'loaded',
      ).length
    : 0
  const progress = review ? progressOf(review, keys, own) : NO_PROGRESS

  // Every entry looked up, and no list cut at the API's cap: the pack is the whole population (and
  // a comparison with last time reads nothing missing as removed).
  const compareList = {
    complete: !running && unfinished === 0,
    capped: users.some(({ memberships }) => memberships.capped),
  }
  // A lookup without an answer leaves that entry's memberships unknown: compared, they would read
  // as removed. An entry the API says names nobody is an answer (an account deleted since).
  const unanswered = input.failures.filter((failure) => !isNoSuchUser(failure)).length
  const blockedBy = signOffBlockedBy(compareList, progress, 'membership')

  const onSignOff = () =>
    signOff(async ({ base, apiBasePath, requestsMatching }) => {
      const { bulkReviewPackInput } = await import('./bulk-review-evidence')
      const about = users.map(({ user }) => isAboutUser(apiBasePath, user.user_id))
      return bulkReviewPackInput({
        ...base,
        filter,
        requests: requestsMatching((request) => about.some((isAbout) => isAbout(request))),
        entries,
        refused: input.refused,
        users,
        rows,
        failures: input.failures,
        unfinished,
        rolesOf,
        own,
        hintsOf,
      })
    })

  const panel: AccessReviewPanelProps = {
    state,
    progress,
    // Hints differ per user: each row shows its own (the review table's Hints column).
    hints: [],
    ownAccount: keys.length > 0 && own.size === keys.length,
    // Worked out only while a review is open: a filter keystroke otherwise costs nothing.
    rowsInView: review
      ? shown.flatMap((row) => {
          const key = reviewRowKey(row)
          return row.organization && !own.has(key) ? [key] : []
        })
      : [],
    filtered: filter !== '',
    signOffBlockedBy: blockedBy,
    roles: { loaded: rolesLoaded, total: keys.length },
    onSignOff,
    signedOff,
  }
  /**
   * The review now, as "Compare with last time" reads it: every membership, roles only where
   * loaded, as old as its oldest list (as the evidence pack dates it).
   */
  const currentList = (): CurrentList => ({
    takenAt: new Date(
      users.length > 0 ? Math.min(...users.map(({ fetchedAt }) => fetchedAt)) : Date.now(),
    ).toISOString(),
    rows: rows.flatMap(({ user, organization }) => {
      if (!organization) return []
      const roles = rolesOf(user.user_id, organization.id)
      return [
        {
          userId: user.user_id,
          ...(user.email === undefined ? {} : { userEmail: user.email }),
          organizationId: organization.id,
          organizationName: displayNameOf(organization),
          roles: roles.status === 'loaded' ? roles.roles.map((role) => role.name) : null,
        },
      ]
    }),
  })
  const comparable = {
    ...compareList,
    unknown:
      unanswered > 0
        ? `${formatCount(unanswered, 'lookup')} failed without an answer, so what they hold`
        : undefined,
  }
  return { panel, review, own, hintsOf, currentList, list: comparable }
}
