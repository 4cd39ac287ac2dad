import { Progress, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import { cappedListText, listableCount, type Memberships } from '../memberships'

/**
 * How many memberships there are, how many the filter keeps, whether the API's 1000 cap hides
 * some, and — while pages arrive — how far loading has got.
 */
export function MembershipsSummary({
  memberships,
  filter,
  matchingCount,
}: {
  memberships: Memberships
  /** The filter the rows were filtered with (trimmed); empty for none. */
  filter: string
  matchingCount: number
}) {
  const { total, capped, complete, loadedCount } = memberships
  const count = total ?? (complete ? loadedCount : undefined)
  return (
    <Stack gap={2} miw={0}>
      {count !== undefined && (
        <Text fw={600} size="sm">
          {formatCount(count, 'organization')}
        </Text>
      )}
      {filter !== '' && matchingCount > 0 && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {`Showing ${formatNumber(matchingCount)} matching ${quoted(filter)}`}
        </Text>
      )}
      {capped && (
        <Text size="sm" c="dimmed">
          {cappedListText(total)}
        </Text>
      )}
    </Stack>
  )
}

/** "Loaded 400 of 1,000" over a bar; the bar is a progressbar named by that text. */
export function MembershipsProgress({
  memberships,
  stalled,
}: {
  memberships: Memberships
  /** Loading stopped on an error: the bar stays where it got to and stops animating. */
  stalled: boolean
}) {
  const labelId = useId()
  const listable = listableCount(memberships)
  const loaded = memberships.loadedCount
  const label =
    listable === undefined
      ? `Loaded ${formatNumber(loaded)} so far`
      : `Loaded ${formatNumber(loaded)} of ${formatNumber(listable)}`
  const percent = listable ? Math.min(100, (loaded / listable) * 100) : 100
  return (
    <Stack gap={4}>
      <Text id={labelId} size="xs" c="dimmed">
        {label}
      </Text>
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
