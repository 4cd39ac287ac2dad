/**
 * What a load opens: a user's memberships page or an organization's members page. Each names its
 * URL, the complete table it must paint, which Management API calls are the load's own, and what
 * the one-at-a-time replay fetches (sequential-pager.ts), so every measurement works on either.
 */
import type { NamedUser } from '../server/local-tenant/seed/named-users'
import { toOrganization, toUserOrganizations } from '../src/lib/routes'
import type { TableExpectation } from './page-probes'
import type { ReplayList } from './sequential-pager'

export interface LoadTarget {
  /** For messages: whose table it is. */
  label: string
  /** The app's path for it. */
  path: string
  /** The complete table. */
  expectation: TableExpectation
  /** The load's own calls start with this below the API prefix (not roles looked up after). */
  callsPrefix: string
  /** The record and the list the replay fetches, as the page does. */
  replay: ReplayList
}

/** Each list's table, what one row is ("1 member", "10,000 members") and its page. */
const LISTS = {
  memberships: { table: 'Organizations', one: 'organization', path: toUserOrganizations },
  members: { table: 'Members', one: 'member', path: toOrganization },
} satisfies Record<ReplayList['list'], { table: string; one: string; path: (id: string) => string }>

/** `rows` rows of `list` for `id` (every one: past 1,000 by checkpoint, ADR 010). */
function target(
  { list, id }: ReplayList,
  rows: number,
  label: string,
  callsPrefix: string,
): LoadTarget {
  const { table, one, path } = LISTS[list]
  const totalText = rows === 1 ? `1 ${one}` : `${rows.toLocaleString('en-US')} ${one}s`
  return {
    label,
    path: path(id),
    expectation: { table, rows, totalText },
    callsPrefix,
    replay: { list, id },
  }
}

/**
 * Every membership is a row. The load's calls are `users/{id}` and `users/{id}/organizations`;
 * the roles of the rows in view, looked up after, are under `organizations/`.
 */
export function userTarget(user: NamedUser): LoadTarget {
  const replay = { list: 'memberships', id: user.userId } as const
  return target(replay, user.memberships, `${user.email}'s memberships`, 'users/')
}

/**
 * Every member is a row, with their roles in the same pages. The load's calls are
 * `organizations/{id}` and `organizations/{id}/members`.
 */
export function organizationTarget(organization: {
  id: string
  name: string
  memberCount: number
}): LoadTarget {
  const { id, name, memberCount } = organization
  const callsPrefix = `organizations/${encodeURIComponent(id)}`
  return target({ list: 'members', id }, memberCount, `${name}'s members`, callsPrefix)
}
