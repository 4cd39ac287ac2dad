import { invalidPaging, jsonResponse } from './errors'
import { readBoolean, readInteger } from './query-params'

/** Auth0 lets no one page past the first 1000 records of a list or search. */
const MAX_PAGEABLE_RECORDS = 1000
const DEFAULT_PER_PAGE = 50
const MAX_PER_PAGE = 100

/** How the lists (memberships, a member's roles) refuse a page past 1000; search has its own. */
export const LIST_PAGING_CAP = 'Requesting page exceeds the allowed maximum of 1000 records'

export interface Paging {
  page: number
  perPage: number
  includeTotals: boolean
  /** Index of the page's first record. */
  start: number
}

/**
 * `page`, `per_page` and `include_totals`, validated. A page reaching past record 1000 is
 * refused with `capMessage` (each endpoint words it differently). The check is on the request,
 * not the data — `page=20&per_page=50` is refused even for a user with 3 memberships — and a
 * page must end by record 1000 (with `per_page=30`, page 33 would cover 990–1019: refused).
 */
export function readPaging(params: URLSearchParams, capMessage: string): Paging {
  const page = readInteger(
    params,
    'page',
    'Page index of the results to return. First page is 0.',
    {
      min: 0,
      fallback: 0,
    },
  )
  const perPage = readInteger(params, 'per_page', 'Number of results per page. Defaults to 50.', {
    min: 1,
    max: MAX_PER_PAGE,
    fallback: DEFAULT_PER_PAGE,
  })
  const includeTotals = readBoolean(
    params,
    'include_totals',
    'Return results inside an object that contains the total result count (true) or as a direct array of results (false, default).',
    false,
  )
  const start = page * perPage
  if (start + perPage > MAX_PAGEABLE_RECORDS) throw invalidPaging(capMessage)
  return { page, perPage, includeTotals, start }
}

/** The page's records: one slice, so O(page size) whatever the list's length. */
export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  return items.slice(paging.start, paging.start + paging.perPage)
}

/**
 * A list's 200 for `paging`: the page as a bare array by default; with include_totals,
 * `{ start, limit, total, [key]: page }` (no `length`, unlike the users search). `total` is the
 * true count, which may exceed the 1000 records that can be paged. `render` turns the page's
 * records into what the answer holds.
 */
export function pagedResponse<T>(
  all: readonly T[],
  paging: Paging,
  key: string,
  render: (page: T[]) => unknown[] = (page) => page,
): Response {
  const page = render(pageOf(all, paging))
  return jsonResponse(
    200,
    paging.includeTotals
      ? { start: paging.start, limit: paging.perPage, total: all.length, [key]: page }
      : page,
  )
}
