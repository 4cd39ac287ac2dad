import { Text } from '@mantine/core'
import type { User } from '@/lib/management-api/schemas'
import { formatDateTime, formatRelativeTime } from '@/lib/relative-time'
import { parseApiDate } from '../user-facts'
import { useNow } from '@/lib/use-now'

/**
 * "Last login 3 days ago", with the exact time as a tooltip and `<time dateTime>`; `withAbsolute`
 * also writes it out (on touch screens a tooltip is out of reach). Absent `last_login` means the
 * user never signed in (docs/auth0-api.md), which is worth saying rather than hiding.
 */
export function LastLogin({ user, withAbsolute = false }: { user: User; withAbsolute?: boolean }) {
  const now = useNow()
  const date = parseApiDate(user.last_login)
  if (!date) {
    return (
      <Text span size="xs" c="dimmed">
        Never logged in
      </Text>
    )
  }
  const absolute = formatDateTime(date)
  return (
    <Text span size="xs" c="dimmed">
      Last login{' '}
      <time dateTime={date.toISOString()} title={absolute}>
        {formatRelativeTime(date, now)}
      </time>
      {withAbsolute && ` (${absolute})`}
    </Text>
  )
}
