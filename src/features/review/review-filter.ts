import type { ReviewRow } from './review-state'

function matches({ inputs, user, organization }: ReviewRow, needle: string): boolean {
  const texts = [
    ...inputs,
    user.user_id,
    user.email,
    user.name,
    organization?.id,
    organization?.name,
    organization?.display_name,
  ]
  return texts.some((text) => text?.toLowerCase().includes(needle) === true)
}

/**
 * Rows whose entry, user (id, email, name) or organization (id, name, display name) contains
 * `filter`, ignoring case and surrounding spaces. A blank filter keeps every row (the same array).
 */
export function filterReviewRows(rows: readonly ReviewRow[], filter: string): readonly ReviewRow[] {
  const needle = filter.trim().toLowerCase()
  if (needle === '') return rows
  return rows.filter((row) => matches(row, needle))
}
