import { OFFSET_LIST_CAP, type ListEvent, type Pagination, type ResumePoint } from './list-pager'

/** A list as far as it has loaded: what a streamed list query's data holds at every step. */
export interface ListLoad<T> {
  /**
   * Loaded so far, in the API's order (each page placed where it starts, whatever order pages
   * arrive in). A record the API listed twice — the list moved between two pages — shows once.
   */
  items: T[]
  /** The API's count, which may exceed what it lists; undefined while a list without totals loads. */
  total: number | undefined
  loadedCount: number
  /** Every page the API will list has arrived. */
  complete: boolean
  /** More records exist than the API lists here (the first 1000): see `checkpointRefusal`. */
  capped: boolean
  /** How the list is paged, once decided (past 1000: checkpoint, unless the tenant refused it). */
  pagination: Pagination | undefined
  /** Why the tenant would not page past 1000 by checkpoint, in its own words where it gave any. */
  checkpointRefusal?: string
  /** Paging by checkpoint and not finished: where the next page starts (a resumed run goes on). */
  next?: string
  /** A page that failed and will be asked for again: the failure to show meanwhile. */
  retrying?: { start: number; error: unknown; attempt: number; retryAt: Date }
  /** The pages behind `items`, ordered by where they start. */
  pages: { start: number; items: readonly T[] }[]
  /**
   * When the first and the latest page of `items` arrived (epoch ms): what an export records as
   * the time its data was fetched. Absent until a page arrives.
   */
  fetchedFrom?: number
  fetchedUntil?: number
}

/** When the list's data was fetched (its first and latest page), once a page has arrived. */
export function fetchedAtOf(
  list: Pick<ListLoad<unknown>, 'fetchedFrom' | 'fetchedUntil'>,
): { from: Date; until: Date } | undefined {
  const { fetchedFrom, fetchedUntil } = list
  if (fetchedFrom === undefined || fetchedUntil === undefined) return undefined
  return { from: new Date(fetchedFrom), until: new Date(fetchedUntil) }
}

/** Nothing loaded yet. */
export function emptyListLoad<T>(): ListLoad<T> {
  return {
    items: [],
    total: undefined,
    loadedCount: 0,
    complete: false,
    capped: false,
    pagination: undefined,
    pages: [],
  }
}

/** How many of `total` the API will list: what "Loaded N of M" counts towards. */
export function listableCount(
  list: Pick<ListLoad<unknown>, 'total' | 'capped'>,
): number | undefined {
  const { total, capped } = list
  return total === undefined || !capped ? total : Math.min(total, OFFSET_LIST_CAP)
}

/** Where a list that broke off goes on from: its pages, and how it was being paged. */
export function resumePointOf<T>(held: ListLoad<T>): ResumePoint<T> {
  const { total, pages, pagination, next, checkpointRefusal } = held
  return {
    total,
    pages,
    ...(pagination === 'checkpoint' && next !== undefined && { checkpoint: { next } }),
    ...(checkpointRefusal !== undefined && { checkpointRefusal }),
  }
}

/**
 * The reducer that folds the pager's events into a `ListLoad` (a streamed query's reducer);
 * `idOf` names a record, so one listed twice shows once.
 */
export function listLoadReducer<T>(
  idOf: (item: T) => string,
  now: () => number = Date.now,
): (state: ListLoad<T>, event: ListEvent<T>) => ListLoad<T> {
  return (state, event) => {
    switch (event.type) {
      case 'page': {
        const arrived = { start: event.start, items: event.items }
        // The first checkpoint page starts the list again: the offset pages before it go.
        const restart = event.checkpoint !== undefined && event.start === 0
        const kept = restart ? [] : state.pages.filter((page) => page.start !== event.start)
        const at = now()
        const pages = [...kept, arrived].sort((a, b) => a.start - b.start)
        const items = uniqueBy(
          pages.flatMap((page) => page.items),
          idOf,
        )
        return {
          ...state,
          pages,
          items,
          loadedCount: items.length,
          fetchedFrom: restart || kept.length === 0 ? at : (state.fetchedFrom ?? at),
          fetchedUntil: at,
          total: event.total ?? state.total,
          ...(event.checkpoint && { next: event.checkpoint.next }),
          retrying: state.retrying?.start === event.start ? undefined : state.retrying,
        }
      }
      case 'pagination': {
        const { pagination, checkpointRefusal } = event
        return {
          ...state,
          pagination,
          capped: checkpointRefusal !== undefined,
          ...(checkpointRefusal !== undefined && { checkpointRefusal }),
        }
      }
      case 'retrying': {
        const { start, error, attempt, retryAt } = event
        return { ...state, retrying: { start, error, attempt, retryAt } }
      }
      case 'failed':
        // The query's error says what failed; no page is waiting for another try any more.
        return { ...state, retrying: undefined }
      case 'done':
        return {
          ...state,
          total: event.total,
          capped: event.capped,
          pagination: event.pagination,
          complete: true,
          next: undefined,
          retrying: undefined,
        }
    }
  }
}

function uniqueBy<T>(items: T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const id = idOf(item)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
