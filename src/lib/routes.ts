/**
 * Every in-app URL is built here, so a link cannot be mistyped and a user id is encoded exactly
 * once. Shared (not in `app/`) because feature components link to routes too.
 */

export const routePatterns = {
  search: '/',
  userOrganizations: '/users/:userId/organizations',
  organization: '/organizations/:organizationId',
  review: '/review',
  verify: '/verify',
} as const

/** What the search page keeps in its URL, so a reload or Back restores the same results. */
export interface SearchRouteParams {
  /** The search box text, as typed. */
  q?: string
  /** The text is raw Lucene (the "Advanced" switch). */
  advanced?: boolean
  /** 0-based here; 1-based in the URL (`&page=2`), where people read it. */
  page?: number
}

/** `/`, or `/?q=jane&advanced=1&page=2` (defaults are left out). */
export function toSearch(params: SearchRouteParams = {}): string {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.advanced) search.set('advanced', '1')
  if (params.page && params.page > 0) search.set('page', String(params.page + 1))
  const query = search.toString()
  return query ? `${routePatterns.search}?${query}` : routePatterns.search
}

/**
 * The inverse of `toSearch`, from the raw (still-encoded) search string the router hands out.
 * Hand-edited values fall back to defaults instead of failing: `page=abc` is the first page.
 */
export function readSearchRoute(search: string): Required<SearchRouteParams> {
  const params = new URLSearchParams(search)
  const page = Number(params.get('page'))
  return {
    q: params.get('q') ?? '',
    advanced: params.get('advanced') === '1',
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : 0,
  }
}

/**
 * `samlp|acme|jane@acme.com` → `/users/samlp%7Cacme%7Cjane%40acme.com/organizations`. One
 * encoded segment: `/`, `?`, `#` and `%` in an id stay inside it.
 */
export function toUserOrganizations(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/organizations`
}

/** `org_abc` → `/organizations/org_abc`: the organization and its members, one encoded segment. */
export function toOrganization(organizationId: string): string {
  return `/organizations/${encodeURIComponent(organizationId)}`
}

/** Bulk review: the list lives in the page, not the URL (500 ids would not fit one). */
export function toReview(): string {
  return routePatterns.review
}

/** Check an evidence pack: the file is dropped on the page, never put in the URL. */
export function toVerify(): string {
  return routePatterns.verify
}

export type DecodedSegment = { ok: true; value: string } | { ok: false; raw: string }

/**
 * The inverse of the builders' encoding, applied exactly once to a raw path segment. A hand-edited
 * or truncated link (`/users/abc%E0%A4/organizations`) must not crash the page: the failure is a
 * value the page can explain, keeping the raw text to show.
 */
export function decodePathSegment(segment: string): DecodedSegment {
  try {
    return { ok: true, value: decodeURIComponent(segment) }
  } catch {
    return { ok: false, raw: segment }
  }
}
