import { IdText } from '@/components/scope-text'
import {
  AccessReviewTable,
  displayNameOf,
  HINT_LABELS,
  RolesCell,
  SortHeader,
  tableClasses as orgClasses,
  type AccessHint,
  type AccessReview,
  type Decision,
} from '@/features/organizations/api'
import { reviewRowKey, type ReviewSort, type ReviewSortColumn } from '../review-sort'
import type { ReviewRow } from '../review-state'
import classes from './review-table.module.css'

export interface ReviewDecisionsTableProps {
  /** Memberships only (a user in no organization has nothing to decide): filtered and sorted. */
  rows: readonly ReviewRow[]
  sort: ReviewSort
  onSort: (column: ReviewSortColumn) => void
  scrollResetKey: string
  review: AccessReview
  own: ReadonlySet<string>
  hintsOf: (userId: string) => readonly AccessHint[]
  onDecide: (key: string, choice: { decision: Decision; reason: string }) => void
}

const labelOf = ({ user, organization }: ReviewRow) =>
  `${user.email ?? user.user_id} in ${organization ? displayNameOf(organization) : 'no organization'}`

/**
 * The bulk review in review mode: who, in which organization, with which roles and what to look
 * at twice (blocked, no recent login), then a decision and its reason (the access review's table).
 * Tenant strings render as text.
 */
export function ReviewDecisionsTable({
  rows,
  sort,
  onSort,
  scrollResetKey,
  review,
  own,
  hintsOf,
  onDecide,
}: ReviewDecisionsTableProps) {
  const header = (column: ReviewSortColumn, label: string) => (
    <SortHeader column={column} label={label} sort={sort} onSort={onSort} />
  )
  return (
    <AccessReviewTable
      rows={rows}
      keyOf={reviewRowKey}
      labelOf={labelOf}
      widths={['14%', 180, '12%', 170, 150, 130]}
      className={classes.decisionsTable}
      header={
        <>
          {header('user', 'User')}
          {header('userId', 'User ID')}
          {header('organization', 'Organization')}
          {header('organizationId', 'Organization ID')}
          <th scope="col">Roles</th>
          <th scope="col">Hints</th>
        </>
      }
      cells={({ user, organization }, live) => {
        const hints = hintsOf(user.user_id)
        return (
          <>
            <td>
              <span className={orgClasses.clamp} title={user.email ?? user.name}>
                <IdText>{user.email ?? user.name ?? ''}</IdText>
              </span>
            </td>
            <td>
              <span className={`${orgClasses.clamp} ${classes.id}`} title={user.user_id}>
                <IdText>{user.user_id}</IdText>
              </span>
            </td>
            <td>
              <span
                className={orgClasses.clamp}
                title={organization && displayNameOf(organization)}
              >
                <span dir="auto">{organization ? displayNameOf(organization) : ''}</span>
              </span>
            </td>
            <td>
              <span className={`${orgClasses.clamp} ${classes.id}`} title={organization?.id}>
                <IdText>{organization?.id ?? ''}</IdText>
              </span>
            </td>
            <td>
              {organization && (
                <RolesCell
                  live={live}
                  userId={user.user_id}
                  organizationId={organization.id}
                  refusedFor={undefined}
                />
              )}
            </td>
            <td>
              {hints.length > 0 ? (
                <span className={orgClasses.clamp}>
                  {hints.map((hint) => HINT_LABELS[hint]).join(' · ')}
                </span>
              ) : (
                <span className={classes.dimmed}>None</span>
              )}
            </td>
          </>
        )
      }}
      scrollResetKey={scrollResetKey}
      decisions={review.decisions}
      own={own}
      onDecide={onDecide}
    />
  )
}
