import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import { organizationQueries } from '@/features/organizations/api'
import { userQueries } from '@/features/users/api'
import { formatNumber } from '@/lib/format'
import type { ManagementApi } from '@/lib/management-api/client'
import { ManagementApiError } from '@/lib/management-api/errors'
import type { User } from '@/lib/management-api/schemas'
import type { ReviewEntry } from './review-input'
import type { LoadedMemberships } from './review-state'

// The two lookups of a review, through the same query factories as the other pages, so what one
// page loaded the others reuse (within the client's staleTime) and what a review loads opens
// instantly on a user's memberships page.

export interface LookupOptions {
  signal: AbortSignal
  /** Ask the API again even when the cache holds a fresh answer (Refresh). */
  fresh: boolean
}

/**
 * `client.fetchQuery`, cancelled when `signal` aborts. Cancelling reverts the query to what it
 * held before, so a refresh that is cancelled keeps the older answer in the cache; the caller gets
 * the abort, never that older answer as if it were new.
 */
async function fetchUntilAborted<TData, TKey extends QueryKey>(
  client: QueryClient,
  options: FetchQueryOptions<TData, Error, TData, TKey>,
  { signal, fresh }: LookupOptions,
): Promise<TData> {
  signal.throwIfAborted()
  const cancel = () => void client.cancelQueries({ queryKey: options.queryKey, exact: true })
  signal.addEventListener('abort', cancel, { once: true })
  try {
    const data = await client.fetchQuery(fresh ? { ...options, staleTime: 0 } : options)
    signal.throwIfAborted()
    return data
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

/** The API's answer that an entry names nobody: a fact about the tenant, not a failure to know. */
class NoSuchUser extends Error {}

/**
 * The API answered that `failure`'s entry names no user (an email no account has, a user id it
 * does not know), as opposed to a lookup that got no answer (5xx, rate limit, network) or a found
 * user whose memberships failed to load: for those, what the user has is unknown.
 */
export function isNoSuchUser(failure: { user?: unknown; error: unknown }): boolean {
  const { error } = failure
  return (
    failure.user === undefined &&
    (error instanceof NoSuchUser || (error instanceof ManagementApiError && error.status === 404))
  )
}

/**
 * The users an entry names: a user id is looked up (its 404 is the entry's error); an email is
 * looked up exactly (`GET /users-by-email`, which unlike search already knows an account created
 * moments ago), and every account that has it is a user of its own.
 */
export async function resolveEntry(
  client: QueryClient,
  api: ManagementApi,
  entry: ReviewEntry,
  options: LookupOptions,
): Promise<User[]> {
  if (entry.kind === 'user-id') {
    return [await fetchUntilAborted(client, userQueries.detail(api, entry.userId), options)]
  }
  const users = await fetchUntilAborted(client, userQueries.byEmail(api, entry.email), options)
  // An email that no account has: the entry's own error, beside the others.
  if (users.length === 0) throw new NoSuchUser('No user with this email.')
  return users
}

/**
 * Every membership of `userId` the API lists, through the memberships page's own query. A list
 * that did not finish is never a result: it is resumed by the next run, never counted as done.
 */
export async function loadMemberships(
  client: QueryClient,
  api: ManagementApi,
  userId: string,
  options: LookupOptions,
): Promise<LoadedMemberships> {
  const query = organizationQueries.forUser(api, userId)
  const memberships = await fetchUntilAborted(client, query, options)
  if (!memberships.complete) {
    throw new Error(
      `The list of organizations stopped after ${formatNumber(memberships.loadedCount)}, before it was complete.`,
    )
  }
  return {
    memberships,
    fetchedAt: client.getQueryState(query.queryKey)?.dataUpdatedAt || Date.now(),
  }
}
