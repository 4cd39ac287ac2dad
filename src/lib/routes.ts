/**
 * Every in-app URL is built here, so a link cannot be mistyped and a user id is encoded exactly
 * once. Shared (not in `app/`) because feature components link to routes too.
 */

export const routePatterns = {
  search: '/',
  userOrganizations: '/users/:userId/organizations',
} as const

export function toSearch(): string {
  return routePatterns.search
}

/**
 * `samlp|acme|jane@acme.com` → `/users/samlp%7Cacme%7Cjane%40acme.com/organizations`. One
 * encoded segment: `/`, `?`, `#` and `%` in an id stay inside it.
 */
export function toUserOrganizations(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/organizations`
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
