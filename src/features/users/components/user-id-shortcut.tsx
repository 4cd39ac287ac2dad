import { Code, Group, Paper, Text } from '@mantine/core'
import { Link } from 'wouter'
import { toUserOrganizations } from '@/lib/routes'
import classes from '@/components/search-results.module.css'
import { RESULT_LINK, SEARCH_ITEM_ATTRIBUTE } from '@/components/search-keyboard'

/**
 * The box holds a user id: the admin knows who they want, so offer the user's page directly
 * (Enter in the box does the same) instead of making them pick the only result.
 */
export function UserIdShortcut({
  userId,
  onOpen,
  onIntent,
}: {
  userId: string
  onOpen: () => void
  onIntent: ((userId: string) => void) | undefined
}) {
  const intent = onIntent && (() => onIntent(userId))
  return (
    <Paper withBorder p={4}>
      <Link
        href={toUserOrganizations(userId)}
        className={`${classes.item} mantine-focus-auto`}
        style={RESULT_LINK}
        onClick={onOpen}
        onMouseEnter={intent}
        onFocus={intent}
        {...{ [SEARCH_ITEM_ATTRIBUTE]: '' }}
      >
        <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            Open user
          </Text>
          <Code style={{ overflowWrap: 'anywhere' }}>{userId}</Code>
          <Text size="xs" c="dimmed" visibleFrom="sm" ml="auto" aria-hidden="true">
            Enter ↵
          </Text>
        </Group>
      </Link>
    </Paper>
  )
}
