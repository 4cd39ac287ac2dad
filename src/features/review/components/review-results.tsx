import { Group, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { memo, useMemo } from 'react'
import { ExportMenu, saveExport } from '@/components/export-menu'
import { FilterBox } from '@/components/filter-box'
import { Freshness } from '@/components/freshness'
import {
  AccessReviewPanel,
  cappedListReason,
  cappedListText,
  CompareWithEarlier,
  LoadAllRoles,
  MEMBERSHIPS_LAG_NOTE,
  organizationQueries,
  rolesStateOf,
} from '@/features/organizations/api'
import { useSignedInAdmin } from '@/features/auth/use-signed-in-admin'
import type { ExportFormat } from '@/lib/export/download'
import { formatCount, formatNumber, quoted } from '@/lib/format'
import { nextSort } from '@/lib/table-sort'
import { useTenant } from '@/lib/tenant'
import { useUrlTableState } from '@/lib/use-url-table-state'
import { filterReviewRows } from '../review-filter'
import type { RefusedLine } from '../review-input'
import { REVIEW_SORT_COLUMNS, sortReviewRows, type ReviewSortColumn } from '../review-sort'
import type { ReviewedMemberships, ReviewFailure, ReviewRow } from '../review-state'
import { useBulkAccessReview } from '../use-bulk-access-review'
import { ReviewDecisionsTable } from './review-decisions-table'
import { ReviewFailures } from './review-failures'
import { ReviewTable } from './review-table'
import classes from './review-table.module.css'

export interface ReviewResultsProps {
  entries: readonly string[]
  users: readonly ReviewedMemberships[]
  rows: readonly ReviewRow[]
  failures: readonly ReviewFailure[]
  /** Lines of the list that were not looked up: said here, listed in the export. */
  refused: readonly RefusedLine[]
  /** Entries not reviewed yet (loading, or left by a cancel). */
  unfinished: number
  running: boolean
  onRefresh: () => void
}

/**
 * What the review found: when (with Refresh), one table of user × organization that can be
 * filtered, sorted and exported as evidence, the lists the API's cap cut, and every failed lookup
 * beside. Filter and sort live in the URL (a shared link keeps them); the pasted list never does.
 * A keystroke re-renders this and the table only: the filter is deferred (the box echoes the key
 * first) and the failures list is memoized on its own props. Roles load as rows settle in view,
 * or all at once on request ("Load all roles"), once the review has stopped running; the export
 * has whatever the roles cache holds, and says which rows have none. "Start access review" turns
 * the table into the access review's (a decision per membership), signed off as an evidence pack.
 */
export function ReviewResults({
  entries,
  users,
  rows,
  failures,
  refused,
  unfinished,
  running,
  onRefresh,
}: ReviewResultsProps) {
  const table = useUrlTableState(REVIEW_SORT_COLUMNS)
  // The hook reads the sort from the URL afresh each render: kept by value, so a keystroke does
  // not sort 2,000 rows again.
  const { column, direction } = table.sort ?? {}
  const sort = useMemo(
    () => (column && direction ? { column, direction } : undefined),
    [column, direction],
  )
  const filter = table.applied
  const onSort = (clicked: ReviewSortColumn) => table.setSort(nextSort(sort, clicked))
  const filtered = useMemo(() => filterReviewRows(rows, filter), [rows, filter])
  const shown = useMemo(() => sortReviewRows(filtered, sort), [filtered, sort])
  // Every membership of the review, for "Load all roles" (the whole review, not the filtered rows:
  // the filter box must not decide which rows the next export can have roles for).
  const roleLookups = useMemo(
    () =>
      rows.flatMap(({ user, organization }) =>
        organization ? [{ userId: user.user_id, organizationId: organization.id }] : [],
      ),
    [rows],
  )
  const access = useBulkAccessReview({
    entries,
    users,
    rows,
    shown,
    failures,
    refused,
    unfinished,
    running,
    filter,
  })
  const reviewing = access.review
  // In review mode, memberships only: a user in no organization has nothing to decide.
  const shownMemberships = useMemo(
    () => shown.filter((row) => row.organization !== undefined),
    [shown],
  )
  const scrollResetKey = `${filter}\u0000${column ?? ''}\u0000${direction ?? ''}`
  const queryClient = useQueryClient()
  const tenant = useTenant()
  const exportedBy = useSignedInAdmin()
  // The oldest list on screen: a list reused from the cache can be older than the review.
  const asOf = users.length > 0 ? Math.min(...users.map(({ fetchedAt }) => fetchedAt)) : 0

  const onExport = (format: ExportFormat) =>
    saveExport(async () => {
      const { reviewExportInput } = await import('../review-export')
      return reviewExportInput({
        format,
        tenantDomain: tenant.domain,
        exportedBy,
        generatedAt: new Date(),
        filter,
        rows: shown,
        totalRows: rows.length,
        entries,
        refused,
        users,
        failures,
        unfinished,
        rolesOf: (userId, organizationId) =>
          rolesStateOf(
            queryClient.getQueryState(organizationQueries.memberRolesKey(userId, organizationId)),
          ),
      })
    })

  return (
    <div className={classes.layout} data-with-failures={failures.length > 0 || undefined}>
      {/* A section: what the table, its summary and its filter belong to (the bench's filter
          probe finds the box there). */}
      <Stack component="section" gap="sm" miw={0}>
        <Freshness
          updatedAt={asOf}
          refreshing={running}
          onRefresh={onRefresh}
          note={MEMBERSHIPS_LAG_NOTE}
        />
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Stack gap={2} miw={0}>
            <Text fw={600} size="sm">
              {`${formatCount(rows.length, 'row')} for ${formatCount(users.length, 'user')}`}
            </Text>
            {refused.length > 0 && (
              <Text size="sm" c="dimmed">
                {`${formatCount(refused.length, 'line')} of the list refused: neither a user id nor an email (listed in the export)`}
              </Text>
            )}
            {filter !== '' && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {`Showing ${formatNumber(shown.length)} matching ${quoted(filter)}`}
              </Text>
            )}
            <CappedLists users={users} />
          </Stack>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <FilterBox
              value={table.filter}
              onChange={table.setFilter}
              placeholder="User, organization or entry"
            />
            <ExportMenu onExport={onExport} disabled={rows.length === 0 || table.catchingUp} />
          </Group>
        </Group>
        {/* While the review runs its rows change under it; roles wait until it stops. */}
        {!running && roleLookups.length > 0 && <LoadAllRoles memberships={roleLookups} />}
        {rows.length > 0 && <AccessReviewPanel {...access.panel} />}
        {shown.length > 0 && reviewing ? (
          <ReviewDecisionsTable
            rows={shownMemberships}
            sort={sort}
            onSort={onSort}
            scrollResetKey={scrollResetKey}
            review={reviewing}
            own={access.own}
            hintsOf={access.hintsOf}
            onDecide={(key, choice) => access.panel.state.decide([key], choice)}
          />
        ) : shown.length > 0 ? (
          <ReviewTable
            rows={shown}
            sort={sort}
            onSort={onSort}
            scrollResetKey={scrollResetKey}
            rolesEnabled={!running}
          />
        ) : (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {filter !== '' ? `No rows match ${quoted(filter)}` : 'No memberships loaded yet.'}
          </Text>
        )}
        {rows.length > 0 && (
          <CompareWithEarlier
            subject={COMPARE_SUBJECT}
            current={access.currentList}
            list={access.list}
          />
        )}
      </Stack>
      {failures.length > 0 && <ReviewFailures failures={failures} />}
    </div>
  )
}

const COMPARE_SUBJECT = { kind: 'users' } as const

/** One line per user whose list the API's 1000 cap cut, then why (one tenant, one reason). */
const CappedLists = memo(function CappedLists({
  users,
}: {
  users: readonly ReviewedMemberships[]
}) {
  const capped = users.filter(({ memberships }) => memberships.capped)
  const [first] = capped
  if (!first) return null
  return (
    <>
      {capped.map(({ user, memberships }) => (
        <Text key={user.user_id} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {`${user.email ?? user.user_id}: ${cappedListText(memberships.total)}`}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {cappedListReason(first.memberships.checkpointRefusal)}
      </Text>
    </>
  )
})
