import { Button, Group, Text } from '@mantine/core'
import { formatDateTimeWithZone } from '@/lib/format'
import { formatRelativeTime } from '@/lib/relative-time'
import { useNow } from '@/lib/use-now'
import { LineIcon } from './line-icon'

/**
 * When a list was fetched, "As of 7 Dec 2026, 14:02:09 GMT+1 · 40 seconds ago" (the UTC instant
 * in its title, as exports record it), and a Refresh button that fetches it
 * again. Every list shows one: support staff keep a page open for hours, and an answer given from
 * an old list should say how old it is. Ticks once a second on its own, not its parent.
 */
export function Freshness({
  updatedAt,
  refreshing,
  onRefresh,
  note,
}: {
  /** When the data on screen arrived (epoch ms); 0 (nothing yet) shows only the button. */
  updatedAt: number
  refreshing: boolean
  onRefresh: () => void
  /** A caveat about the data's freshness, shown after the time. */
  note?: string
}) {
  const now = useNow(1000)
  return (
    <Group gap="xs" wrap="wrap">
      {updatedAt > 0 && (
        <Text size="xs" c="dimmed" title={`Fetched ${new Date(updatedAt).toISOString()} (UTC)`}>
          As of {formatDateTimeWithZone(new Date(updatedAt))} ·{' '}
          {formatRelativeTime(new Date(updatedAt), now, { seconds: true })}
          {note && `. ${note}`}
        </Text>
      )}
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={onRefresh}
        loading={refreshing}
        leftSection={<RefreshIcon />}
      >
        Refresh
      </Button>
    </Group>
  )
}

function RefreshIcon() {
  return (
    <LineIcon size={12}>
      <path d="M21 12a9 9 0 1 1-3-6.7L21 8" />
      <path d="M21 3v5h-5" />
    </LineIcon>
  )
}
