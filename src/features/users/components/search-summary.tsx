import { Button, Group, Loader, Text } from '@mantine/core'
import { formatCount, formatNumber } from '@/lib/format'
import { SEARCH_RESULTS_CAP } from '../api'
import type { SearchInput } from '../search-query'

/**
 * How the box read a search whose reading is not obvious from the text (completes "3 users …"):
 * a complete email is matched whole, not as a start; a bare `jane.doe` is read as a domain too,
 * and whoever meant a name should see that.
 */
export function describeSearched(read: SearchInput): string | undefined {
  if (read.kind === 'email') return `with the email ${read.email}`
  if (read.kind !== 'domain') return undefined
  const atDomain = `with an email at ${read.domain}`
  return read.bare ? `${atDomain}, or an email or name starting with “${read.domain}”` : atDomain
}

/** How many pages can be reached: Auth0 refuses to page past the first 1,000 results. */
export function reachablePages(total: number, perPage: number): number {
  return Math.ceil(Math.min(total, SEARCH_RESULTS_CAP) / perPage)
}

export interface SearchPagerProps {
  /** 0-based. */
  page: number
  pages: number
  onPage: (page: number) => void
}

/** Previous / Next; rendered above and below a long list so neither end needs a scroll back. */
export function SearchPager({ page, pages, onPage }: SearchPagerProps) {
  if (pages <= 1) return null
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="default"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </Button>
      <Text size="xs" c="dimmed">
        Page {formatNumber(page + 1)} of {formatNumber(pages)}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next
      </Button>
    </Group>
  )
}

export interface SearchSummaryProps extends SearchPagerProps {
  total: number
  perPage: number
  /** Shown on this page. */
  count: number
  /** A newer answer is loading. */
  fetching: boolean
  /** What was searched for, after the count: `describeSearched`. */
  searched?: string
  /** Every account with one exact email (users-by-email): said to be complete and up to date. */
  exact?: boolean
}

/** The count ("42 users"), which slice is shown, the pager, and the 1,000-result cap. */
export function SearchSummary({
  total,
  page,
  pages,
  perPage,
  count,
  fetching,
  searched,
  exact = false,
  onPage,
}: SearchSummaryProps) {
  const first = page * perPage + 1
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        {/* A polite live region: a screen reader hears the count after each search. */}
        <Text size="sm" role="status" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {formatCount(total, 'user')}
          </Text>
          {searched !== undefined && ` ${searched}`}
          {pages > 1 && count > 0 && (
            <Text span c="dimmed">
              {' '}
              · showing {formatNumber(first)}–{formatNumber(first + count - 1)}
            </Text>
          )}
        </Text>
        {fetching && <Loader size={14} color="gray" aria-label="Updating results" role="status" />}
      </Group>
      <SearchPager page={page} pages={pages} onPage={onPage} />
      {exact && (
        <Text size="xs" c="dimmed" w="100%">
          Exact email lookup: complete and up to date, including accounts created moments ago.
        </Text>
      )}
      {total > SEARCH_RESULTS_CAP && (
        <Text size="xs" c="dimmed" w="100%">
          Auth0 only pages through the first {formatNumber(SEARCH_RESULTS_CAP)} results of a search.
          Narrow the query to reach the rest.
        </Text>
      )}
    </Group>
  )
}
