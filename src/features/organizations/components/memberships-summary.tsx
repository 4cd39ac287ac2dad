import { Progress, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { CHECKPOINT_TAKE, MEMBERSHIPS_LIST_CAP } from '../fetch-memberships'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import { cappedListReason, cappedListText, listableCount, type Memberships } from '../memberships'

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
  const { total, capped, complete, loadedCount, checkpointRefusal } = memberships
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
        <>
          <Text size="sm" c="dimmed">
            {cappedListText(total)}
          </Text>
          <Text size="xs" c="dimmed" maw="60ch">
            {cappedListReason(checkpointRefusal)}
          </Text>
        </>
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
  // Past 1,000 the pages come one after another (each names the next): say why it takes longer.
  const pace =
    memberships.pagination === 'checkpoint'
      ? `Past ${formatNumber(MEMBERSHIPS_LIST_CAP)}, pages of ${CHECKPOINT_TAKE} come one after another`
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
