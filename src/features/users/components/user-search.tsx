import { Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { ApiErrorAlert, SignInAgainFailure } from '@/components/api-error-alert'
import { Freshness } from '@/components/freshness'
import { useManagementApi } from '@/features/auth/management-api-context'
import { toUserOrganizations } from '@/lib/routes'
import { DEFAULT_SEARCH_PER_PAGE, userQueries } from '../api'
import { readSearchInput, toUserSearchQuery } from '../search-query'
import { useSearchRoute } from '../use-search-route'
import { SearchBox } from './search-box'
import { SearchEmpty } from './search-empty'
import { RecentlyViewedUsers } from './recently-viewed-users'
import { SearchIdle } from './search-idle'
import { enterResults, moveWithinResults } from './search-keyboard'
import { SearchResults, SearchResultsSkeleton } from './search-results'
import { describeSearched, reachablePages, SearchPager, SearchSummary } from './search-summary'
import { UserIdShortcut } from './user-id-shortcut'

export interface UserSearchProps {
  /**
   * Hover or keyboard focus on a result (or the user-id shortcut): the admin is about to open
   * that user. The page uses it to prefetch the user's memberships; the search knows nothing of
   * organizations.
   */
  onResultIntent?: (userId: string) => void
}

/** The first answer for a query is not there yet: skeleton rows, or why it is waiting. */
function SearchPending({ offline }: { offline: boolean }) {
  if (!offline) return <SearchResultsSkeleton />
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        You are offline. The search runs as soon as the connection is back.
      </Text>
    </Paper>
  )
}

/** Since when the results on screen are from: kept across queries for the "stale" note. */
function useLastFreshAt(dataUpdatedAt: number, isPlaceholderData: boolean): number {
  const [lastFreshAt, setLastFreshAt] = useState(dataUpdatedAt)
  if (!isPlaceholderData && dataUpdatedAt > lastFreshAt) setLastFreshAt(dataUpdatedAt)
  return lastFreshAt
}

/**
 * Find a user: one box (plain text, an email, a user id, or raw Lucene behind "Advanced"), the
 * results as links to each user's organizations, and every failure through ApiErrorAlert. The
 * query lives in the URL (`useSearchRoute`), the results in the query cache.
 */
export function UserSearch({ onResultIntent }: UserSearchProps) {
  const api = useManagementApi()
  const search = useSearchRoute()
  const inputRef = useRef<HTMLInputElement>(null)
  const resultsAreaRef = useRef<HTMLDivElement>(null)
  const resultsId = useId()

  const lucene = search.advanced ? search.q.trim() : toUserSearchQuery(search.q)
  const query = useQuery(
    userQueries.search(api, { q: lucene, page: search.page, perPage: DEFAULT_SEARCH_PER_PAGE }),
  )
  const lastFreshAt = useLastFreshAt(query.dataUpdatedAt, query.isPlaceholderData)

  // Read from what is typed, not the debounced URL: a pasted id opens on Enter at once.
  const typed = readSearchInput(search.text)
  const shortcutUserId = !search.advanced && typed.kind === 'user-id' ? typed.userId : undefined

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (enterResults(event, resultsAreaRef.current)) return
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (shortcutUserId !== undefined) search.leaveTo(toUserOrganizations(shortcutUserId))
    else search.searchNow()
  }

  // While react-query retries (a 429 waiting for its reset, a 5xx backing off), `error` is still
  // null and `failureReason` holds the failure: show it then too, with its countdown.
  const failure = query.error ?? query.failureReason
  const page = query.data
  const pages = page ? reachablePages(page.total, DEFAULT_SEARCH_PER_PAGE) : 0
  const staleSince = failure && page && lastFreshAt > 0 ? new Date(lastFreshAt) : undefined
  const hasResults = page !== undefined && page.users.length > 0
  // Only for the answer on screen: while the previous results stand in for a new search, they
  // are not the users "with an email at" the new text.
  const searched =
    search.advanced || query.isPlaceholderData
      ? undefined
      : describeSearched(readSearchInput(search.q))

  return (
    <Stack gap="md">
      <SearchBox
        ref={inputRef}
        value={search.text}
        onChange={search.setText}
        advanced={search.advanced}
        onAdvancedChange={search.setAdvanced}
        onKeyDown={onInputKeyDown}
        resultsId={hasResults ? resultsId : undefined}
      />

      <SignInAgainFailure />
      {lucene !== '' && failure != null && (
        <ApiErrorAlert
          error={failure}
          onRetry={() => void query.refetch()}
          staleSince={staleSince}
        />
      )}

      <div ref={resultsAreaRef} onKeyDown={(event) => moveWithinResults(event, inputRef.current)}>
        <Stack gap="sm">
          {shortcutUserId !== undefined && (
            <UserIdShortcut
              userId={shortcutUserId}
              onOpen={search.searchNow}
              onIntent={onResultIntent}
            />
          )}
          {lucene === '' ? (
            <>
              <RecentlyViewedUsers />
              <SearchIdle onPick={search.fill} />
            </>
          ) : page ? (
            <>
              <SearchSummary
                total={page.total}
                page={search.page}
                pages={pages}
                perPage={DEFAULT_SEARCH_PER_PAGE}
                count={page.users.length}
                fetching={query.isFetching}
                searched={searched}
                onPage={search.setPage}
              />
              {!query.isPlaceholderData && (
                <Freshness
                  updatedAt={query.dataUpdatedAt}
                  refreshing={query.isFetching}
                  onRefresh={() => void query.refetch()}
                />
              )}
              {page.users.length > 0 ? (
                <>
                  <SearchResults
                    id={resultsId}
                    users={page.users}
                    stale={query.isPlaceholderData || failure != null}
                    onResultIntent={onResultIntent}
                  />
                  {page.users.length > 5 && (
                    <SearchPager page={search.page} pages={pages} onPage={search.setPage} />
                  )}
                </>
              ) : (
                <SearchEmpty
                  text={search.q}
                  advanced={search.advanced}
                  pastTheEnd={page.total > 0}
                  onFirstPage={() => search.setPage(0)}
                  onPick={search.fill}
                />
              )}
            </>
          ) : (
            // No answer yet: the alert above speaks for a failure; otherwise it is on its way.
            failure == null && <SearchPending offline={query.fetchStatus === 'paused'} />
          )}
        </Stack>
      </div>
    </Stack>
  )
}
