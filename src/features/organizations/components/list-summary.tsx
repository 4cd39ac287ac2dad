import { Progress, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import { listableCount, type ListLoad } from '@/lib/management-api/list-load'
import { CHECKPOINT_TAKE, OFFSET_LIST_CAP } from '@/lib/management-api/list-pager'
import { cappedListReason, cappedListText } from '../memberships'

/**
 * How many records a list has ("1,234 organizations", "10,000 members"), how many the filter
 * keeps, and whether the API's 1000 cap hides some.
 */
export function ListSummary({
  list,
  one,
  records,
  filter,
  matchingCount,
}: {
  list: ListLoad<unknown>
  /** What one record is: "organization", "member". */
  one: string
  /** What the records are, where the API's cap is explained: "memberships", "members". */
  records: string
  /** The filter the rows were filtered with (trimmed); empty for none. */
  filter: string
  matchingCount: number
}) {
  const { total, capped, complete, loadedCount, checkpointRefusal } = list
  const count = total ?? (complete ? loadedCount : undefined)
  return (
    <Stack gap={2} miw={0}>
      {count !== undefined && (
        <Text fw={600} size="sm">
          {formatCount(count, one)}
        </Text>
      )}
      {filter !== '' && matchingCount > 0 && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {`Showing ${formatNumber(matchingCount)} matching ${quoted(filter)}`}
        </Text>
      )}
      {capped && (
        <>
          <Text size="sm" c="dimmed">
            {cappedListText(total)}
          </Text>
          <Text size="xs" c="dimmed" maw="60ch">
            {cappedListReason(checkpointRefusal, records)}
          </Text>
        </>
      )}
    </Stack>
  )
}

/** "Loaded 400 of 1,000" over a bar; the bar is a progressbar named by that text. */
export function ListProgress({
  list,
  stalled,
}: {
  list: ListLoad<unknown>
  /** Loading stopped on an error: the bar stays where it got to and stops animating. */
  stalled: boolean
}) {
  const labelId = useId()
  const listable = listableCount(list)
  const loaded = list.loadedCount
  const label =
    listable === undefined
      ? `Loaded ${formatNumber(loaded)} so far`
      : `Loaded ${formatNumber(loaded)} of ${formatNumber(listable)}`
  // Past 1,000 the pages come one after another (each names the next): say why it takes longer.
  const pace =
    list.pagination === 'checkpoint'
      ? `Past ${formatNumber(OFFSET_LIST_CAP)}, pages of ${CHECKPOINT_TAKE} come one after another`
      : undefined
  const percent = listable ? Math.min(100, (loaded / listable) * 100) : 100
  return (
    <Stack gap={4}>
      <Text id={labelId} size="xs" c="dimmed">
        {label}
      </Text>
      {pace && (
        <Text size="xs" c="dimmed">
          {pace}
        </Text>
      )}
      <Progress.Root
        size="sm"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={listable}
        aria-valuenow={listable === undefined ? undefined : loaded}
        aria-valuetext={label}
      >
        <Progress.Section
          value={percent}
          withAria={false}
          color={stalled ? 'gray' : undefined}
          striped={!stalled && listable === undefined}
          animated={!stalled && listable === undefined}
        />
      </Progress.Root>
    </Stack>
  )
}
