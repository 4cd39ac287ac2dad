import { Alert, Button, Stack, Text } from '@mantine/core'
import { formatDuration, formatNumber } from '@/lib/format'
import { STALLED_AFTER_MS } from '@/lib/use-silence'
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
export function SlowAnswer({ silentFor }: { silentFor: number }) {
  return (
    <Text size="sm" c="dimmed" role="status">
      {`The Management API is slow to answer. Still waiting (${formatDuration(Math.floor(silentFor / 1000) * 1000)})…`}
    </Text>
  )
}
