/**
 * Whom a search found, for its audit line: a search names no user in its path, so the answer is
 * the only record of whom the admin saw.
 */

/** Ids kept per line: a page holds up to 100 users, and a line should stay readable. */
const MAX_LOGGED_IDS = 50

export interface FoundUsers {
  /** How many users the answer held. */
  count: number
  /** Their ids, in the answer's order; the first MAX_LOGGED_IDS only. */
  userIds: string[]
  /** More users were found than `userIds` lists. */
  truncated: boolean
}

/**
 * The users in a search's answer, `{ users: [...] }` (with totals) or a bare array (without);
 * undefined for any other body, which the SPA refuses as malformed anyway.
 */
export function foundUsersOf(body: unknown): FoundUsers | undefined {
  const users = Array.isArray(body) ? body : isRecord(body) ? body.users : undefined
  if (!Array.isArray(users)) return undefined
  const userIds = users
    .map((user) => (isRecord(user) ? user.user_id : undefined))
    .filter((id): id is string => typeof id === 'string')
  return {
    count: users.length,
    userIds: userIds.slice(0, MAX_LOGGED_IDS),
    truncated: userIds.length > MAX_LOGGED_IDS,
  }
}

/**
 * A search's query with `user_id` kept in the answer: `fields` picks what the Management API
 * returns, and an answer without ids would leave the audit line without whom it found.
 */
export function keepUserIds(query: URLSearchParams): URLSearchParams {
  const fields = query.getAll('fields')
  // None: every field comes back. Repeated: the Management API refuses the search.
  if (fields.length !== 1) return query
  const names = (fields[0] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (names.length === 0) return query
  const kept = new URLSearchParams(query)
  if (query.get('include_fields') !== 'false') {
    if (!names.includes('user_id')) kept.set('fields', [...names, 'user_id'].join(','))
    return kept
  }
  const excluded = names.filter((name) => name !== 'user_id')
  if (excluded.length > 0) kept.set('fields', excluded.join(','))
  else {
    // Excluding nothing is asking for every field.
    kept.delete('fields')
    kept.delete('include_fields')
  }
  return kept
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
