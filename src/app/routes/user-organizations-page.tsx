import { Alert, Anchor, Code, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useLocation, useParams } from 'wouter'
import { useHistoryState } from 'wouter/use-browser-location'
import { ApiErrorAlert, SignInAgainFailure } from '@/components/api-error-alert'
import { DashboardLink } from '@/components/dashboard-link'
import { BackToSearch } from '@/components/back-to-search'
import { useManagementApi } from '@/features/auth/management-api-context'
import { UserMemberships } from '@/features/organizations/components/user-memberships'
import { userQueries } from '@/features/users/api'
import { UserSummary, UserSummarySkeleton } from '@/features/users/components/user-summary'
import { rememberViewedUser } from '@/features/users/recently-viewed'
import { displayNameOf } from '@/features/users/user-facts'
import { dashboardUserUrl } from '@/lib/auth0-dashboard'
import { isManagementApiError } from '@/lib/management-api/errors'
import type { User } from '@/lib/management-api/schemas'
import { decodePathSegment, toSearch } from '@/lib/routes'
import { useTenant } from '@/lib/tenant'
import { useFocusPageHeading } from '../use-focus-page-heading'

/**
 * `/users/:userId/organizations`. The param arrives still percent-encoded (see `location.ts`) and
 * is decoded exactly once here; the features below only ever see the real user id.
 */
export default function UserOrganizationsPage() {
  const { userId: rawUserId = '' } = useParams<{ userId: string }>()
  const userId = decodePathSegment(rawUserId)
  const backHref = searchHrefFrom(useHistoryState<unknown>())

  return (
    <Stack gap="lg">
      <BackToSearch href={backHref} />
      {userId.ok ? (
        <UserOrganizations userId={userId.value} />
      ) : (
        <>
          <title>Organizations · Orgscope</title>
          <Alert color="red" title="This link does not name a valid user id">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                The address contains <Code>{userId.raw}</Code>, which is not a correctly encoded
                user id. It may have been cut off or edited by hand.
              </Text>
              <Link href={toSearch()} asChild>
                <Anchor size="sm">Find the user with search</Anchor>
              </Link>
            </Stack>
          </Alert>
        </>
      )}
    </Stack>
  )
}

function UserOrganizations({ userId }: { userId: string }) {
  const api = useManagementApi()
  const userQuery = useQuery(userQueries.detail(api, userId))
  const [, navigate] = useLocation()
  const queryClient = useQueryClient()
  // One cause, one alert: the header's "Try again" retries every request of the page that
  // failed (the user, the list, roles), not only the user's own.
  const retryFailed = () =>
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (query) => query.state.status === 'error',
    })
  const onBackToSearch = () => navigate(toSearch())
  const user = userQuery.data
  // The heading names the user once their record (or its failure) is in.
  useFocusPageHeading(user !== undefined || userQuery.error !== null)
  // Only a user who exists joins "Recently viewed": a 404 or a typo is not worth going back to.
  useEffect(() => {
    if (user) rememberViewedUser(user.user_id)
  }, [user])

  return (
    <>
      <title>{`${user ? `${displayNameOf(user)} · ` : ''}Organizations · Orgscope`}</title>
      <SignInAgainFailure />
      <UserHeader
        userId={userId}
        query={userQuery}
        onRetry={retryFailed}
        onBackToSearch={onBackToSearch}
      />
      {/* The user id itself (400, 404) or the session (401) was refused: the memberships
          request would only repeat the same answer below the first one. */}
      {!refusesUserId(userQuery.error) && (
        // Keyed: filter and sort belong to one user's list, not to the next user's.
        <UserMemberships
          key={userId}
          userId={userId}
          user={user}
          shownAbove={userQuery.error ?? undefined}
          onBackToSearch={onBackToSearch}
        />
      )}
    </>
  )
}

function UserHeader({
  userId,
  query,
  onRetry,
  onBackToSearch,
}: {
  userId: string
  query: UseQueryResult<User>
  onRetry: () => void
  onBackToSearch: () => void
}) {
  if (query.data) {
    return (
      <Stack gap="xs">
        <UserSummary user={query.data} titleOrder={1} />
        <UserDashboardLink userId={userId} />
      </Stack>
    )
  }
  if (!query.error) return <UserSummarySkeleton />
  return (
    <Stack gap="sm">
      <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
        {userId}
      </Title>
      <ApiErrorAlert
        error={query.error}
        onRetry={onRetry}
        onBackToSearch={onBackToSearch}
        userId={userId}
      />
    </Stack>
  )
}

/** The user in the Auth0 Dashboard, where they can be changed; left out when its address is unknown. */
function UserDashboardLink({ userId }: { userId: string }) {
  const { dashboardUrl } = useTenant()
  if (!dashboardUrl) return null
  return <DashboardLink href={dashboardUserUrl(dashboardUrl, userId)} />
}

function refusesUserId(error: unknown): boolean {
  return isManagementApiError(error) && [400, 401, 404].includes(error.status ?? 0)
}

/**
 * Where "Back to search" goes: the search the admin came from, when the page that linked here
 * left it in the history entry's state (`{ searchHref: '/?q=…' }`), else a fresh search. Only a
 * path on the search route is followed.
 */
function searchHrefFrom(state: unknown): string {
  const href =
    typeof state === 'object' && state !== null && 'searchHref' in state
      ? state.searchHref
      : undefined
  return typeof href === 'string' && (href === toSearch() || href.startsWith(`${toSearch()}?`))
    ? href
    : toSearch()
}
