import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Tag } from '@/components/tag'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { Link } from 'wouter'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { RESULT_DIVIDER, RESULT_LINK, SEARCH_ITEM_ATTRIBUTE } from '@/components/search-keyboard'
import classes from '@/components/search-results.module.css'
import { useManagementApi } from '@/features/auth/management-api-context'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import { describeFailure, type FailureDescription } from '@/lib/management-api/describe-failure'
import { listableCount } from '@/lib/management-api/list-load'
import type { Organization } from '@/lib/management-api/schemas'
import { toOrganization } from '@/lib/routes'
import { useTenant } from '@/lib/tenant'
import { organizationQueries } from '../api'
import { cappedListReason } from '../memberships'
import {
  looksLikeOrganizationId,
  matchOrganizations,
  type OrganizationDirectory,
} from '../organization-directory'
import { displayNameOf } from '../organization-list'
import { useListWatch, type ListWatch } from '../use-list-watch'
import { LoadStopped } from './load-stopped'
import { OrganizationLogo } from './organization-logo'

/** More would bury the users' results: typing more of the name narrows the rest. */
const SHOWN_AT_MOST = 20

const WRAP_ANYWHERE = { overflowWrap: 'anywhere' } as const

/** How much of the directory the matches come from, honestly: never "all" before it is. */
function searchedText(list: OrganizationDirectory | undefined, stalled: boolean): string {
  if (!list || (list.loadedCount === 0 && !list.complete)) {
    return stalled ? 'The organizations did not load.' : 'Loading the organizations…'
  }
  const loaded = formatNumber(list.loadedCount)
  if (list.complete && list.capped) {
    const of = list.total === undefined ? '' : ` of ${formatNumber(list.total)}`
    return `Searched only the first ${loaded}${of} organizations, not all: ${cappedListReason(list.checkpointRefusal, 'organizations')}`
  }
  if (list.complete) return `Searched all ${formatCount(list.loadedCount, 'organization')}`
  const listable = listableCount(list)
  const so =
    listable === undefined
      ? `${loaded} organizations so far`
      : `${loaded} of ${formatNumber(listable)} organizations`
  return stalled ? `Searched ${so}; the rest has not loaded.` : `Searched ${so}…`
}

/** One result: a link to the organization, marked as one, named by its display name. */
function OrganizationResultItem({ organization }: { organization: Organization }) {
  const detailsId = useId()
  const name = displayNameOf(organization)
  return (
    <Link
      href={toOrganization(organization.id)}
      className={`${classes.item} mantine-focus-auto`}
      style={RESULT_LINK}
      aria-label={`${name}, organization`}
      aria-describedby={detailsId}
      {...{ [SEARCH_ITEM_ATTRIBUTE]: '' }}
    >
      <OrganizationLogo organization={organization} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text fw={600} size="sm" truncate="end">
            {name}
          </Text>
          <Tag color="grape">Organization</Tag>
        </Group>
        <Text id={detailsId} size="xs" c="dimmed" style={WRAP_ANYWHERE}>
          {organization.name}
          {' · '}
          <Text span ff="monospace" size="xs">
            {organization.id}
          </Text>
        </Text>
      </div>
    </Link>
  )
}

const refusesAccess = (failure: FailureDescription | undefined) =>
  failure?.situation === 'missing-scope' || failure?.situation === 'forbidden'

/**
 * Why organizations are not shown: a missing permission is one line (the users' results above
 * it are unaffected); anything else the one alert, with its retry.
 */
function OrganizationsFailure({
  error,
  failure,
  watch,
  onRetry,
}: {
  error: unknown
  failure: FailureDescription
  watch: ListWatch
  onRetry: () => void
}) {
  if (refusesAccess(failure)) {
    return (
      <Text size="sm" role="status">
        {`Organizations are not searched: ${failure.summary}. ${failure.nextStep}`}
      </Text>
    )
  }
  return <ApiErrorAlert error={error} onRetry={onRetry} retryingAt={watch.retrying?.retryAt} />
}

/**
 * The organizations the search box's text names — by name, display name or id — matched in
 * memory against the tenant's whole list as it loads (Auth0 cannot search organizations), and an
 * `org_…` id looked up at once. Its links carry the search's keyboard attribute, so the arrow
 * keys move through them as through the users.
 */
export function OrganizationSearchResults({ text }: { text: string }) {
  const api = useManagementApi()
  const headingId = useId()
  const id = looksLikeOrganizationId(text) ? text.trim() : undefined
  const directory = useQuery(organizationQueries.directory(api))
  const lookup = useQuery({
    ...organizationQueries.byId(api, id ?? ''),
    enabled: id !== undefined,
  })
  const watch = useListWatch(directory)
  const list = directory.data
  const lookedUp = id === undefined ? undefined : lookup.data
  const matched = useMemo(
    () => matchOrganizations(list?.items ?? [], text, lookedUp),
    [list, text, lookedUp],
  )
  const shown = matched.slice(0, SHOWN_AT_MOST)
  const lookupFailure = id === undefined ? undefined : (lookup.error ?? lookup.failureReason)
  const failure: unknown = watch.failure ?? lookupFailure ?? undefined
  const { mode } = useTenant()
  const description =
    failure === undefined
      ? undefined
      : describeFailure(failure, { mode, scope: 'read:organizations' })
  const refusedAccess = refusesAccess(description)
  const finished = list?.complete === true && (id === undefined || !lookup.isPending)

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group gap="xs" align="baseline">
        <Title order={2} size="h5" id={headingId}>
          Organizations
        </Title>
        {!refusedAccess && (
          <Text size="sm" c="dimmed">
            {formatCount(matched.length, 'match', 'matches')}
            {finished ? '' : ' so far'}
          </Text>
        )}
      </Group>
      {description && (
        <OrganizationsFailure
          error={failure}
          failure={description}
          watch={watch}
          onRetry={() => {
            if (watch.failure !== undefined) watch.resume()
            if (lookupFailure) void lookup.refetch()
          }}
        />
      )}
      {!refusedAccess && (
        <>
          {watch.stop && (
            <LoadStopped
              stop={watch.stop}
              list={list}
              plural="organizations"
              onResume={watch.resume}
            />
          )}
          <Text size="xs" c="dimmed" role="status">
            {searchedText(list, watch.stalled)}
          </Text>
          {shown.length > 0 ? (
            <Paper withBorder p={4}>
              <ul
                aria-label="Organizations found"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
              >
                {shown.map((organization, index) => (
                  <li key={organization.id} style={index > 0 ? RESULT_DIVIDER : undefined}>
                    <OrganizationResultItem organization={organization} />
                  </li>
                ))}
              </ul>
            </Paper>
          ) : (
            finished && <Text size="sm">No organizations match {quoted(text.trim())}</Text>
          )}
          {matched.length > shown.length && (
            <Text size="xs" c="dimmed">
              {`Showing the first ${SHOWN_AT_MOST} of ${formatNumber(matched.length)}; type more of the name to narrow them.`}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}
