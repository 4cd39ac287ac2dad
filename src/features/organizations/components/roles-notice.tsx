import { Alert, Stack } from '@mantine/core'
import { matchQuery, useQueryClient, type QueryState } from '@tanstack/react-query'
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react'
import { FailureText } from '@/components/failure-text'
import { ScopeText } from '@/components/scope-text'
import { describeMissingScopes } from '@/lib/management-api/describe-failure'
import { useTenant } from '@/lib/tenant'
import { organizationQueries } from '../api'
import { describeRolesFailure } from '../roles-failure'

export interface SharedRolesRefusal {
  scopes: readonly string[]
  /** No lookup is on its way: nothing can still answer differently. */
  settled: boolean
}

/**
 * The scopes every answered roles lookup was refused for, when they all were refused for the same
 * ones and none succeeded; undefined otherwise. Lookups never asked for (or cancelled before an
 * answer) do not count; lookups on their way leave it unsettled.
 */
export function sharedRolesRefusal(
  states: readonly Pick<QueryState<unknown>, 'data' | 'status' | 'error' | 'fetchStatus'>[],
): SharedRolesRefusal | undefined {
  let scopes: readonly string[] | undefined
  let settled = true
  for (const state of states) {
    if (state.data !== undefined) return undefined
    if (state.status !== 'error') {
      if (state.fetchStatus === 'fetching') settled = false
      continue
    }
    const refused = describeRolesFailure(state.error, false).missingScopes
    if (refused === undefined) return undefined
    if (scopes !== undefined && scopes.join(' ') !== refused.join(' ')) return undefined
    scopes = refused
  }
  return scopes && { scopes, settled }
}

/**
 * `sharedRolesRefusal` over the user's roles lookups in the cache, kept current as they answer.
 * It is first said once every lookup asked for has answered — not on the first refusal, which a
 * success may follow a moment later (a notice that flashes and goes) — and then stays while rows
 * scrolled into view are looked up, unless one of them answers otherwise. One subscription for
 * the whole table, woken only by this user's lookups; the snapshot is a string, so an unchanged
 * answer re-renders nothing and the rows' props stay equal.
 */
export function useSharedRolesRefusal(userId: string): readonly string[] | undefined {
  const queryCache = useQueryClient().getQueryCache()
  const subscribe = useCallback(
    (onChange: () => void) => {
      const queryKey = organizationQueries.memberRolesOf(userId)
      return queryCache.subscribe((event) => {
        if (matchQuery({ queryKey }, event.query)) onChange()
      })
    },
    [queryCache, userId],
  )
  const snapshot = useSyncExternalStore(subscribe, () => {
    const queries = queryCache.findAll({ queryKey: organizationQueries.memberRolesOf(userId) })
    const refusal = sharedRolesRefusal(queries.map((query) => query.state))
    return refusal && `${refusal.settled ? 'settled' : 'pending'} ${refusal.scopes.join(' ')}`
  })
  const [state, joined = ''] = snapshot?.split(/ (.*)/) ?? []
  // Remembered from an earlier render (React's "adjust state while rendering" pattern).
  const [said, setSaid] = useState<string | undefined>(undefined)
  if (state === 'settled' && said !== joined) setSaid(joined)
  if (snapshot === undefined && said !== undefined) setSaid(undefined)
  const shown = state === 'settled' || (state === 'pending' && said === joined) ? joined : undefined
  return useMemo(() => shown?.split(' '), [shown])
}

/**
 * Said once above the table when every roles lookup was refused for the same missing scope, so
 * the rows need not repeat it (each says "No permission"): which scope, and who grants it in the
 * mode Orgscope runs in. A status, not an alert: the memberships themselves loaded.
 */
export function RolesNotice({ scopes }: { scopes: readonly string[] }) {
  const help = describeMissingScopes(scopes, {
    mode: useTenant().mode,
    refused: 'the roles lookups',
  })
  return (
    <Alert
      role="status"
      variant="light"
      color="orange"
      title={
        <>
          Roles not shown: missing permission <ScopeText>{scopes.join(' or ')}</ScopeText>
        </>
      }
    >
      <Stack gap={4}>
        <FailureText {...help} />
      </Stack>
    </Alert>
  )
}
