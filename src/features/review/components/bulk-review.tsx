import { Stack } from '@mantine/core'
import { useMemo } from 'react'
import { loadedUsers, reviewFailures, reviewProgress, reviewRows } from '../review-state'
import { useBulkReview } from '../use-bulk-review'
import { ReviewForm } from './review-form'
import { ReviewProgress } from './review-progress'
import { ReviewResults } from './review-results'

/**
 * Bulk review: a list of user ids and emails in, every membership of every user they name out —
 * with progress while it loads, every failure kept beside the results, and an export of what is
 * on screen.
 */
export function BulkReview() {
  const review = useBulkReview()
  const { state } = review
  const progress = reviewProgress(state)
  const users = useMemo(() => loadedUsers(state), [state])
  const rows = useMemo(() => reviewRows(users), [users])
  const entries = useMemo(() => state.entries.map(({ input }) => input), [state.entries])
  // Stable between review events, so the memoized failures list skips every other render.
  const failures = useMemo(() => reviewFailures(state), [state])

  return (
    <Stack gap="lg">
      <ReviewForm running={state.running} onReview={review.start} />
      {state.entries.length > 0 && (
        <>
          <ReviewProgress review={review} progress={progress} />
          <ReviewResults
            entries={entries}
            users={users}
            rows={rows}
            failures={failures}
            refused={state.refused}
            unfinished={progress.total - progress.reviewed}
            running={state.running}
            onRefresh={review.refresh}
          />
        </>
      )}
    </Stack>
  )
}
