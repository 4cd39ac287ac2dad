import type { UseQueryResult } from '@tanstack/react-query'
import { useState } from 'react'
import type { ListLoad } from '@/lib/management-api/list-load'
import { SLOW_AFTER_MS, STALLED_AFTER_MS, useSilence } from '@/lib/use-silence'
import type { LoadStop } from './components/load-stopped'

/** What a streamed list's page shows about its load: failures, retries, stops and slowness. */
export interface ListWatch {
  /** The error that stopped the last fetch (hidden while a new fetch finishes the list). */
  finalFailure: unknown
  /** A page the pager is waiting to ask for again, while the fetch runs. */
  retrying: ListLoad<unknown>['retrying']
  /** What to show as the list's failure: the final one, react-query's, or the page's retry. */
  failure: unknown
  /** The list is incomplete and nothing is bringing the rest. */
  stop: LoadStop | undefined
  /** No answer for SLOW_AFTER_MS, not yet stopped. */
  slow: boolean
  silentFor: number | undefined
  /** Loading stopped on an error or a stop: progress freezes where it got to. */
  stalled: boolean
  /** Finish the list: asks only for the pages it lacks (list-query.ts). */
  resume: () => void
}

/**
 * Watches a streamed list query so that a load never stops silently: a page waiting for another
 * try shows like a failure with a countdown; a slow answer says so; one that stops (no answer for
 * 15 s, or cancelled with pages missing) offers to resume.
 */
export function useListWatch(query: UseQueryResult<ListLoad<unknown>>): ListWatch {
  const list = query.data
  const fetching = query.isFetching
  const finalFailure: unknown = fetching ? undefined : (query.error ?? undefined)
  // Only while the fetch runs: a fetch that was stopped is waiting for nothing.
  const retrying = fetching ? list?.retrying : undefined
  const failure: unknown = finalFailure ?? query.failureReason ?? retrying?.error
  // Counted, so that the silence of a resumed load is measured from the moment it was resumed.
  const [resumes, setResumes] = useState(0)
  const resume = () => {
    setResumes((count) => count + 1)
    void query.refetch()
  }
  const silentFor = useSilence(
    fetching ? `${query.dataUpdatedAt}:${query.failureCount}:${resumes}` : undefined,
    retrying?.retryAt.getTime(),
  )
  const stop: LoadStop | undefined =
    list && !list.complete && !fetching && !finalFailure
      ? 'interrupted'
      : silentFor !== undefined && silentFor >= STALLED_AFTER_MS
        ? 'silent'
        : undefined
  const slow = stop === undefined && silentFor !== undefined && silentFor >= SLOW_AFTER_MS
  return {
    finalFailure,
    retrying,
    failure,
    stop,
    slow,
    silentFor,
    stalled: finalFailure !== undefined || stop !== undefined,
    resume,
  }
}
