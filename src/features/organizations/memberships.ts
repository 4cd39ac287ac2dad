import { formatNumber } from '@/lib/format'
import type { Organization } from '@/lib/management-api/schemas'
import { MEMBERSHIPS_LIST_CAP, type MembershipsEvent, type Pagination } from './fetch-memberships'

/** A user's memberships as far as they have loaded: what the query's data holds at every step. */
export interface Memberships {
  /**
   * Loaded so far, in the API's order (each page placed where it starts, whatever order pages
   * arrive in). An organization the API listed twice — the list moved between two pages — shows
   * once.
   */
  organizations: Organization[]
  /** The API's count, which may exceed what it lists; undefined while a list without totals loads. */
  total: number | undefined
  loadedCount: number
  /** Every page the API will list has arrived. */
  complete: boolean
  /** More memberships exist than the API lists here (the first 1000): see `checkpointRefusal`. */
  capped: boolean
  /** How the list is paged, once decided (past 1000: checkpoint, unless the tenant refused it). */
  pagination: Pagination | undefined
  /** Why the tenant would not page past 1000 by checkpoint, in its own words where it gave any. */
  checkpointRefusal?: string
  /** Paging by checkpoint and not finished: where the next page starts (a resumed run goes on). */
  next?: string
  /** A page that failed and will be asked for again: the failure to show meanwhile. */
  retrying?: { start: number; error: unknown; attempt: number; retryAt: Date }
  /** The pages behind `organizations`, ordered by where they start. */
  pages: { start: number; organizations: Organization[] }[]
}

export const noMembershipsYet: Memberships = {
  organizations: [],
  total: undefined,
  loadedCount: 0,
  complete: false,
  capped: false,
  pagination: undefined,
  pages: [],
}

/** How many of `total` the API will list: what "Loaded N of M" counts towards. */
export function listableCount(
  memberships: Pick<Memberships, 'total' | 'capped'>,
): number | undefined {
  const { total, capped } = memberships
  return total === undefined || !capped ? total : Math.min(total, MEMBERSHIPS_LIST_CAP)
}

/** Said wherever a list stops at the API's cap (`total` when the API counted them). */
export function cappedListText(total: number | undefined): string {
  const cap = formatNumber(MEMBERSHIPS_LIST_CAP)
  const of = total === undefined ? '' : ` of ${formatNumber(total)}`
  const more = total === undefined ? '; more may exist' : ''
  return `Showing the first ${cap}${of} — this tenant does not page past ${cap} by checkpoint${more}`
}

/**
 * Why a capped list stops, and what would show the rest: said under `cappedListText` and in
 * the exports' provenance.
 */
export function cappedListReason(checkpointRefusal: string | undefined): string {
  const why = checkpointRefusal ?? 'it did not page by checkpoint'
  return (
    `The Management API lists at most ${formatNumber(MEMBERSHIPS_LIST_CAP)} memberships by page ` +
    `number; checkpoint paging (from/take) lists them all, but on this tenant ${why}. ` +
    'A tenant (and proxy) that accepts from and take on this endpoint shows every one.'
  )
}

/** Auth0's membership lists are eventually consistent: said beside "As of …" on every such list. */
export const MEMBERSHIPS_LAG_NOTE = 'Auth0 membership lists can lag a moment behind changes'

/** Folds one pager event into the memberships (the streamed query's reducer). */
export function addMembershipsEvent(state: Memberships, event: MembershipsEvent): Memberships {
  switch (event.type) {
    case 'page': {
      const arrived = { start: event.start, organizations: event.organizations }
      // The first checkpoint page starts the list again: the offset pages before it go.
      const kept =
        event.checkpoint && event.start === 0
          ? []
          : state.pages.filter((page) => page.start !== event.start)
      const pages = [...kept, arrived].sort((a, b) => a.start - b.start)
      const organizations = uniqueById(pages.flatMap((page) => page.organizations))
      return {
        ...state,
        pages,
        organizations,
        loadedCount: organizations.length,
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

function uniqueById(organizations: Organization[]): Organization[] {
  const seen = new Set<string>()
  return organizations.filter((organization) => {
    if (seen.has(organization.id)) return false
    seen.add(organization.id)
    return true
  })
}
