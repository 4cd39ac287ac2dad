import { createProvenance, provenanceBlock, type ProvenanceInput } from '@/lib/export/provenance'
import { formatNumber } from '@/lib/format'
import { cappedListReason, type Memberships } from './memberships'
import type { SortState } from './organization-list'

// A memberships export's provenance: what every export records (lib/export/provenance.ts), plus
// whose memberships they are, how the page sorted them and which paging listed them. The list is
// incomplete when the API's 1000 cap cut it (the tenant would not page by checkpoint) or it had
// not finished loading.

/** Keys of the CSV provenance block, in order: the JSON paths of the same fields. */
export const MEMBERSHIPS_PROVENANCE_CSV_KEYS = [
  'tool',
  'tenantDomain',
  'subject.userId',
  'subject.email',
  'generatedAt',
  'exportedBy',
  'filter',
  'sort.column',
  'sort.direction',
  'rowsExported',
  'totalRows',
  'complete',
  'pagination',
  'note',
] as const

export interface MembershipsProvenanceInput extends Pick<
  ProvenanceInput,
  'tenantDomain' | 'exportedBy' | 'generatedAt' | 'filter' | 'rowsExported' | 'note'
> {
  /** Whose memberships these are. */
  subject: { userId: string; email?: string | undefined }
  /** `undefined`: the API's order, recorded as a `null` sort. */
  sort: SortState
  /**
   * `complete`: every page had arrived; `capped`: the API has more than it lists here, and
   * `checkpointRefusal` why; `pagination`: which paging produced the list.
   */
  memberships: Pick<
    Memberships,
    'total' | 'complete' | 'capped' | 'pagination' | 'checkpointRefusal'
  >
}

/**
 * Why a list's export is incomplete, a sentence each: the API's 1000 cap cut it (the tenant would
 * not page by checkpoint), or it had not finished loading. `records` names what it lists.
 */
export function listGaps(
  { total, complete, capped, checkpointRefusal }: MembershipsProvenanceInput['memberships'],
  records: string,
): string[] {
  const reasons: string[] = []
  if (capped) {
    const reported = total === undefined ? '' : ` reports ${formatNumber(total)} ${records} but`
    reasons.push(
      `Incomplete: the Management API${reported} lists only the first 1,000 here, so the rest are missing. ${cappedListReason(checkpointRefusal, records)}`,
    )
  }
  if (!complete) {
    reasons.push(
      `Incomplete: loading had not finished when this was exported, so ${records} not yet loaded are missing.`,
    )
  }
  return reasons
}

/** The provenance of an export of one user's memberships. */
export function membershipsProvenance(input: MembershipsProvenanceInput) {
  const { subject, sort, memberships } = input
  const provenance = {
    ...createProvenance({
      ...input,
      totalRows: memberships.total,
      gaps: listGaps(memberships, 'memberships'),
    }),
    subject:
      subject.email === undefined
        ? { userId: subject.userId }
        : { userId: subject.userId, email: subject.email },
    sort: sort ? { column: sort.column, direction: sort.direction } : null,
    // Which paging listed them: `checkpoint` reaches every membership, `offset` the first 1,000.
    pagination: memberships.pagination ?? null,
  }
  return provenanceBlock(MEMBERSHIPS_PROVENANCE_CSV_KEYS, provenance, {
    'subject.userId': [subject.userId],
    'subject.email': [subject.email ?? ''],
    'sort.column': [sort?.column ?? ''],
    'sort.direction': [sort?.direction ?? ''],
    pagination: [memberships.pagination ?? ''],
  })
}
