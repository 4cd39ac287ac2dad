import { useQuery, useQueryClient, type QueryState } from '@tanstack/react-query'
import { ScopeText } from '@/components/scope-text'
import { useManagementApi } from '@/features/auth/management-api-context'
import type { Role } from '@/lib/management-api/schemas'
import { organizationQueries } from '../queries'
import { describeRolesFailure } from '../roles-failure'
import classes from './organizations-table.module.css'

interface RolesCellProps {
  userId: string
  organizationId: string
  /** Every lookup was refused for these scopes and the notice above the table names them. */
  refusedFor: readonly string[] | undefined
}

/**
 * One membership's roles. Plain elements, not Mantine: one per rendered row. Role names are tenant
 * text, rendered as text.
 *
 * `live` (the row has settled in view): the roles are looked up, watched as they arrive. Not live
 * (overscan, fast scrolling, a filter being typed): only what the cache already holds is shown,
 * without subscribing, so mounting a row costs next to nothing. Going from live to not live
 * unmounts the lookup's only watcher, and react-query cancels a lookup nobody watches: a row that
 * leaves the view before its turn in the pool is never asked for.
 */
export function RolesCell({ live, ...props }: RolesCellProps & { live: boolean }) {
  return live ? <LiveRoles {...props} /> : <CachedRoles {...props} />
}

function LiveRoles({ userId, organizationId, refusedFor }: RolesCellProps) {
  const api = useManagementApi()
  const query = useQuery(organizationQueries.memberRoles(api, userId, organizationId))
  // While fetching (a first try, a retry, "Retry"): the last failure only if it is being retried.
  const failure = query.isFetching ? query.failureReason : query.error
  return (
    <RolesView
      roles={query.data}
      failure={failure ?? undefined}
      fetching={query.isFetching}
      onRetry={() => void query.refetch()}
      refusedFor={refusedFor}
    />
  )
}

function CachedRoles({ userId, organizationId, refusedFor }: RolesCellProps) {
  const state: QueryState<Role[]> | undefined = useQueryClient().getQueryState(
    organizationQueries.memberRolesKey(userId, organizationId),
  )
  return (
    <RolesView
      roles={state?.data}
      failure={state?.error ?? undefined}
      fetching={false}
      refusedFor={refusedFor}
    />
  )
}

function RolesView({
  roles,
  failure,
  fetching,
  onRetry,
  refusedFor,
}: {
  roles: readonly Role[] | undefined
  failure: unknown
  /** A lookup is on its way: a failure shown meanwhile is being tried again. */
  fetching: boolean
  /** Without it, no Retry button (the row is not in view). */
  onRetry?: () => void
  refusedFor: readonly string[] | undefined
}) {
  if (roles) {
    const names = roles.map((role) => role.name).join(', ')
    return names === '' ? (
      <span className={classes.none}>No roles</span>
    ) : (
      <span className={classes.clamp} title={names} dir="auto">
        {names}
      </span>
    )
  }
  if (failure !== undefined) {
    const view = describeRolesFailure(failure, fetching)
    if (refusedFor && view.missingScopes?.join(' ') === refusedFor.join(' ')) {
      // The notice above the table names the scope and the grant; the row only says it is this.
      return (
        <span className={classes.none} title={view.detail}>
          No permission
          <span className={classes.visuallyHidden}>{` ${view.detail}`}</span>
        </span>
      )
    }
    return (
      <span className={classes.rolesFailure} title={view.detail}>
        <span className={classes.clamp}>
          <ScopeText>{view.text}</ScopeText>
        </span>
        <span className={classes.visuallyHidden}>{` ${view.detail}`}</span>
        {view.canRetry && onRetry && (
          <button type="button" className={classes.textButton} onClick={onRetry}>
            Retry
          </button>
        )}
      </span>
    )
  }
  return (
    <span className={classes.none} title="Roles load once the row is in view">
      {fetching ? 'Loading…' : '…'}
    </span>
  )
}
