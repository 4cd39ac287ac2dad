import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { FilterBox } from '@/components/filter-box'
import { AccessReviewPanel } from '../access-review/components/access-review-panel'
import { MembershipsReviewTable } from '../access-review/components/memberships-review-table'
import { CompareWithEarlier } from '../access-review/components/compare-with-earlier'
import { useUserAccessReview } from '../access-review/use-user-access-review'
import { Freshness } from '@/components/freshness'
import { useManagementApi } from '@/features/auth/management-api-context'
import type { User } from '@/lib/management-api/schemas'
import { quoted } from '@/lib/format'
import { nextSort } from '@/lib/table-sort'
import { useUrlTableState } from '@/lib/use-url-table-state'
import { organizationQueries } from '../api'
import { MEMBERSHIPS_LAG_NOTE, type Memberships } from '../memberships'
import {
  filterOrganizations,
  ORGANIZATION_SORT_COLUMNS,
  sortOrganizations,
  type SortColumn,
} from '../organization-list'
import { useListWatch } from '../use-list-watch'
import { LoadAllRoles } from './load-all-roles'
import { ListLoadProblems } from './load-stopped'
import { MembershipsExportMenu } from './memberships-export-menu'
import { ListProgress, ListSummary } from './list-summary'
import { OrganizationsTable } from './organizations-table'

export interface UserMembershipsProps {
  /** The real (decoded) user id. */
  userId: string
  /**
   * The user's record, once known: exports name the email beside the id, with the account
   * context a reviewer weighs (last login, blocked, connection).
   */
  user?: User | undefined
  onBackToSearch: () => void
  /**
   * A failure the page already shows above, whose "Try again" retries this list too: when this
   * list failed for the same cause, it says so in a line instead of a second alert.
   */
  shownAbove?: unknown
}

/**
 * Every organization a user belongs to: loaded page by page into a virtualized table that can be
 * filtered and sorted in memory, with the total, the API's 1000 cap, loading progress and any
 * failure (through the one ApiErrorAlert) spelled out. A load never stops silently: a slow
 * answer says so, and one that stops (no answer for 15 s, or cancelled) offers to resume.
 */
export function UserMemberships({
  userId,
  user,
  onBackToSearch,
  shownAbove,
}: UserMembershipsProps) {
  const api = useManagementApi()
  const queryClient = useQueryClient()
  const query = useQuery(organizationQueries.forUser(api, userId))
  const memberships = query.data
  const fetching = query.isFetching
  const watch = useListWatch(query)
  const { finalFailure, stop, stalled } = watch
  // A complete list stays on screen while it is fetched again (api.ts); the roles in view are
  // looked up again with it.
  const refresh = () => {
    void query.refetch()
    void queryClient.invalidateQueries({ queryKey: organizationQueries.memberRolesOf(userId) })
  }

  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h4">
        Organizations
      </Title>
      <ListLoadProblems
        query={query}
        watch={watch}
        plural="organizations"
        shownAbove={shownAbove}
        subject={{ userId }}
        onBackToSearch={onBackToSearch}
      />
      {memberships && memberships.loadedCount > 0 ? (
        <MembershipsView
          userId={userId}
          user={user}
          memberships={memberships}
          stalled={stalled}
          freshness={
            <Freshness
              updatedAt={query.dataUpdatedAt}
              refreshing={fetching}
              onRefresh={refresh}
              note={MEMBERSHIPS_LAG_NOTE}
            />
          }
        />
      ) : memberships?.complete ? (
        <NoMemberships />
      ) : (
        !finalFailure && !stop && <MembershipsSkeleton />
      )}
    </Stack>
  )
}

function MembershipsView({
  userId,
  user,
  memberships,
  stalled,
  freshness,
}: {
  userId: string
  user: User | undefined
  memberships: Memberships
  stalled: boolean
  freshness: ReactNode
}) {
  // In the query string, so a reload or a shared link shows the same rows.
  const {
    filter: filterText,
    setFilter: setFilterText,
    applied: filter,
    catchingUp,
    sort,
    setSort,
  } = useUrlTableState(ORGANIZATION_SORT_COLUMNS)
  const matching = useMemo(
    () => filterOrganizations(memberships.items, filter),
    [memberships.items, filter],
  )
  const rows = useMemo(() => sortOrganizations(matching, sort), [matching, sort])
  const roleLookups = useMemo(
    () => memberships.items.map((organization) => ({ userId, organizationId: organization.id })),
    [memberships.items, userId],
  )
  const onSort = (column: SortColumn) => setSort(nextSort(sort, column))
  const review = useUserAccessReview({ userId, user, memberships, rows, filter })
  const scrollResetKey = `${filter}\u0000${sort?.column ?? ''}\u0000${sort?.direction ?? ''}`

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0}>
          <ListSummary
            list={memberships}
            one="organization"
            records="memberships"
            filter={filter}
            matchingCount={matching.length}
          />
          {freshness}
        </Stack>
        <FilterBox value={filterText} onChange={setFilterText} placeholder="Name, id or metadata" />
      </Group>
      {/* A row of its own: after a download it grows the file name and its SHA-256. */}
      <MembershipsExportMenu
        subject={{
          userId,
          email: user?.email,
          lastLogin: user?.last_login,
          blocked: user?.blocked,
          // The primary identity's: the one the user signs in with unless accounts are linked.
          connection: user?.identities?.[0]?.connection,
        }}
        memberships={memberships}
        stalled={stalled}
        rows={rows}
        filter={filter}
        sort={sort}
        catchingUp={catchingUp}
      />
      {/* Roles are looked up as rows come into view (and only once the list is complete): this
          says whether the export will have every row's roles, and loads the rest on request. */}
      {memberships.complete && <LoadAllRoles memberships={roleLookups} />}
      <AccessReviewPanel {...review.panel} />
      {!memberships.complete && <ListProgress list={memberships} stalled={stalled} />}
      {rows.length > 0 && review.review ? (
        <MembershipsReviewTable
          organizations={rows}
          sort={sort}
          onSort={onSort}
          scrollResetKey={scrollResetKey}
          userId={userId}
          decisions={review.review.decisions}
          own={review.own}
          onDecide={(organizationId, choice) => review.panel.state.decide([organizationId], choice)}
        />
      ) : rows.length > 0 ? (
        <OrganizationsTable
          organizations={rows}
          sort={sort}
          onSort={onSort}
          scrollResetKey={scrollResetKey}
          userId={userId}
          rolesEnabled={memberships.complete}
        />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs" align="center">
            <Text style={{ overflowWrap: 'anywhere' }}>
              {`No organizations match ${quoted(filter)}`}
            </Text>
            <Button size="xs" variant="light" onClick={() => setFilterText('')}>
              Clear filter
            </Button>
          </Stack>
        </Paper>
      )}
      <CompareWithEarlier
        subject={{ kind: 'user', userId }}
        current={review.currentList}
        list={memberships}
      />
    </Stack>
  )
}

function NoMemberships() {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={4} align="center">
        <Text fw={600}>No organizations</Text>
        <Text size="sm" c="dimmed">
          This user is not a member of any organization.
        </Text>
      </Stack>
    </Paper>
  )
}

/** The table's footprint while the first page loads, so the page does not jump. */
function MembershipsSkeleton() {
  return (
    <Stack gap={8} role="status" aria-label="Loading organizations">
      <Skeleton height={16} width={160} />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} height={40} />
      ))}
    </Stack>
  )
}
