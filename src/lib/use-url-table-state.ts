import { useDebouncedCallback } from '@mantine/hooks'
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearch } from 'wouter'
import type { SortState } from './table-sort'

// A table's filter and sort live in the query string (`?filter=acme&sort=name&dir=desc`), so a
// reload or a shared link shows the same rows. Writes replace the history entry (no entry per
// keystroke) and keep the entry's state (the user page keeps "Back to search" there) and any
// other parameter. Only what the admin typed into a table's filter goes into the URL: never
// pasted review input, which is personal data.

/** Long enough that typing does not rewrite the URL per key; short enough to share at once. */
const WRITE_DELAY_MS = 300

export interface UrlTableState<C extends string> {
  /** What the filter box shows (ahead of the URL while typing). */
  filter: string
  setFilter: (text: string) => void
  /**
   * The filter the rows use: the box's text, trimmed, a moment behind it while typing, so typing
   * stays responsive at 10,000 rows (the rows catch up at lower priority).
   */
  applied: string
  /**
   * The rows have not caught up with the box yet. An export or a bulk decision made now would act
   * on rows the box no longer describes, so those wait.
   */
  catchingUp: boolean
  sort: SortState<C>
  setSort: (sort: SortState<C>) => void
  /** Another parameter of this table (a role filter): its values, in order. */
  list: (name: string) => readonly string[]
  setList: (name: string, values: readonly string[]) => void
}

function sortFrom<C extends string>(
  column: string | null,
  dir: string | null,
  columns: readonly C[],
): SortState<C> {
  if (column === null || !(columns as readonly string[]).includes(column)) return undefined
  return { column: column as C, direction: dir === 'desc' ? 'descending' : 'ascending' }
}

export function useUrlTableState<C extends string>(columns: readonly C[]): UrlTableState<C> {
  const [location, navigate] = useLocation()
  const search = useSearch()
  const params = new URLSearchParams(search)
  const [filter, setFilterText] = useState(() => params.get('filter') ?? '')
  const applied = useDeferredValue(filter).trim()
  // The same object until the sort itself changes: tables memoize their sorted rows on it, and a
  // new one per render would sort 10,000 rows again on every render.
  const sortColumn = params.get('sort')
  const sortDir = params.get('dir')
  const sort = useMemo(() => sortFrom(sortColumn, sortDir, columns), [sortColumn, sortDir, columns])
  // The query as last rendered or written, from the router (the address bar in the app, memory
  // in tests): a delayed filter write must not undo a sort made while it waited, nor a second
  // write in the same tick undo the first.
  const latestSearch = useRef(search)
  useEffect(() => {
    latestSearch.current = search
  }, [search])

  const write = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(latestSearch.current)
    change(next)
    const query = next.toString()
    latestSearch.current = query
    navigate(`${location}${query === '' ? '' : `?${query}`}`, {
      replace: true,
      state: window.history.state as unknown,
    })
  }
  const writeFilter = useDebouncedCallback((text: string) => {
    write((next) => (text.trim() === '' ? next.delete('filter') : next.set('filter', text)))
  }, WRITE_DELAY_MS)

  return {
    filter,
    applied,
    catchingUp: applied !== filter.trim(),
    setFilter(text) {
      setFilterText(text)
      writeFilter(text)
    },
    sort,
    setSort(sort) {
      write((next) => {
        if (!sort) {
          next.delete('sort')
          next.delete('dir')
          return
        }
        next.set('sort', sort.column)
        if (sort.direction === 'descending') next.set('dir', 'desc')
        else next.delete('dir')
      })
    },
    list: (name) => params.getAll(name),
    setList(name, values) {
      write((next) => {
        next.delete(name)
        for (const value of values) next.append(name, value)
      })
    },
  }
}
