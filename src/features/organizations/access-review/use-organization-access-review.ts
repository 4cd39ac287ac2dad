import { useMemo } from 'react'
import { NO_ROLE, type Members } from '@/features/organizations/members'
import { fetchedAtOf } from '@/lib/management-api/list-load'
import type { Member } from '@/lib/management-api/schemas'
import type { AccessReviewPanelProps } from './components/access-review-panel'
import type { CurrentList } from './components/compare-with-earlier'
import {
  hintsFor,
  isReviewersOwn,
  progressOf,
  signOffBlockedBy,
  type ReviewSubject,
} from './review-decisions'
import { useAccessReview, useReviewer } from './use-access-review'
import { useReviewSignOff } from './use-review-sign-off'

/**
 * The access review of one organization's members: the review's state and what its panel and
 * table need, from the list on the page (`members`) and the rows the table shows (`rows`,
 * filtered by text and role, and sorted). Rows are keyed by user id; the reviewer's own member
 * row (by id or email) is flagged and left for another admin.
 */
export function useOrganizationAccessReview({
  organizationId,
  organizationName,
  members,
  rows,
  filter,
  role,
}: {
  organizationId: string
  organizationName: string | undefined
  members: Members
  rows: readonly Member[]
  filter: string
  /** The role filter (a name, or NO_ROLE); undefined for none. */
  role: string | undefined
}) {
  const fetchedAt = fetchedAtOf(members)?.until ?? new Date()
  const reviewer = useReviewer()
  // The review is the organization's whatever it is called, so a rename keeps the work in progress.
  const subject = useMemo<ReviewSubject>(
    () => ({ kind: 'organization', organizationId }),
    [organizationId],
  )
  const { sub, email } = reviewer
  const allKeys = useMemo(() => members.items.map((member) => member.user_id), [members.items])
  const own = useMemo(
    () =>
      new Set(
        members.items
          .filter((member) =>
            isReviewersOwn({ sub, email }, { userId: member.user_id, email: member.email }),
          )
          .map((member) => member.user_id),
      ),
    [members.items, sub, email],
  )
  const state = useAccessReview(subject, own)
  const { signedOff, signOff } = useReviewSignOff(state)

  const review = state.review ?? undefined
  const progress = review
    ? progressOf(review, allKeys, own)
    : { reviewable: 0, decided: 0, own: 0, counts: { keep: 0, revoke: 0, unsure: 0 } }
  // The members endpoint returns no last login or blocked state: nothing to hint from.
  const hints = hintsFor({ known: false }, new Date())
  const rolesComplete = members.rolesRefusal === undefined

  const blockedBy = signOffBlockedBy(members, progress, 'member')

  const onSignOff = () =>
    signOff(async ({ base, apiBasePath, requestsMatching }) => {
      const { organizationReviewPackInput, isAboutOrganization } =
        await import('./organization-review-evidence')
      return organizationReviewPackInput({
        ...base,
        organization: { organizationId, name: organizationName },
        members,
        own,
        role: role === undefined ? undefined : role === NO_ROLE ? '(no role)' : role,
        fetchedAt,
        filter,
        requests: requestsMatching(isAboutOrganization(apiBasePath, organizationId)),
      })
    })

  const panel: AccessReviewPanelProps = {
    state,
    progress,
    hints,
    ownAccount: false,
    rowsInView: rows.filter((member) => !own.has(member.user_id)).map((member) => member.user_id),
    filtered: filter !== '' || role !== undefined,
    signOffBlockedBy: blockedBy,
    roles: { loaded: rolesComplete ? allKeys.length : 0, total: allKeys.length },
    onSignOff,
    signedOff,
  }
  /** The list now, as "Compare with last time" reads it: roles unless they were refused. */
  const currentList = (): CurrentList => ({
    takenAt: fetchedAt.toISOString(),
    rows: members.items.map((member) => ({
      userId: member.user_id,
      organizationId,
      ...(organizationName === undefined ? {} : { organizationName }),
      roles: rolesComplete ? (member.roles ?? []).map((each) => each.name).sort() : null,
    })),
  })
  return { panel, review, own, currentList }
}
