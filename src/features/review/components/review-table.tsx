import { memo } from 'react'
import { Link } from 'wouter'
import { IdText } from '@/components/scope-text'
import {
  RolesCell,
  SortHeader,
  tableClasses as orgClasses,
  useRowsLive,
  useVirtualRows,
  VirtualTable,
} from '@/features/organizations/api'
import { BlockedBadge, connectionLabelOf, parseApiDate } from '@/features/users/api'
import { formatDateTime } from '@/lib/relative-time'
import { toOrganization } from '@/lib/routes'
import { reviewRowKey, type ReviewSort, type ReviewSortColumn } from '../review-sort'
import type { ReviewRow } from '../review-state'
import classes from './review-table.module.css'

export interface ReviewTableProps {
  /** Already filtered and sorted. */
  rows: readonly ReviewRow[]
  sort: ReviewSort
  onSort: (column: ReviewSortColumn) => void
  /** When this changes (a new filter or sort), the list scrolls back to its first row. */
  scrollResetKey: string
  /** Roles may be looked up (the review is not running): for the rows in view only. */
  rolesEnabled: boolean
}

/**
 * The review's rows, user × organization, as a real `<table>` named "Memberships under review",
 * virtualized like the memberships table (only the rows in view are in the DOM) and sortable on
 * every column but Roles. Ids and emails break only after `|`, `@`, `.` or `/`. Every tenant string
 * renders as text. Roles are looked up as the memberships table looks them up (the same cache, for
 * the rows that settle in view), so the user page, "Load all roles" and the export share them.
 */
export function ReviewTable({
  rows,
  sort,
  onSort,
  scrollResetKey,
  rolesEnabled,
}: ReviewTableProps) {
  const virtual = useVirtualRows({
    count: rows.length,
    keyOf: (index) => {
      const row = rows[index]
      return row ? reviewRowKey(row) : index
    },
    scrollResetKey,
  })
  const rolesLive = useRowsLive(rolesEnabled, rows, virtual.firstInView, virtual.lastInView)
  const header = (column: ReviewSortColumn, label: string) => (
    <SortHeader column={column} label={label} sort={sort} onSort={onSort} />
  )
  return (
    <VirtualTable
      name="Memberships under review"
      sideScrollHint="Scroll sideways for the organization and roles columns"
      rowCount={rows.length}
      widths={['16%', 210, 150, 90, '11%', '14%', '11%', 190, 170]}
      scrollRef={virtual.scrollRef}
      spaceAbove={virtual.spaceAbove}
      spaceBelow={virtual.spaceBelow}
      className={classes.table}
      announcement=""
      header={
        <>
          {header('user', 'User')}
          {header('userId', 'User ID')}
          {header('lastLogin', 'Last login')}
          {header('blocked', 'Blocked')}
          {header('connection', 'Connection')}
          {header('organization', 'Organization')}
          {header('organizationName', 'Organization name')}
          {header('organizationId', 'Organization ID')}
          <th scope="col">Roles</th>
        </>
      }
    >
      {virtual.rows.map((virtualRow) => {
        const row = rows[virtualRow.index]
        return row ? (
          <ReviewTableRow
            key={virtualRow.key}
            row={row}
            rowIndex={virtualRow.index + 2}
            rolesLive={rolesLive(virtualRow.index)}
          />
        ) : null
      })}
    </VirtualTable>
  )
}

/** One user in one organization (or in none). Memoized: scrolling renders only new rows. */
const ReviewTableRow = memo(function ReviewTableRow({
  row: { user, organization },
  rowIndex,
  rolesLive,
}: {
  row: ReviewRow
  /** 1-based, counting the header row: what `aria-rowindex` tells a screen reader. */
  rowIndex: number
  /** The row has settled in view and its roles may be looked up (see RolesCell). */
  rolesLive: boolean
}) {
  const lastLogin = parseApiDate(user.last_login)
  const connection = connectionLabelOf(user)
  const displayName = organization?.display_name?.trim()
  return (
    <tr className={orgClasses.row} aria-rowindex={rowIndex}>
      <td>
        <UserCell email={user.email} name={user.name} />
      </td>
      <td>
        <span className={`${orgClasses.clamp} ${classes.id}`} title={user.user_id}>
          <IdText>{user.user_id}</IdText>
        </span>
      </td>
      <td>
        {lastLogin ? (
          <time dateTime={lastLogin.toISOString()}>{formatDateTime(lastLogin)}</time>
        ) : (
          <span className={classes.dimmed}>Never</span>
        )}
      </td>
      <td>{user.blocked ? <BlockedBadge /> : <span className={classes.dimmed}>No</span>}</td>
      <td>
        <span className={orgClasses.truncate} title={connection}>
          {connection ?? ''}
        </span>
      </td>
      {organization ? (
        <>
          <td>
            {/* The way to the organization's page: who else is in it. Without a display name
                the name stands in (as it does when sorting), marked as such. */}
            <span
              className={displayName ? orgClasses.clamp : `${orgClasses.clamp} ${classes.dimmed}`}
              title={displayName ?? 'No display name; showing the name'}
            >
              <Link href={toOrganization(organization.id)} className={orgClasses.rowLink}>
                <span dir="auto">{displayName ?? organization.name}</span>
              </Link>
            </span>
          </td>
          <td>
            <span className={orgClasses.truncate} title={organization.name}>
              <span dir="auto">{organization.name}</span>
            </span>
          </td>
          <td>
            <span className={`${orgClasses.clamp} ${classes.id}`} title={organization.id}>
              <IdText>{organization.id}</IdText>
            </span>
          </td>
          <td>
            <RolesCell
              live={rolesLive}
              userId={user.user_id}
              organizationId={organization.id}
              refusedFor={undefined}
            />
          </td>
        </>
      ) : (
        <td colSpan={4} className={classes.dimmed}>
          No organizations
        </td>
      )}
    </tr>
  )
})

/** The email (breakable at its `@` and dots), with the name under it when it says more. */
function UserCell({ email, name }: { email: string | undefined; name: string | undefined }) {
  if (email !== undefined && name !== undefined && name !== email) {
    return (
      <>
        <span className={orgClasses.truncate} title={email}>
          {email}
        </span>
        <span className={`${orgClasses.truncate} ${classes.dimmed}`} title={name}>
          <span dir="auto">{name}</span>
        </span>
      </>
    )
  }
  const text = email ?? name ?? ''
  return (
    <span className={orgClasses.clamp} title={text}>
      <IdText>{text}</IdText>
    </span>
  )
}
