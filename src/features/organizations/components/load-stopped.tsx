import { Alert, Button, Stack, Text } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { formatDuration, formatNumber } from '@/lib/format'
import { sameCause } from '@/lib/management-api/errors'
import { STALLED_AFTER_MS } from '@/lib/use-silence'
import type { ListWatch } from '../use-list-watch'
import { listableCount, type ListLoad } from '@/lib/management-api/list-load'

/**
 * Why a load is no longer moving though it failed on nothing: `silent`, no answer for
 * STALLED_AFTER_MS while a request is open; `interrupted`, the load was stopped (a cancel)
 * with pages still missing.
 */
export type LoadStop = 'silent' | 'interrupted'

/** "50 of 1,000 organizations", or "50 organizations so far" when the API gave no total. */
function loadedSoFar(list: ListLoad<unknown> | undefined, plural: string): string {
  const loaded = formatNumber(list?.loadedCount ?? 0)
  const listable = list && listableCount(list)
  return listable === undefined
    ? `${loaded} ${plural} so far`
    : `${loaded} of ${formatNumber(listable)} ${plural}`
}

/** The list is incomplete and nothing is bringing the rest: say so, and offer to resume. */
export function LoadStopped({
  stop,
  list,
  plural,
  onResume,
}: {
  stop: LoadStop
  list: ListLoad<unknown> | undefined
  /** What the list holds: "organizations", "members". */
  plural: string
  onResume: () => void
}) {
  return (
    <Alert
      variant="light"
      color="yellow"
      title={
        stop === 'silent'
          ? `No answer from the Management API for ${formatDuration(STALLED_AFTER_MS)}`
          : 'Loading stopped before the list was complete'
      }
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {`Loaded ${loadedSoFar(list, plural)}; the rest has not arrived. The list is incomplete, and an export now says so.`}
        </Text>
        <Button size="xs" onClick={onResume}>
          Try again
        </Button>
      </Stack>
    </Alert>
  )
}

/** A first answer (or the next page) is late: said in words, not just placeholders. */
function SlowAnswer({ silentFor }: { silentFor: number }) {
  return (
    <Text size="sm" c="dimmed" role="status">
      {`The Management API is slow to answer. Still waiting (${formatDuration(Math.floor(silentFor / 1000) * 1000)})…`}
    </Text>
  )
}

/**
 * Everything that can be wrong with a list's load, in one place above the list: its failure
 * (through the one ApiErrorAlert, or one line when the page shows the same cause above), a load
 * that stopped, a slow answer.
 */
export function ListLoadProblems({
  query,
  watch,
  plural,
  shownAbove,
  subject,
  onBackToSearch,
}: {
  query: UseQueryResult<ListLoad<unknown>>
  watch: ListWatch
  /** What the list holds: "organizations", "members". */
  plural: string
  /** A failure the page already shows above, whose "Try again" retries this list too. */
  shownAbove: unknown
  /** Whose list: named in a 400 invalid_uri or a 404. */
  subject: { userId: string } | { organizationId: string }
  onBackToSearch: () => void
}) {
  const { failure, finalFailure, retrying, stop, slow, silentFor, resume } = watch
  const list = query.data
  const sameAsAbove =
    failure !== undefined && shownAbove !== undefined && sameCause(failure, shownAbove)
  return (
    <>
      {sameAsAbove ? (
        <Text size="sm" c="dimmed">
          {`The ${plural} could not be loaded either, for the same reason (see above).`}
        </Text>
      ) : (
        failure !== undefined && (
          <ApiErrorAlert
            error={failure}
            onRetry={finalFailure ? resume : undefined}
            onBackToSearch={onBackToSearch}
            {...subject}
            staleSince={finalFailure && list?.complete ? new Date(query.dataUpdatedAt) : undefined}
            retryingAt={retrying?.retryAt}
          />
        )
      )}
      {stop && <LoadStopped stop={stop} list={list} plural={plural} onResume={resume} />}
      {slow && <SlowAnswer silentFor={silentFor ?? 0} />}
    </>
  )
}
