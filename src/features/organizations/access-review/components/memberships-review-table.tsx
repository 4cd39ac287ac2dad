import type { Organization } from '@/lib/management-api/schemas'
import tableClasses from '../../components/organizations-table.module.css'
import { RolesCell } from '../../components/roles-cell'
import { SortHeader } from '../../components/sort-header'
import { displayNameOf, type SortColumn, type SortState } from '../../organization-list'
import type { Decision, RowDecision } from '../review-decisions'
import { AccessReviewTable } from './access-review-table'
import classes from './access-review.module.css'

const keyOf = (organization: Organization) => organization.id

/** A user's memberships under review: organization, id and the user's roles in it, then the decision. */
export function MembershipsReviewTable({
  organizations,
  sort,
  onSort,
  scrollResetKey,
  userId,
  decisions,
  own,
  onDecide,
}: {
  organizations: readonly Organization[]
  sort: SortState
  onSort: (column: SortColumn) => void
  scrollResetKey: string
  userId: string
  decisions: Readonly<Record<string, RowDecision>>
  own: ReadonlySet<string>
  onDecide: (organizationId: string, choice: { decision: Decision; reason: string }) => void
}) {
  return (
    <AccessReviewTable
      rows={organizations}
      keyOf={keyOf}
      labelOf={displayNameOf}
      widths={['24%', 230, 160]}
      header={
        <>
          <SortHeader column="displayName" label="Organization" sort={sort} onSort={onSort} />
          <SortHeader column="id" label="ID" sort={sort} onSort={onSort} />
          <th scope="col">Roles</th>
        </>
      }
      cells={(organization, live) => (
        <>
          <td>
            <span className={tableClasses.clamp} dir="auto" title={displayNameOf(organization)}>
              {displayNameOf(organization)}
            </span>
          </td>
          <td>
            <span className={`${tableClasses.mono} ${classes.id}`}>{organization.id}</span>
          </td>
          <td>
            <RolesCell
              live={live}
              userId={userId}
              organizationId={organization.id}
              refusedFor={undefined}
            />
          </td>
        </>
      )}
      scrollResetKey={scrollResetKey}
      decisions={decisions}
      own={own}
      onDecide={onDecide}
    />
  )
}
