import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { organizationQueries } from '@/features/organizations/api'
import { rolesStateOf } from '../roles-state'
import type { Memberships } from '@/features/organizations/memberships'
import { parseApiDate } from '@/features/users/api'
import { fetchedAtOf } from '@/lib/management-api/list-load'
import type { Organization, Role, User } from '@/lib/management-api/schemas'
import { displayNameOf } from '@/features/organizations/organization-list'
import type { AccessReviewPanelProps } from './components/access-review-panel'
import type { CurrentList } from './components/compare-with-earlier'

import { hintsFor, isReviewersOwn, progressOf, signOffBlockedBy } from './review-decisions'
import { useAccessReview, useReviewer } from './use-access-review'
import { useReviewSignOff } from './use-review-sign-off'

const NO_ROWS: ReadonlySet<string> = new Set()

/**
 * The access review of one user's memberships: the review's state and what its panel and table
 * need, from the list on the page (`memberships`), the rows the table shows (`rows`, filtered and
 * sorted) and the user's record (for the hints and the self-review guard).
 */
export function useUserAccessReview({
  userId,
  user,
  memberships,
  rows,
  filter,
}: {
  userId: string
  /** The user's record, once the page has it: the hints and the self-review guard read it. */
  user: User | undefined
  memberships: Memberships
  rows: readonly Organization[]
  filter: string
}) {
  const userEmail = user?.email
  // When the list's latest page arrived: what the pack and the comparison call "fetched".
  const fetchedAt = fetchedAtOf(memberships)?.until ?? new Date()
  const queryClient = useQueryClient()

  const subject = useMemo(
    () => ({ kind: 'user' as const, userId, email: userEmail }),
    [userId, userEmail],
  )
  const ownAccount = isReviewersOwn(useReviewer(), { userId, email: userEmail })
  const allKeys = useMemo(
    () => memberships.items.map((organization) => organization.id),
    [memberships.items],
  )
  const own = useMemo(() => (ownAccount ? new Set(allKeys) : NO_ROWS), [ownAccount, allKeys])
  const state = useAccessReview(subject, own)
  const { signedOff, signOff } = useReviewSignOff(state)

  const review = state.review ?? undefined
  const progress = review
    ? progressOf(review, allKeys, own)
    : { reviewable: 0, decided: 0, own: 0, counts: { keep: 0, revoke: 0, unsure: 0 } }
  const hints = user
    ? hintsFor(
        { blocked: user.blocked, lastLogin: parseApiDate(user.last_login), known: true },
        new Date(),
      )
    : []
  const rolesOf = (organizationId: string) =>
    rolesStateOf(
      queryClient.getQueryState<Role[]>(organizationQueries.memberRolesKey(userId, organizationId)),
    )
  const rolesLoaded = allKeys.filter((key) => rolesOf(key).status === 'loaded').length

  const blockedBy = signOffBlockedBy(memberships, progress, 'membership')

  const onSignOff = () =>
    signOff(async ({ base, apiBasePath, requestsMatching }) => {
      const { userReviewPackInput, isAboutUser } = await import('./user-review-evidence')
      return userReviewPackInput({
        ...base,
        user: { userId, email: userEmail },
        hints,
        ownAccount,
        memberships,
        fetchedAt,
        rolesOf,
        filter,
        requests: requestsMatching(isAboutUser(apiBasePath, userId)),
      })
    })

  const ownInView = rows
    .filter((organization) => !own.has(organization.id))
    .map((organization) => organization.id)
  const panel: AccessReviewPanelProps = {
    state,
    progress,
    hints,
    ownAccount,
    rowsInView: ownInView,
    filtered: filter !== '',
    signOffBlockedBy: blockedBy,
    roles: { loaded: rolesLoaded, total: allKeys.length },
    onSignOff,
    signedOff,
  }
  /** The list now, as "Compare with last time" reads it: roles only where they are loaded. */
  const currentList = (): CurrentList => ({
    takenAt: fetchedAt.toISOString(),
    rows: memberships.items.map((organization) => {
      const roles = rolesOf(organization.id)
      return {
        userId,
        organizationId: organization.id,
        organizationName: displayNameOf(organization),
        roles: roles.status === 'loaded' ? roles.roles.map((role) => role.name) : null,
      }
    }),
  })
  return { panel, review, own, currentList }
}
