import { Group, Paper, Skeleton, Stack } from '@mantine/core'
import type { User } from '@/lib/management-api/schemas'
import { RESULT_DIVIDER } from '@/components/search-keyboard'
import { SearchResultItem } from './search-result-item'

export interface SearchResultsProps {
  id: string
  users: readonly User[]
  /** Older results on screen while newer ones load: dimmed and marked busy. */
  stale: boolean
  onResultIntent?: (userId: string) => void
}

export function SearchResults({ id, users, stale, onResultIntent }: SearchResultsProps) {
  return (
    <Paper withBorder p={4}>
      <ul
        id={id}
        aria-label="Search results"
        aria-busy={stale}
        // Older results while newer ones load: still readable, visibly out of date.
        style={{ listStyle: 'none', margin: 0, padding: 0, opacity: stale ? 0.55 : 1 }}
      >
        {users.map((user, index) => (
          <li key={user.user_id} style={index > 0 ? RESULT_DIVIDER : undefined}>
            <SearchResultItem user={user} onIntent={onResultIntent} />
          </li>
        ))}
      </ul>
    </Paper>
  )
}

/** The first answer is on its way: rows shaped like results, so nothing jumps when they land. */
export function SearchResultsSkeleton() {
  return (
    <Paper withBorder p="sm" role="status" aria-label="Loading results">
      <Stack gap="md">
        {Array.from({ length: 4 }, (_, index) => (
          <Group key={index} gap="sm" wrap="nowrap" align="flex-start">
            <Skeleton circle height={36} />
            <Stack gap={6} style={{ flex: 1 }}>
              <Skeleton height={12} width="35%" />
              <Skeleton height={10} width="55%" />
              <Skeleton height={8} width="75%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
