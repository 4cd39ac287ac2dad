import { formatNumber } from '@/lib/format'
import type { Organization } from '@/lib/management-api/schemas'
import { MEMBERSHIPS_LIST_CAP, type MembershipsEvent } from './fetch-memberships'

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
  /** More memberships exist than the API lists (the first 1000). */
  capped: boolean
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
  pages: [],
}

/** How many of `total` the API will list: what "Loaded N of M" counts towards. */
export function listableCount(memberships: Pick<Memberships, 'total'>): number | undefined {
  return memberships.total === undefined
    ? undefined
    : Math.min(memberships.total, MEMBERSHIPS_LIST_CAP)
}

/** Said wherever a list stops at the API's cap (`total` when the API counted them). */
export function cappedListText(total: number | undefined): string {
  const cap = formatNumber(MEMBERSHIPS_LIST_CAP)
  return total === undefined
    ? `Showing the first ${cap} — the Management API lists at most ${cap}; more may exist`
    : `Showing the first ${cap} of ${formatNumber(total)} — the Management API lists at most ${cap}`
}

/** Auth0's membership lists are eventually consistent: said beside "As of …" on every such list. */
export const MEMBERSHIPS_LAG_NOTE = 'Auth0 membership lists can lag a moment behind changes'

/** Folds one pager event into the memberships (the streamed query's reducer). */
export function addMembershipsEvent(state: Memberships, event: MembershipsEvent): Memberships {
  switch (event.type) {
    case 'page': {
      const arrived = { start: event.start, organizations: event.organizations }
      const pages = [...state.pages.filter((page) => page.start !== event.start), arrived].sort(
        (a, b) => a.start - b.start,
      )
      const organizations = uniqueById(pages.flatMap((page) => page.organizations))
      const total = event.start === 0 ? event.total : state.total
      return {
        ...state,
        pages,
        organizations,
        loadedCount: organizations.length,
        total,
        capped: total !== undefined && total > MEMBERSHIPS_LIST_CAP,
        retrying: state.retrying?.start === event.start ? undefined : state.retrying,
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
        complete: true,
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
