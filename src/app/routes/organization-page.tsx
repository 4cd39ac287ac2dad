import { Alert, Anchor, Code, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useLocation, useParams } from 'wouter'
import { ApiErrorAlert, SignInAgainFailure } from '@/components/api-error-alert'
import { BackToSearch } from '@/components/back-to-search'
import { useManagementApi } from '@/features/auth/management-api-context'
import { displayNameOf, organizationQueries } from '@/features/organizations/api'
import { OrganizationMembers } from '@/features/organizations/components/organization-members'
import {
  OrganizationSummary,
  OrganizationSummarySkeleton,
} from '@/features/organizations/components/organization-summary'
import { isManagementApiError } from '@/lib/management-api/errors'
import { decodePathSegment, toSearch } from '@/lib/routes'
import { useFocusPageHeading } from '../use-focus-page-heading'

/**
 * `/organizations/:organizationId`: who is in an organization, and with which roles. The param
 * arrives still percent-encoded and is decoded exactly once here.
 */
export default function OrganizationPage() {
  const { organizationId: raw = '' } = useParams<{ organizationId: string }>()
  const organizationId = decodePathSegment(raw)
  return (
    <Stack gap="lg">
      <BackToSearch href={toSearch()} />
      {organizationId.ok ? (
        <Organization key={organizationId.value} organizationId={organizationId.value} />
      ) : (
        <>
          <title>Organization · Orgscope</title>
          <Alert color="red" title="This link does not name a valid organization id">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                The address contains <Code>{organizationId.raw}</Code>, which is not a correctly
                encoded organization id. It may have been cut off or edited by hand.
              </Text>
              <Link href={toSearch()} asChild>
                <Anchor size="sm">Find the organization with search</Anchor>
              </Link>
            </Stack>
          </Alert>
        </>
      )}
    </Stack>
  )
}

function Organization({ organizationId }: { organizationId: string }) {
  const api = useManagementApi()
  const query = useQuery(organizationQueries.detail(api, organizationId))
  const queryClient = useQueryClient()
  const [, navigate] = useLocation()
  const onBackToSearch = () => navigate(toSearch())
  // One cause, one alert: the header's "Try again" retries every request of the page that failed.
  const retryFailed = () =>
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (each) => each.state.status === 'error',
    })
  const organization = query.data
  useFocusPageHeading(organization !== undefined || query.error !== null)

  return (
    <>
      <title>{`${organization ? `${displayNameOf(organization)} · ` : ''}Members · Orgscope`}</title>
      <SignInAgainFailure />
      {organization ? (
        <OrganizationSummary organization={organization} />
      ) : query.error ? (
        <Stack gap="sm">
          <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {organizationId}
          </Title>
          <ApiErrorAlert
            error={query.error}
            onRetry={retryFailed}
            onBackToSearch={onBackToSearch}
            organizationId={organizationId}
          />
        </Stack>
      ) : (
        <OrganizationSummarySkeleton />
      )}
      {/* The id itself (400, 404) or the session (401) was refused: the members request would
          only repeat the same answer. */}
      {!refusesOrganization(query.error) && (
        <OrganizationMembers
          organizationId={organizationId}
          organizationName={organization?.name}
          shownAbove={query.error ?? undefined}
          onBackToSearch={onBackToSearch}
        />
      )}
    </>
  )
}

function refusesOrganization(error: unknown): boolean {
  return isManagementApiError(error) && [400, 401, 404].includes(error.status ?? 0)
}
