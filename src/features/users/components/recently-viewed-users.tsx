import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { Link } from 'wouter'
import { useManagementApi } from '@/features/auth/management-api-context'
import { toUserOrganizations } from '@/lib/routes'
import { userQueries } from '../api'
import { forgetViewedUsers, useRecentlyViewedUserIds } from '../recently-viewed'
import { displayNameOf } from '../user-facts'

/**
 * The users opened in this tab, for support staff going back and forth between a few customers.
 * Names come from the query cache when it still holds the user (no request is made for them);
 * otherwise the id, which is all that is stored.
 */
export function RecentlyViewedUsers() {
  const ids = useRecentlyViewedUserIds()
  const api = useManagementApi()
  const queryClient = useQueryClient()
  const headingId = useId()
  if (ids.length === 0) return null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text id={headingId} size="sm" fw={600}>
            Recently viewed
          </Text>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={forgetViewedUsers}>
            Clear
          </Button>
        </Group>
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {ids.map((id) => {
            const user = queryClient.getQueryData(userQueries.detail(api, id).queryKey)
            const name = user ? displayNameOf(user) : undefined
            return (
              <Text component="li" key={id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Link href={toUserOrganizations(id)} asChild>
                  <Anchor size="sm">{name ?? id}</Anchor>
                </Link>
                {name !== undefined && name !== id && (
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {' '}
                    {id}
                  </Text>
                )}
              </Text>
            )
          })}
        </Stack>
      </Stack>
    </Paper>
  )
}
