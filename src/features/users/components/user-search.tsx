import { Paper, Stack, Text } from '@mantine/core'
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { ApiErrorAlert, SignInAgainFailure } from '@/components/api-error-alert'
import { Freshness } from '@/components/freshness'
import { useManagementApi } from '@/features/auth/management-api-context'
import { toUserOrganizations } from '@/lib/routes'
import { DEFAULT_SEARCH_PER_PAGE } from '../api'
import { readSearchInput } from '../search-query'
import { useFoundUsers } from '../use-found-users'
import { useSearchRoute } from '../use-search-route'
import { SearchBox } from './search-box'
import { SearchEmpty } from './search-empty'
import { RecentlyViewedUsers } from './recently-viewed-users'
import { SearchIdle } from './search-idle'
import { enterResults, moveWithinResults } from '@/components/search-keyboard'
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
  /**
   * What else the box finds for plain text (the page adds organizations), shown after the users
   * inside the results, so the arrow keys reach its links (`SEARCH_ITEM_ATTRIBUTE`) in the order
   * shown. Asked only when the text could name something other than a user: not empty, not a
   * complete email, not Advanced (Lucene).
   */
  alsoFound?: (text: string) => ReactNode
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
 * query lives in the URL (`useSearchRoute`), the results in the query cache, found by search or,
 * for a complete email, by an exact lookup (`useFoundUsers`).
 */
export function UserSearch({ onResultIntent, alsoFound }: UserSearchProps) {
  const api = useManagementApi()
  const search = useSearchRoute()
  const inputRef = useRef<HTMLInputElement>(null)
  const resultsAreaRef = useRef<HTMLDivElement>(null)
  const resultsId = useId()

  const { query, found, idle } = useFoundUsers(api, search)
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
  // An exact email's accounts come whole: one page, however many there are.
  const pages = !found ? 0 : found.exact ? 1 : reachablePages(found.total, DEFAULT_SEARCH_PER_PAGE)
  const staleSince = failure && found && lastFreshAt > 0 ? new Date(lastFreshAt) : undefined
  const hasResults = found !== undefined && found.users.length > 0
  // Only for the answer on screen: while the previous results stand in for a new search, they
  // are not the users "with an email at" the new text.
  const read = readSearchInput(search.q)
  const searched = search.advanced || query.isPlaceholderData ? undefined : describeSearched(read)
  const otherText =
    search.advanced || read.kind === 'empty' || read.kind === 'email' ? undefined : search.q.trim()

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
      {!idle && failure != null && (
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
          {idle ? (
            <>
              <RecentlyViewedUsers />
              <SearchIdle onPick={search.fill} />
            </>
          ) : found ? (
            <>
              <SearchSummary
                total={found.total}
                page={search.page}
                pages={pages}
                perPage={DEFAULT_SEARCH_PER_PAGE}
                count={found.users.length}
                fetching={query.isFetching}
                searched={searched}
                exact={found.exact}
                onPage={search.setPage}
              />
              {!query.isPlaceholderData && (
                <Freshness
                  updatedAt={query.dataUpdatedAt}
                  refreshing={query.isFetching}
                  onRefresh={() => void query.refetch()}
                />
              )}
              {found.users.length > 0 ? (
                <>
                  <SearchResults
                    id={resultsId}
                    users={found.users}
                    stale={query.isPlaceholderData || failure != null}
                    onResultIntent={onResultIntent}
                  />
                  {found.users.length > 5 && (
                    <SearchPager page={search.page} pages={pages} onPage={search.setPage} />
                  )}
                </>
              ) : (
                <SearchEmpty
                  text={search.q}
                  advanced={search.advanced}
                  pastTheEnd={found.total > 0}
                  onFirstPage={() => search.setPage(0)}
                  onPick={search.fill}
                />
              )}
            </>
          ) : (
            // No answer yet: the alert above speaks for a failure; otherwise it is on its way.
            failure == null && <SearchPending offline={query.fetchStatus === 'paused'} />
          )}
          {!idle && otherText !== undefined && alsoFound?.(otherText)}
        </Stack>
      </div>
    </Stack>
  )
}
