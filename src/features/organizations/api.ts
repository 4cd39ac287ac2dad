import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  type Query,
  type QueryClient,
  type QueryFunction,
  type QueryKey,
} from '@tanstack/react-query'
import { FRESH_FOR_MS } from '@/lib/freshness'
import type { ManagementApi } from '@/lib/management-api/client'
import { fetchMemberRoles } from './fetch-member-roles'
import {
  defaultPageRetryPolicy,
  DEFAULT_MEMBERSHIPS_PER_PAGE,
  fetchMemberships,
  type PageRetryPolicy,
  type ResumePoint,
} from './fetch-memberships'
import { addMembershipsEvent, noMembershipsYet, type Memberships } from './memberships'

/**
 * Query factory for organizations: keys go from generic to specific, so `['organizations']`
 * invalidates every organizations query. `api` is the session's client (one per signed-in app,
 * like the cache), so it is not part of the key.
 */
export const organizationQueries = {
  all: () => ['organizations'] as const,

  /**
   * A user's memberships, streamed: the data grows page by page (`loadedCount`, `complete`), so
   * the table fills in while the rest loads. Revisiting a complete list within `FRESH_FOR_MS`
   * costs no request; each user has a key of their own, so one user's rows never show for another.
   */
  forUser: (api: ManagementApi, userId: string) =>
    queryOptions({
      queryKey: [...organizationQueries.all(), 'forUser', userId] as const,
      queryFn: streamMemberships(api, userId),
      staleTime: freshOnlyWhenComplete,
      // The pager retries each failed page itself, keeping the pages it has; a retry of the whole
      // query would start over from page 0.
      retry: false,
      // The reducer already keeps every organization it has seen as the same object. Structural
      // sharing would deep-compare up to 1000 of them on each of 20 pages, and pages that arrive
      // out of order shift the rows after them, so it compared — and copied — nearly all of them
      // each time: the main thread's largest cost while a 1000-membership list loads.
      structuralSharing: false,
    }),

  /** Every cached roles lookup of one user: what a refresh of their list refreshes too. */
  memberRolesOf: (userId: string) => [...organizationQueries.all(), 'memberRoles', userId] as const,

  /** The cache key of one membership's roles, for reading the cache without fetching. */
  memberRolesKey: (userId: string, organizationId: string) =>
    [...organizationQueries.memberRolesOf(userId), organizationId] as const,

  /**
   * The roles `userId` holds in one organization, cached per user and organization. Fetched only
   * while someone looks at the row (see RolesCell): the lookup's signal is the query's, so a row
   * that scrolls away before its turn cancels it. The client's retry policy applies: a 429 waits
   * for the reset and tries again.
   */
  memberRoles: (api: ManagementApi, userId: string, organizationId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `api` is the session's client, not part of what is fetched (see above)
    queryOptions({
      queryKey: organizationQueries.memberRolesKey(userId, organizationId),
      queryFn: ({ signal }) => fetchMemberRoles(api, organizationId, userId, { signal }),
    }),
}

/**
 * A list that has not finished loading is never fresh. When its last observer goes (StrictMode's
 * double mount, a remount, leaving the page) or a caller cancels it, react-query stops the
 * stream and keeps the pages that arrived as a *successful* result dated now: counted fresh, the
 * next observer or `fetchQuery` would take "50 of 1,000" as the answer and never ask again.
 * Stale, it is resumed (see `streamMemberships`) by whoever needs it next.
 */
function freshOnlyWhenComplete(query: Query<Memberships, Error, Memberships, QueryKey>): number {
  return query.state.data?.complete ? FRESH_FOR_MS : 0
}

/**
 * The query function: the pager's events folded into `Memberships` as they arrive.
 *
 * What a fetch does depends on what the cache already holds. A complete list stays on screen
 * while it is fetched again and is swapped at the end (`replace`; a failed refresh leaves it
 * visible, marked stale). A list that broke off part-way — a dropped connection, a page that
 * failed for good — is finished instead (`append`, resuming the pager): its rows stay on screen
 * and only the missing pages are asked for, so "Try again" or a refetch never starts over.
 */
function streamMemberships(
  api: ManagementApi,
  userId: string,
): QueryFunction<Memberships, QueryKey> {
  return (context) => {
    const held = context.client.getQueryData<Memberships>(context.queryKey)
    const resume = held && !held.complete ? resumePointOf(held) : undefined
    return streamedQuery({
      streamFn: ({ signal, client, queryKey }) =>
        fetchMemberships(api, userId, {
          signal,
          perPage: DEFAULT_MEMBERSHIPS_PER_PAGE,
          retry: pageRetryPolicyOf(client, queryKey),
          ...(resume && { resume }),
        }),
      reducer: addMembershipsEvent,
      initialValue: noMembershipsYet,
      refetchMode: held?.complete ? 'replace' : 'append',
    })(context)
  }
}

/** Where a list that broke off goes on from: its pages, and how it was being paged. */
function resumePointOf(held: Memberships): ResumePoint {
  const { total, pages, pagination, next, checkpointRefusal } = held
  return {
    total,
    pages,
    ...(pagination === 'checkpoint' && next !== undefined && { checkpoint: { next } }),
    ...(checkpointRefusal !== undefined && { checkpointRefusal }),
  }
}

/**
 * Page retries follow the QueryClient's `retry` / `retryDelay` — the app's shared policy, or a
 * test's `retry: false` — so there is one place that decides, and a page is never retried both
 * by the pager and by react-query.
 */
function pageRetryPolicyOf(client: QueryClient, queryKey: QueryKey): PageRetryPolicy {
  const { retry, retryDelay } = client.defaultQueryOptions({ queryKey })
  if (retry === undefined) return defaultPageRetryPolicy
  // react-query passes its policy whatever the query function threw, typed as its DefaultError;
  // the pager does the same.
  return {
    shouldRetry: (failureCount, error) => {
      if (typeof retry === 'function') return retry(failureCount, error as Error)
      return typeof retry === 'number' ? failureCount < retry : retry
    },
    delayMs: (failureCount, error) => {
      if (typeof retryDelay === 'function') return retryDelay(failureCount, error as Error)
      return retryDelay ?? defaultPageRetryPolicy.delayMs(failureCount, error)
    },
  }
}

// What other features may use of this one (lint allows no deeper import): the bulk review lists
// memberships too, and words them as the memberships page does.
export {
  cappedListReason,
  cappedListText,
  MEMBERSHIPS_LAG_NOTE,
  noMembershipsYet,
  type Memberships,
} from './memberships'
export { displayNameOf } from './organization-list'
