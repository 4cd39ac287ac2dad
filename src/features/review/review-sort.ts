import { displayNameOf } from '@/features/organizations/api'
import { connectionLabelOf } from '@/features/users/api'
import { sortRows, type SortState } from '@/lib/table-sort'
import type { ReviewRow } from './review-state'

/** The review table's columns, each sortable; also the values `?sort=` may take. */
export const REVIEW_SORT_COLUMNS = [
  'user',
  'userId',
  'lastLogin',
  'blocked',
  'connection',
  'organization',
  'organizationName',
  'organizationId',
] as const
export type ReviewSortColumn = (typeof REVIEW_SORT_COLUMNS)[number]
export type ReviewSort = SortState<ReviewSortColumn>

const KEYS: Record<ReviewSortColumn, (row: ReviewRow) => string> = {
  user: ({ user }) => user.email ?? user.name ?? '',
  userId: ({ user }) => user.user_id,
  // ISO 8601 sorts as text in time order; never signed in sorts first.
  lastLogin: ({ user }) => user.last_login ?? '',
  blocked: ({ user }) => (user.blocked === true ? 'blocked' : ''),
  connection: ({ user }) => connectionLabelOf(user) ?? '',
  // The display name, or the name standing in for it, as the memberships table sorts.
  organization: ({ organization }) => (organization ? displayNameOf(organization) : ''),
  organizationName: ({ organization }) => organization?.name ?? '',
  organizationId: ({ organization }) => organization?.id ?? '',
}

/**
 * A row's identity: a user in an organization (or in none) is one row. Also the key of its
 * decision in an access review. NUL cannot occur in an id, so no two rows share a key.
 */
export function reviewRowKey({
  user,
  organization,
}: Pick<ReviewRow, 'user' | 'organization'>): string {
  return `${user.user_id}\u0000${organization?.id ?? ''}`
}

/** The rows in `sort`'s order (through the tables' one sort); unsorted, the review's own order. */
export function sortReviewRows(rows: readonly ReviewRow[], sort: ReviewSort): readonly ReviewRow[] {
  return sortRows(rows, sort, KEYS, reviewRowKey)
}
