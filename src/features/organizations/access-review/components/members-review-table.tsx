import type { Member } from '@/lib/management-api/schemas'
import tableClasses from '../../components/organizations-table.module.css'
import { MemberRolesCell } from '../../components/members-table'
import { SortHeader } from '../../components/sort-header'
import { memberLabel, type MemberSortColumn, type MemberSortState } from '../../members'
import type { Decision, RowDecision } from '../review-decisions'
import { AccessReviewTable } from './access-review-table'
import classes from './access-review.module.css'

const keyOf = (member: Member) => member.user_id

/** An organization's members under review: name, email, user id and roles, then the decision. */
export function MembersReviewTable({
  members,
  sort,
  onSort,
  scrollResetKey,
  rolesRefusedFor,
  decisions,
  own,
  onDecide,
}: {
  members: readonly Member[]
  sort: MemberSortState
  onSort: (column: MemberSortColumn) => void
  scrollResetKey: string
  /** The admin may not read roles: each roles cell says so instead. */
  rolesRefusedFor: string | undefined
  decisions: Readonly<Record<string, RowDecision>>
  own: ReadonlySet<string>
  onDecide: (userId: string, choice: { decision: Decision; reason: string }) => void
}) {
  return (
    <AccessReviewTable
      rows={members}
      keyOf={keyOf}
      labelOf={memberLabel}
      widths={['15%', '18%', 190, 140]}
      header={
        <>
          <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
          <SortHeader column="email" label="Email" sort={sort} onSort={onSort} />
          <SortHeader column="userId" label="User ID" sort={sort} onSort={onSort} />
          <SortHeader column="roles" label="Roles" sort={sort} onSort={onSort} />
        </>
      }
      cells={(member) => {
        const label = memberLabel(member)
        return (
          <>
            <td>
              <span className={tableClasses.clamp} dir="auto" title={label}>
                {label}
              </span>
            </td>
            <td>
              {member.email ? (
                <span className={tableClasses.truncate} dir="auto" title={member.email}>
                  {member.email}
                </span>
              ) : (
                <span className={tableClasses.none}>No email</span>
              )}
            </td>
            <td>
              <span className={`${tableClasses.mono} ${classes.id}`}>{member.user_id}</span>
            </td>
            <td>
              <MemberRolesCell
                roleNames={(member.roles ?? []).map((role) => role.name).join(', ')}
                rolesRefusedFor={rolesRefusedFor}
              />
            </td>
          </>
        )
      }}
      scrollResetKey={scrollResetKey}
      decisions={decisions}
      own={own}
      onDecide={onDecide}
    />
  )
}
