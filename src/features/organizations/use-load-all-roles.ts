import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useManagementApi } from '@/features/auth/management-api-context'
import { createLimiter } from '@/lib/async'
import { formatCount, formatDuration, formatNumber } from '@/lib/format'
import type { ManagementApi } from '@/lib/management-api/client'
import { expectedStartMs, type RateReading } from '@/lib/management-api/rate-gate'
import type { Role } from '@/lib/management-api/schemas'
import { organizationQueries } from './queries'
import { describeRolesFailure, type RolesFailureView } from './roles-failure'

// "Load all roles" on a user's page and on a bulk review: the roles of every membership (user ×
// organization) whose row was never looked up, through the same queries the roles cells use (so
// the cells fill in and the export's roles_status becomes `loaded`) and the session's pacer (so
// the rate gate paces them with everything else). The cost is shown before anything is sent; Cancel stops it, Resume goes on
// with what is still missing. A 403 stops it: every other request would be refused the same way.

/**
 * Lookups handed to the pacer at once: enough to keep the rate gate busy, few enough that Cancel
 * leaves little in flight. The pacer still decides when each starts.
 */
export const LOAD_ALL_ROLES_CONCURRENCY = 8

/** What loading the missing roles will cost, shown before it starts. */
export interface RolesLoadCost {
  /** One per membership whose roles are not loaded. */
  requests: number
  /** About how long at the tenant's announced rate; `undefined` when it has announced none yet. */
  expectedMs: number | undefined
  /** The reading behind `expectedMs`. */
  rate: RateReading | undefined
}

/** The cost of `requests` roles lookups at `rate` (the session pacer's reading). */
export function rolesLoadCost(requests: number, rate: RateReading | undefined): RolesLoadCost {
  return {
    requests,
    expectedMs: rate === undefined ? undefined : expectedStartMs(requests, rate),
    rate,
  }
}

/** "N requests (…), about T at the rate the tenant announces (…)": the cost, before it starts. */
export function rolesLoadCostText({ requests, expectedMs, rate }: RolesLoadCost): string {
  const count = `${formatCount(requests, 'request')} (one per membership whose roles are not loaded)`
  if (expectedMs === undefined || rate === undefined) {
    return `${count}. How long it takes is not known yet: the tenant has not announced its rate limit (X-RateLimit-* headers) to this session.`
  }
  const perSecond = 1000 / rate.msPerToken
  const refill =
    perSecond >= 1
      ? `${formatNumber(Math.round(perSecond * 10) / 10)} per second`
      : `one every ${formatDuration(rate.msPerToken)}`
  return `${count}, about ${formatDuration(expectedMs)} at the rate the tenant announces (a bucket of ${formatNumber(rate.limit)}, refilling ${refill}).`
}

export type LoadAllRolesPhase = 'idle' | 'preview' | 'running' | 'cancelled' | 'done' | 'refused'

export interface LoadAllRoles {
  phase: LoadAllRolesPhase
  /** Memberships of the list whose roles are in the cache (loaded by this or by scrolling). */
  loaded: number
  total: number
  /** In `preview`: what Start will cost. */
  cost: RolesLoadCost | undefined
  /** In `refused`: the 403, worded as the roles cells word it. */
  refusal: RolesFailureView | undefined
  /** Lookups of the last run that failed for another reason (after the retry policy gave up). */
  failed: number
  /** Shows the cost of loading what is missing. */
  preview: () => void
  /** Starts (or, after Cancel, resumes) loading what is missing. */
  start: () => void
  cancel: () => void
  /** Back to idle from the preview. */
  dismiss: () => void
}

/** One user in one organization: what a roles lookup is for. */
export interface MembershipRef {
  userId: string
  organizationId: string
}

function hasRoles(client: QueryClient, { userId, organizationId }: MembershipRef): boolean {
  return (
    client.getQueryData<Role[]>(organizationQueries.memberRolesKey(userId, organizationId)) !==
    undefined
  )
}

/** The memberships whose roles the cache does not hold. */
function missingRoles(client: QueryClient, memberships: readonly MembershipRef[]) {
  return memberships.filter((membership) => !hasRoles(client, membership))
}

/** How many of `memberships` have roles in the cache, kept current as lookups land. */
function useLoadedCount(memberships: readonly MembershipRef[]): number {
  const client = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        const key = event.query.queryKey
        if (organizationQueries.memberRolesAll().every((part, index) => key[index] === part))
          onChange()
      }),
    [client],
  )
  const count = useCallback(
    () => memberships.length - missingRoles(client, memberships).length,
    [client, memberships],
  )
  return useSyncExternalStore(subscribe, count, count)
}

/** Fetches one organization's roles through the cells' query; cancelled when `signal` aborts. */
async function fetchRoles(
  client: QueryClient,
  api: ManagementApi,
  { userId, organizationId }: MembershipRef,
  signal: AbortSignal,
): Promise<void> {
  const options = organizationQueries.memberRoles(api, userId, organizationId)
  const cancel = () => void client.cancelQueries({ queryKey: options.queryKey, exact: true })
  signal.addEventListener('abort', cancel, { once: true })
  try {
    await client.fetchQuery(options)
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

/**
 * "Load all roles" for a list of memberships (see the top of this file): one user's organizations,
 * or a bulk review's users × organizations. Keep `memberships` stable (memoized): the loaded count
 * is worked out again whenever it changes.
 */
export function useLoadAllRoles(memberships: readonly MembershipRef[]): LoadAllRoles {
  const api = useManagementApi()
  const client = useQueryClient()
  const loaded = useLoadedCount(memberships)
  const [phase, setPhase] = useState<LoadAllRolesPhase>('idle')
  const [cost, setCost] = useState<RolesLoadCost | undefined>(undefined)
  const [refusal, setRefusal] = useState<RolesFailureView | undefined>(undefined)
  const [failed, setFailed] = useState(0)
  const run = useRef<AbortController | undefined>(undefined)
  // Leaving the page stops the run: nothing is sent for a page nobody looks at.
  useEffect(() => () => run.current?.abort(), [])

  const preview = () => {
    const requests = missingRoles(client, memberships).length
    setCost(rolesLoadCost(requests, api.rateReading?.()))
    setPhase('preview')
  }

  const start = () => {
    const controller = new AbortController()
    run.current = controller
    const { signal } = controller
    const missing = missingRoles(client, memberships)
    const limiter = createLimiter(LOAD_ALL_ROLES_CONCURRENCY)
    let failures = 0
    let refused: RolesFailureView | undefined
    setPhase('running')
    setFailed(0)
    setRefusal(undefined)
    const lookups = missing.map((membership) =>
      limiter
        .run(() => fetchRoles(client, api, membership, signal), { signal })
        .catch((error: unknown) => {
          if (signal.aborted) return
          const view = describeRolesFailure(error, false)
          if (view.missingScopes !== undefined) {
            // Every other lookup would get the same answer: stop, and say it once.
            refused ??= view
            controller.abort()
          } else failures += 1
        }),
    )
    void Promise.all(lookups).then(() => {
      if (run.current !== controller) return
      run.current = undefined
      setFailed(failures)
      if (refused) {
        setRefusal(refused)
        setPhase('refused')
      } else setPhase(signal.aborted ? 'cancelled' : 'done')
    })
  }

  const cancel = () => {
    const controller = run.current
    if (!controller) return
    run.current = undefined
    controller.abort()
    setPhase('cancelled')
  }

  return {
    phase,
    loaded,
    total: memberships.length,
    cost,
    refusal,
    failed,
    preview,
    start,
    cancel,
    dismiss: () => setPhase('idle'),
  }
}
