import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { FilterBox } from '@/components/filter-box'
import { Freshness } from '@/components/freshness'
import { useManagementApi } from '@/features/auth/management-api-context'
import { quoted } from '@/lib/format'
import { nextSort } from '@/lib/table-sort'
import { useUrlTableState } from '@/lib/use-url-table-state'
import { AccessReviewPanel } from '../access-review/components/access-review-panel'
import { CompareWithEarlier } from '../access-review/components/compare-with-earlier'
import { MembersReviewTable } from '../access-review/components/members-review-table'
import { useOrganizationAccessReview } from '../access-review/use-organization-access-review'
import { organizationQueries } from '../api'
import {
  filterMembers,
  MEMBER_SORT_COLUMNS,
  ROLE_PARAM,
  roleFromParam,
  roleToParam,
  sortMembers,
  type MemberSortColumn,
  type Members,
} from '../members'
import { MEMBERSHIPS_LAG_NOTE } from '../memberships'
import { describeRolesFailure } from '../roles-failure'
import { useListWatch } from '../use-list-watch'
import { ListProgress, ListSummary } from './list-summary'
import { ListLoadProblems } from './load-stopped'
import { MembersExportMenu } from './members-export-menu'
import { MembersTable } from './members-table'
import { RoleFilter } from './role-filter'
import { RolesNotice } from './roles-notice'

export interface OrganizationMembersProps {
  organizationId: string
  /** The organization's name, once known: exports name it beside the id. */
  organizationName: string | undefined
  onBackToSearch: () => void
  /** A failure the page already shows above (the organization's own): said in a line here. */
  shownAbove?: unknown
}

/**
 * Who is in an organization, with which roles: every member, loaded page by page (by checkpoint
 * past 1,000) into a virtualized table that can be filtered by text and by role, and sorted, with
 * counts per role, "As of …" with Refresh, and the list's failures spelled out like the
 * memberships'. Without permission to read roles the members still load, said once above them.
 */
export function OrganizationMembers({
  organizationId,
  organizationName,
  onBackToSearch,
  shownAbove,
}: OrganizationMembersProps) {
  const api = useManagementApi()
  const query = useQuery(organizationQueries.members(api, organizationId))
  const members = query.data
  const watch = useListWatch(query)
  const { finalFailure, stop, stalled } = watch

  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h4">
        Members
      </Title>
      <ListLoadProblems
        query={query}
        watch={watch}
        plural="members"
        shownAbove={shownAbove}
        subject={{ organizationId }}
        onBackToSearch={onBackToSearch}
      />
      {members && members.loadedCount > 0 ? (
        <MembersView
          organizationId={organizationId}
          organizationName={organizationName}
          members={members}
          stalled={stalled}
          freshness={
            <Freshness
              updatedAt={query.dataUpdatedAt}
              refreshing={query.isFetching}
              onRefresh={() => void query.refetch()}
              note={MEMBERSHIPS_LAG_NOTE}
            />
          }
        />
      ) : members?.complete ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap={4} align="center">
            <Text fw={600}>No members</Text>
            <Text size="sm" c="dimmed">
              Nobody belongs to this organization.
            </Text>
          </Stack>
        </Paper>
      ) : (
        !finalFailure &&
        !stop && (
          <Stack gap={8} role="status" aria-label="Loading members">
            <Skeleton height={16} width={160} />
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} height={40} />
            ))}
          </Stack>
        )
      )}
    </Stack>
  )
}

function MembersView({
  organizationId,
  organizationName,
  members,
  stalled,
  freshness,
}: {
  organizationId: string
  organizationName: string | undefined
  members: Members
  stalled: boolean
  freshness: React.ReactNode
}) {
  // In the query string, so a reload or a shared link shows the same rows.
  const table = useUrlTableState(MEMBER_SORT_COLUMNS)
  const { filter: filterText, setFilter: setFilterText, applied: filter, sort } = table
  const role = roleFromParam(table.list(ROLE_PARAM))
  const setRole = (next: string | undefined) => table.setList(ROLE_PARAM, roleToParam(next))
  const matching = useMemo(
    () => filterMembers(members.items, filter, role),
    [members.items, filter, role],
  )
  const rows = useMemo(() => sortMembers(matching, sort), [matching, sort])
  const onSort = (column: MemberSortColumn) => table.setSort(nextSort(sort, column))
  const rolesRefusedFor =
    members.rolesRefusal === undefined
      ? undefined
      : describeRolesFailure(members.rolesRefusal, false).missingScopes
  const filtered = filter !== '' || role !== undefined
  const review = useOrganizationAccessReview({
    organizationId,
    organizationName,
    members,
    rows,
    filter,
    role,
  })
  const scrollResetKey = `${filter}\u0000${role ?? ''}\u0000${sort?.column ?? ''}\u0000${sort?.direction ?? ''}`
  const rolesRefusedText = rolesRefusedFor?.join(' or ')

  return (
    <Stack gap="sm">
      {rolesRefusedFor && <RolesNotice scopes={rolesRefusedFor} />}
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0}>
          <ListSummary
            list={members}
            one="member"
            records="members"
            filter={filter}
            matchingCount={matching.length}
          />
          {freshness}
        </Stack>
        <FilterBox
          value={filterText}
          onChange={setFilterText}
          placeholder="Name, email, id or role"
        />
      </Group>
      {!rolesRefusedFor && (
        <RoleFilter
          members={members.items}
          role={role}
          onChange={setRole}
          complete={members.complete}
        />
      )}
      <MembersExportMenu
        organizationId={organizationId}
        organizationName={organizationName}
        members={members}
        stalled={stalled}
        rows={rows}
        filter={filter}
        role={role}
        sort={sort}
        catchingUp={table.catchingUp}
      />
      <AccessReviewPanel {...review.panel} />
      {!members.complete && <ListProgress list={members} stalled={stalled} />}
      {rows.length > 0 && review.review ? (
        <MembersReviewTable
          members={rows}
          sort={sort}
          onSort={onSort}
          scrollResetKey={scrollResetKey}
          rolesRefusedFor={rolesRefusedText}
          decisions={review.review.decisions}
          own={review.own}
          onDecide={(userId, choice) => review.panel.state.decide([userId], choice)}
        />
      ) : rows.length > 0 ? (
        <MembersTable
          members={rows}
          sort={sort}
          onSort={onSort}
          scrollResetKey={scrollResetKey}
          rolesRefusedFor={rolesRefusedText}
        />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs" align="center">
            <Text style={{ overflowWrap: 'anywhere' }}>
              {filter === '' ? 'No members hold this role' : `No members match ${quoted(filter)}`}
            </Text>
            {filtered && (
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  setFilterText('')
                  setRole(undefined)
                }}
              >
                Clear filters
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      <CompareWithEarlier
        subject={{ kind: 'organization', organizationId }}
        current={review.currentList}
        list={members}
      />
    </Stack>
  )
}
