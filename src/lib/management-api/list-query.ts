import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  type Query,
  type QueryClient,
  type QueryFunction,
  type QueryKey,
} from '@tanstack/react-query'
import { FRESH_FOR_MS } from '@/lib/freshness'
import type { ListLoad } from './list-load'
import { defaultPageRetryPolicy, type PageRetryPolicy } from './list-pager'

/** How a list query loads: the pager's events, folded into the list state. */
export interface ListStream<S extends ListLoad<unknown>, E> {
  /**
   * The events of one fetch. `held` is a list that broke off part-way (to finish, not start
   * over); `retry` is the QueryClient's policy, for the pager's page retries.
   */
  events: (options: {
    signal: AbortSignal
    retry: PageRetryPolicy
    held: S | undefined
  }) => AsyncIterable<E>
  reducer: (state: S, event: E) => S
  initial: S
}

/**
 * A streamed list query: the data grows page by page (`loadedCount`, `complete`), so a table
 * fills in while the rest loads. Revisiting a complete list within `FRESH_FOR_MS` costs no
 * request.
 */
export function listQueryOptions<S extends ListLoad<unknown>, E, K extends QueryKey>(
  queryKey: K,
  list: ListStream<S, E>,
) {
  return queryOptions({
    queryKey,
    queryFn: streamList(list),
    staleTime: freshOnlyWhenComplete,
    // The pager retries each failed page itself, keeping the pages it has; a retry of the whole
    // query would start over from page 0.
    retry: false,
    // The reducer already keeps every record it has seen as the same object. Structural sharing
    // would deep-compare up to 1000 of them on each of 20 pages, and pages that arrive out of
    // order shift the rows after them, so it compared — and copied — nearly all of them each
    // time: the main thread's largest cost while a 1000-row list loads.
    structuralSharing: false,
  })
}

/**
 * A list that has not finished loading is never fresh. When its last observer goes (StrictMode's
 * double mount, a remount, leaving the page) or a caller cancels it, react-query stops the
 * stream and keeps the pages that arrived as a *successful* result dated now: counted fresh, the
 * next observer or `fetchQuery` would take "50 of 1,000" as the answer and never ask again.
 * Stale, it is resumed (see `streamList`) by whoever needs it next.
 */
function freshOnlyWhenComplete<S extends ListLoad<unknown>>(
  query: Query<S, Error, S, QueryKey>,
): number {
  return query.state.data?.complete ? FRESH_FOR_MS : 0
}

/**
 * The query function: the pager's events folded into the list as they arrive.
 *
 * What a fetch does depends on what the cache already holds. A complete list stays on screen
 * while it is fetched again and is swapped at the end (`replace`; a failed refresh leaves it
 * visible, marked stale). A list that broke off part-way — a dropped connection, a page that
 * failed for good — is finished instead (`append`, resuming the pager): its rows stay on screen
 * and only the missing pages are asked for, so "Try again" or a refetch never starts over.
 */
function streamList<S extends ListLoad<unknown>, E>(
  list: ListStream<S, E>,
): QueryFunction<S, QueryKey> {
  return (context) => {
    const held = context.client.getQueryData<S>(context.queryKey)
    return streamedQuery({
      streamFn: ({ signal, client, queryKey }) =>
        list.events({
          signal,
          retry: pageRetryPolicyOf(client, queryKey),
          held: held && !held.complete ? held : undefined,
        }),
      reducer: list.reducer,
      initialValue: list.initial,
      refetchMode: held?.complete ? 'replace' : 'append',
    })(context)
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
