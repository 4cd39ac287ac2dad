import { Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useManagementApi } from '@/features/auth/management-api-context'
import { organizationQueries } from '@/features/organizations/api'
import { UserSearch } from '@/features/users/components/user-search'

/**
 * `/`: find a user. Hovering or focusing a result starts loading that user's memberships, so the
 * table is often ready by the time the click lands. The page wires it because the users feature
 * must not know about organizations.
 */
export default function SearchPage() {
  const api = useManagementApi()
  const queryClient = useQueryClient()
  const prefetchMemberships = (userId: string) =>
    void queryClient.prefetchQuery(organizationQueries.forUser(api, userId))

  return (
    <Stack gap="md" maw={760}>
      <title>Find a user · Orgscope</title>
      <Stack gap={2}>
        <Title order={1}>Find a user</Title>
        <Text c="dimmed" size="sm">
          Search by email, name or user id to see their organizations.
        </Text>
      </Stack>
      <UserSearch onResultIntent={prefetchMemberships} />
    </Stack>
  )
}
