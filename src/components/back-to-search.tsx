import { Anchor } from '@mantine/core'
import { Link } from 'wouter'
import { LineIcon } from './line-icon'

/** "Back to search", above a user's or an organization's page: to `href`, a search route. */
export function BackToSearch({ href }: { href: string }) {
  return (
    <Link href={href} asChild>
      <Anchor size="sm" w="fit-content">
        <LineIcon style={{ marginInlineEnd: 4, verticalAlign: '-2px' }}>
          <path d="M19 12H5" />
          <path d="m12 19-7-7 7-7" />
        </LineIcon>
        Back to search
      </Anchor>
    </Link>
  )
}
