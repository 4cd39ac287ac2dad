import { useQuery } from '@tanstack/react-query'
import { useManagementApi } from '@/features/auth/management-api-context'
import { organizationQueries } from '../api'
import { describeRolesFailure } from '../roles-failure'
import classes from './organizations-table.module.css'

/**
 * One membership's roles. `live` while the row is in view: only then is the lookup made, and a
 * row that leaves the view before its answer drops it (the parent remounts this cell, and
 * react-query cancels a query nobody watches any more). Plain elements, not Mantine: one per
 * rendered row. Role names are tenant text, rendered as text.
 */
export function RolesCell({
  userId,
  organizationId,
  live,
}: {
  userId: string
  organizationId: string
  live: boolean
}) {
  const api = useManagementApi()
  const query = useQuery({
    ...organizationQueries.memberRoles(api, userId, organizationId),
    enabled: live,
  })

  if (query.data) {
    const names = query.data.map((role) => role.name).join(', ')
    return names === '' ? (
      <span className={classes.none}>No roles</span>
    ) : (
      <span className={classes.clamp} title={names} dir="auto">
        {names}
      </span>
    )
  }
  // While fetching (a first try, a retry, "Retry"): the last failure only if it is being retried.
  const failure = query.isFetching ? query.failureReason : query.error
  if (failure) {
    const view = describeRolesFailure(failure, query.isFetching)
    return (
      <span className={classes.rolesFailure} title={view.detail}>
        <span className={classes.clamp}>{view.text}</span>
        <span className={classes.visuallyHidden}>{` ${view.detail}`}</span>
        {view.canRetry && (
          <button type="button" className={classes.textButton} onClick={() => void query.refetch()}>
            Retry
          </button>
        )}
      </span>
    )
  }
  return (
    <span className={classes.none} title={live ? 'Loading roles' : 'Roles load when in view'}>
      {live && query.isFetching ? 'Loading…' : '…'}
    </span>
  )
}
