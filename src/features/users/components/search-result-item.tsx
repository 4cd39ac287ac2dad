import { Group, Text } from '@mantine/core'
import { useId } from 'react'
import { Link } from 'wouter'
import type { User } from '@/lib/management-api/schemas'
import { toUserOrganizations } from '@/lib/routes'
import { connectionLabelOf, displayNameOf } from '../user-facts'
import { BlockedBadge } from './blocked-badge'
import { LastLogin } from './last-login'
import classes from '@/components/search-results.module.css'
import { UserAvatar } from './user-avatar'
import { RESULT_LINK, SEARCH_ITEM_ATTRIBUTE } from '@/components/search-keyboard'

// Long emails and ids break anywhere rather than widen the page at 375 px.
const WRAP_ANYWHERE = { overflowWrap: 'anywhere' } as const

/** "Jane Acme, jane@acme.com, blocked": what a screen reader (and a test) hears for the link. */
function accessibleNameOf(user: User): string {
  const name = displayNameOf(user)
  const parts = [name]
  if (user.email && user.email !== name) parts.push(user.email)
  if (user.blocked) parts.push('blocked')
  return parts.join(', ')
}

/**
 * One result: a real link to the user's organizations (open in a new tab works), whose name is
 * the person; the id, connection and last login are its description.
 */
export function SearchResultItem({
  user,
  onIntent,
}: {
  user: User
  onIntent: ((userId: string) => void) | undefined
}) {
  const detailsId = useId()
  const name = displayNameOf(user)
  const connection = connectionLabelOf(user)
  const intent = onIntent && (() => onIntent(user.user_id))
  return (
    <Link
      href={toUserOrganizations(user.user_id)}
      className={`${classes.item} mantine-focus-auto`}
      style={RESULT_LINK}
      aria-label={accessibleNameOf(user)}
      aria-describedby={detailsId}
      onMouseEnter={intent}
      onFocus={intent}
      {...{ [SEARCH_ITEM_ATTRIBUTE]: '' }}
    >
      <UserAvatar user={user} size={36} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text fw={600} size="sm" truncate="end">
            {name}
          </Text>
          {user.blocked && <BlockedBadge />}
        </Group>
        {user.email && user.email !== name && (
          <Text size="sm" style={WRAP_ANYWHERE}>
            {user.email}
          </Text>
        )}
        <Text id={detailsId} size="xs" c="dimmed" style={WRAP_ANYWHERE}>
          <Text span ff="monospace" size="xs">
            {user.user_id}
          </Text>
          {connection && <> · {connection}</>}
          {' · '}
          <LastLogin user={user} />
        </Text>
      </div>
    </Link>
  )
}
