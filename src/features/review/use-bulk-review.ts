import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useReducer, useRef } from 'react'
import { useManagementApi } from '@/features/auth/management-api-context'
import type { RefusedLine, ReviewEntry } from './review-input'
import { loadMemberships, resolveEntry, type LookupOptions } from './review-lookups'
import {
  emptyReview,
  lookupsIn,
  reviewReducer,
  type ReviewEvent,
  type ReviewState,
} from './review-state'
import { runPool } from './run-pool'
import { watchRateLimits } from './rate-limit-watch'

/** Entries (and the accounts they resolve to) looked up at once: 4 users at a time. */
const REVIEW_CONCURRENCY = 4

type Task = { kind: 'entry'; index: number } | { kind: 'user'; userId: string }

/** A task's step as an event: running (maybe waiting for a reset) or failed. */
function stepEvent(
  task: Task,
  step: { status: 'running'; retryAt?: Date } | { status: 'failed'; error: unknown },
): ReviewEvent {
  return task.kind === 'entry'
    ? { type: 'entry', index: task.index, step }
    : { type: 'user', userId: task.userId, step }
}

export interface BulkReview {
  state: ReviewState
  /** Starts a new review of `entries`, from the cache where it is fresh; `refused` is kept. */
  start: (entries: readonly ReviewEntry[], refused: readonly RefusedLine[]) => void
  /** Stops every request in flight; what has loaded stays. */
  cancel: () => void
  /**
   * Runs the failed lookups again, and only those, asking the API anew: a cached answer is the
   * one that failed ("no user with this email" a minute ago), and the account may exist now.
   */
  retryFailed: () => void
  /** Takes up what a cancel left unfinished. */
  resume: () => void
  /** The same entries again, every answer asked for anew. */
  refresh: () => void
}

/**
 * A bulk review: resolves each entry to its users and loads each user's memberships, four
 * entries at a time, every request paced by the session's pacer. Server data lives in the query
 * cache (shared with the other pages); this hook keeps only where each lookup is.
 */
export function useBulkReview(): BulkReview {
  const api = useManagementApi()
  const client = useQueryClient()
  const [state, dispatch] = useReducer(reviewReducer, emptyReview)
  const controller = useRef<AbortController | undefined>(undefined)

  // Leaving the page stops the review's requests.
  useEffect(() => () => controller.current?.abort(), [])

  const run = (
    current: ReviewState,
    { entries, userIds }: { entries: readonly number[]; userIds: readonly string[] },
    fresh: boolean,
  ) => {
    controller.current?.abort()
    const { signal } = (controller.current = new AbortController())
    const options: LookupOptions = { signal, fresh }
    const emit = (event: ReviewEvent) => {
      if (!signal.aborted) dispatch(event)
    }
    // Users this run has taken up, or that need nothing: a user found by two entries loads once.
    const claimed = new Set(
      [...current.users.values()].flatMap(({ user, step }) =>
        step.status === 'done' || userIds.includes(user.user_id) ? [user.user_id] : [],
      ),
    )
    const work = async (task: Task, follow: (more: readonly Task[]) => void) => {
      emit(stepEvent(task, { status: 'running' }))
      const watched = watchRateLimits(api, (retryAt) =>
        emit(stepEvent(task, { status: 'running', retryAt })),
      )
      try {
        if (task.kind === 'entry') {
          const entry = current.entries[task.index]
          if (!entry) return
          const users = await resolveEntry(client, watched, entry, options)
          emit({ type: 'resolved', index: task.index, users })
          const unclaimed = users.filter(({ user_id }) => !claimed.has(user_id))
          for (const { user_id } of unclaimed) claimed.add(user_id)
          follow(unclaimed.map(({ user_id }) => ({ kind: 'user', userId: user_id })))
        } else {
          const result = await loadMemberships(client, watched, task.userId, options)
          emit({ type: 'user', userId: task.userId, step: { status: 'done', result } })
        }
      } catch (error) {
        // Cancelled: the run's end marks what was unfinished.
        if (signal.aborted) return
        emit(stepEvent(task, { status: 'failed', error }))
      }
    }

    dispatch({ type: 'started', entries, userIds })
    const tasks: Task[] = [
      ...entries.map((index): Task => ({ kind: 'entry', index })),
      ...userIds.map((userId): Task => ({ kind: 'user', userId })),
    ]
    void runPool(tasks, work, { concurrency: REVIEW_CONCURRENCY, signal }).finally(() => {
      // A newer run took over (and reset or re-queued what it needs): this one marks nothing.
      if (controller.current?.signal !== signal) return
      controller.current = undefined
      dispatch({ type: 'finished' })
    })
  }

  const start = (
    entries: readonly ReviewEntry[],
    refused: readonly RefusedLine[],
    fresh = false,
  ) => {
    controller.current?.abort()
    const reset: ReviewEvent = { type: 'reset', entries, refused }
    const initial = reviewReducer(emptyReview, reset)
    dispatch(reset)
    run(initial, { entries: entries.map((_, index) => index), userIds: [] }, fresh)
  }

  return {
    state,
    start: (entries, refused) => start(entries, refused),
    cancel: () => controller.current?.abort(),
    retryFailed: () => run(state, lookupsIn(state, 'failed'), true),
    resume: () => run(state, lookupsIn(state, 'cancelled'), false),
    refresh: () => start(state.entries, state.refused, true),
  }
}
