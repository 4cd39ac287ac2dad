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

const counted = (count: number, one: string, many: string) =>
  count === 1 ? `1 ${one}` : `${count.toLocaleString('en-US')} ${many}`

/**
 * Every membership is a row: the bench's tenant pages past 1,000 by checkpoint (ADR 010), so no
 * user's list stops at the offset cap. The load's calls are `users/{id}` and
 * `users/{id}/organizations`; the roles of the rows in view are looked up under `organizations/`.
 */
export function userTarget(user: NamedUser): LoadTarget {
  return {
    label: `${user.email}'s memberships`,
    path: toUserOrganizations(user.userId),
    expectation: {
      table: 'Organizations',
      rows: user.memberships,
      totalText: counted(user.memberships, 'organization', 'organizations'),
    },
    callsPrefix: 'users/',
    replay: { list: 'memberships', id: user.userId },
  }
}

/**
 * Every member is a row (by checkpoint past 1,000), their roles in the same pages. The load's
 * calls are `organizations/{id}` and `organizations/{id}/members`.
 */
export function organizationTarget(organization: {
  id: string
  name: string
  memberCount: number
}): LoadTarget {
  return {
    label: `${organization.name}'s members`,
    path: toOrganization(organization.id),
    expectation: {
      table: 'Members',
      rows: organization.memberCount,
      totalText: counted(organization.memberCount, 'member', 'members'),
    },
    callsPrefix: `organizations/${encodeURIComponent(organization.id)}`,
    replay: { list: 'members', id: organization.id },
  }
}
