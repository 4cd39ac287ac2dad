import { Avatar, type MantineSize } from '@mantine/core'
import type { User } from '@/lib/management-api/schemas'
import { safeImageUrl } from '@/lib/safe-url'
import { displayNameOf } from '../user-facts'

/**
 * The user's picture when it is an https URL, else initials on a colour derived from the name.
 * Decorative (`alt=""`): the name is always written next to it.
 */
export function UserAvatar({ user, size }: { user: User; size: MantineSize | number }) {
  return (
    <Avatar
      src={safeImageUrl(user.picture)}
      name={displayNameOf(user)}
      color="initials"
      size={size}
      alt=""
      // No Referer to the image host: it would learn which admin looks at which user, and when.
      imageProps={{ referrerPolicy: 'no-referrer' }}
    />
  )
}
