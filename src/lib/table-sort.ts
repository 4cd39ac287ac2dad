// In-memory sorting for the tables: the API sorts none of these lists, and every listable row is
// already loaded, so a click costs no request.

export type SortDirection = 'ascending' | 'descending'
/** Undefined: the API's order. */
export type SortState<C extends string> = { column: C; direction: SortDirection } | undefined

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * A sorted copy: natural order ("org 2" before "org 10"), case and accents ignored, ties broken by
 * `idOf` so the order is the same on every render. Without a sort, the input itself (API order).
 */
export function sortRows<T, C extends string>(
  rows: readonly T[],
  sort: SortState<C>,
  keys: Record<C, (row: T) => string>,
  idOf: (row: T) => string,
): readonly T[] {
  if (!sort) return rows
  const key = keys[sort.column]
  const sign = sort.direction === 'ascending' ? 1 : -1
  return rows
    .map((row) => ({ row, key: key(row), id: idOf(row) }))
    .sort((a, b) => sign * (collator.compare(a.key, b.key) || collator.compare(a.id, b.id)))
    .map(({ row }) => row)
}

/** The sort after a click on `column`'s header: ascending first, then flipping. */
export function nextSort<C extends string>(current: SortState<C>, column: C): SortState<C> {
  if (current?.column !== column) return { column, direction: 'ascending' }
  return {
    column,
    direction: current.direction === 'ascending' ? 'descending' : 'ascending',
  }
}
