import { formatNumber } from '@/lib/format'
import { listLoadReducer, type ListLoad } from '@/lib/management-api/list-load'
import { OFFSET_LIST_CAP } from '@/lib/management-api/list-pager'
import type { Organization } from '@/lib/management-api/schemas'

/** A user's memberships as far as they have loaded: what the query's data holds at every step. */
export type Memberships = ListLoad<Organization>

/** Folds one pager event into the memberships (the streamed query's reducer). */
export const addMembershipsEvent = listLoadReducer((organization: Organization) => organization.id)

/** Said wherever a list stops at the API's cap (`total` when the API counted them). */
export function cappedListText(total: number | undefined): string {
  const cap = formatNumber(OFFSET_LIST_CAP)
  const of = total === undefined ? '' : ` of ${formatNumber(total)}`
  const more = total === undefined ? '; more may exist' : ''
  return `Showing the first ${cap}${of} — this tenant does not page past ${cap} by checkpoint${more}`
}

/**
 * Why a capped list stops, and what would show the rest: said under `cappedListText` and in
 * the exports' provenance.
 */
export function cappedListReason(
  checkpointRefusal: string | undefined,
  records = 'memberships',
): string {
  const why = checkpointRefusal ?? 'it did not page by checkpoint'
  return (
    `The Management API lists at most ${formatNumber(OFFSET_LIST_CAP)} ${records} by page ` +
    `number; checkpoint paging (from/take) lists them all, but on this tenant ${why}. ` +
    'A tenant (and proxy) that accepts from and take on this endpoint shows every one.'
  )
}

/** Auth0's membership lists are eventually consistent: said beside "As of …" on every such list. */
export const MEMBERSHIPS_LAG_NOTE = 'Auth0 membership lists can lag a moment behind changes'
