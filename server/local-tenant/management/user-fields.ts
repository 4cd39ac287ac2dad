import type { User } from '../seed/seed'
import { readFieldSelection, selectFields } from './field-selection'
import { queryValidationError, readSingle } from './query-params'

/**
 * `sort` and `fields` / `include_fields` for the user endpoints, validated as the API does.
 */

const SORT_PATTERN = /^([a-zA-Z0-9_.]+):(1|-1)$/
const SORT_DESCRIPTION =
  'Field to sort by. Use field:order where order is 1 for ascending and -1 for descending. e.g. created_at:1'

export type UserComparator = (a: User, b: User) => number

/** Read as a loose record: sort and projection name fields by string. */
const fieldOf = (user: User, field: string): unknown =>
  (user as unknown as Record<string, unknown>)[field]

/**
 * `sort=field:1|-1`. Users without the field come last in either direction (Elasticsearch's
 * `missing: _last`); text compares case-insensitively; ties keep the unsorted order (stable sort).
 */
export function readSort(params: URLSearchParams): UserComparator | undefined {
  const raw = readSingle(params, 'sort', SORT_DESCRIPTION)
  if (raw === undefined) return undefined
  const match = SORT_PATTERN.exec(raw)
  if (!match) {
    throw queryValidationError(
      'sort',
      SORT_DESCRIPTION,
      `String does not match pattern ${SORT_PATTERN.source}`,
    )
  }
  const field = match[1] as string
  const direction = match[2] === '-1' ? -1 : 1
  return (a, b) => {
    const x = sortKey(fieldOf(a, field))
    const y = sortKey(fieldOf(b, field))
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1
    return (x < y ? -1 : x > y ? 1 : 0) * direction
  }
}

function sortKey(value: unknown): string | number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.toLowerCase()
  if (typeof value === 'boolean') return Number(value)
  return undefined
}

export type UserProjection = (user: User) => Partial<User>

/** `fields=a,b` with `include_fields` true (default: only those) or false (all but those). */
export function readProjection(params: URLSearchParams): UserProjection {
  const selection = readFieldSelection(params)
  return (user) => selectFields(user, selection)
}
