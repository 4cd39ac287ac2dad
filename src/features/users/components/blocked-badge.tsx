import { Tag } from '@/components/tag'

/** "Blocked": a small red tag beside a blocked user's name. */
export function BlockedBadge() {
  return <Tag color="red">Blocked</Tag>
}
