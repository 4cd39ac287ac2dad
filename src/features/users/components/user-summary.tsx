import { Code, Group, Stack, Text, Title } from '@mantine/core'
import { SummarySkeleton } from '@/components/summary-skeleton'
import type { User } from '@/lib/management-api/schemas'
import { connectionLabelOf, displayNameOf } from '../user-facts'
import { BlockedBadge } from './blocked-badge'
import { CopyUserIdButton } from './copy-user-id-button'
import { LastLogin } from './last-login'
import { UserAvatar } from './user-avatar'

export interface UserSummaryProps {
  user: User
  /** Heading level of the name: 1 when the summary heads a page, 2 (default) inside one. */
  titleOrder?: 1 | 2 | 3
}

const AVATAR_SIZE = 56

/**
 * A compact header for one user: who they are (avatar, name, email), the exact id to copy, how
 * they sign in and when they last did, and whether they are blocked. Every tenant string is
 * rendered as text.
 */
export function UserSummary({ user, titleOrder = 2 }: UserSummaryProps) {
  const name = displayNameOf(user)
  const connection = connectionLabelOf(user)
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <UserAvatar user={user} size={AVATAR_SIZE} />
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Group gap="xs" wrap="wrap">
          <Title order={titleOrder} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          {user.blocked && <BlockedBadge />}
        </Group>
        {user.email && user.email !== name && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
            {user.email_verified === false && (
              <Text span size="xs" c="dimmed">
                {' '}
                (unverified)
              </Text>
            )}
          </Text>
        )}
        <Group gap={4} wrap="nowrap" align="center">
          <Code style={{ overflowWrap: 'anywhere' }}>{user.user_id}</Code>
          <CopyUserIdButton userId={user.user_id} />
        </Group>
        <Text size="xs" c="dimmed">
          {connection && <>{connection} · </>}
          <LastLogin user={user} withAbsolute />
        </Text>
      </Stack>
    </Group>
  )
}

/** The same footprint while the user loads, so the page does not jump when it arrives. */
export function UserSummarySkeleton() {
  return <SummarySkeleton label="Loading user" />
}
