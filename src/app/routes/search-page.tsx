import { Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useManagementApi } from '@/features/auth/management-api-context'
import { organizationQueries } from '@/features/organizations/api'
import { OrganizationSearchResults } from '@/features/organizations/components/organization-search-results'
import { UserSearch } from '@/features/users/components/user-search'

/**
 * How long the pointer (or focus) rests on a result before its memberships are prefetched. A
 * user can have 20 pages of them: sweeping the mouse across a list, or arrowing through it, must
 * not spend the tenant's rate limit on every user passed over.
 */
const PREFETCH_DWELL_MS = 200

/** `prefetch` for the last result the admin rested on, once they have rested there long enough. */
function useDwellThen(prefetch: (userId: string) => void): (userId: string) => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return (userId) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => prefetch(userId), PREFETCH_DWELL_MS)
  }
}

/**
 * `/`: find a user, or an organization (the page puts the organizations the text names beside
 * the users: the users feature knows nothing of them). Resting on a result (hover or focus) starts loading that user's memberships,
 * so the table is often ready by the time the click lands. The page wires it because the users
 * feature must not know about organizations.
 */
export default function SearchPage() {
  const api = useManagementApi()
  const queryClient = useQueryClient()
  const prefetchMemberships = useDwellThen(
    (userId) => void queryClient.prefetchQuery(organizationQueries.forUser(api, userId)),
  )

  return (
    <Stack gap="md" maw={760}>
      <title>Find a user · Orgscope</title>
      <Stack gap={2}>
        <Title order={1}>Find a user</Title>
        <Text c="dimmed" size="sm">
          Search by email, name or user id to see their organizations, or find an organization by
          its name or id.
        </Text>
      </Stack>
      <UserSearch
        onResultIntent={prefetchMemberships}
        alsoFound={(text) => <OrganizationSearchResults text={text} />}
      />
    </Stack>
  )
}
