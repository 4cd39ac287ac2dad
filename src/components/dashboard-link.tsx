import { Anchor } from '@mantine/core'
import { ExternalIcon } from './line-icon'

/** "Open in Auth0 Dashboard", where the record can be changed, in a new tab. */
export function DashboardLink({ href }: { href: string }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" w="fit-content">
      Open in Auth0 Dashboard <ExternalIcon size={12} />
    </Anchor>
  )
}
