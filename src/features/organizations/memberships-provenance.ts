import {
  createProvenance,
  type ProvenanceInput,
  type RolesCompleteness,
} from '@/lib/export/provenance'
import { fetchedAtOf } from '@/lib/management-api/list-load'
import { formatNumber } from '@/lib/format'
import { cappedListReason, type Memberships } from './memberships'
import type { SortState } from './organization-list'

// A memberships export's provenance: what every export records (lib/export/provenance.ts), plus
// whose memberships they are (with the account context a reviewer weighs: last login, blocked,
// connection), how the page sorted them, which paging listed them and whether every row's roles
// are in the file. The list is incomplete when the API's 1000 cap cut it (the tenant would not
// page by checkpoint) or it had not finished loading.

/** The user whose memberships these are, as the user record (GET /users/{id}) gives them. */
export interface MembershipsSubject {
  userId: string
  email?: string | undefined
  /** ISO 8601, as the API gave it; `undefined` when the user never logged in or it is unknown. */
  lastLogin?: string | undefined
  blocked?: boolean | undefined
  /** The connection of the user's primary identity (`identities[0].connection`). */
  connection?: string | undefined
}

export interface MembershipsProvenanceInput extends Pick<
  ProvenanceInput,
  'tenantDomain' | 'exportedBy' | 'generatedAt' | 'filter' | 'rowsExported' | 'note'
> {
  /** Whose memberships these are. */
  subject: MembershipsSubject
  /** Whether every exported row's roles are in the file (memberships-export.ts counts them). */
  roles: RolesCompleteness
  /** `undefined`: the API's order, recorded as a `null` sort. */
  sort: SortState
  /**
   * `complete`: every page had arrived; `capped`: the API has more than it lists here, and
   * `checkpointRefusal` why; `pagination`: which paging produced the list.
   */
  memberships: Pick<
    Memberships,
    | 'total'
    | 'complete'
    | 'capped'
    | 'pagination'
    | 'checkpointRefusal'
    | 'fetchedFrom'
    | 'fetchedUntil'
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
  const { subject, sort, memberships, roles } = input
  return {
    ...createProvenance({
      ...input,
      fetched: fetchedAtOf(memberships),
      totalRows: memberships.total,
      gaps: listGaps(memberships, 'memberships'),
    }),
    // Every key written, `null` when the user record lacks it: a missing key reads as forgotten.
    subject: {
      userId: subject.userId,
      email: subject.email ?? null,
      lastLogin: subject.lastLogin ?? null,
      blocked: subject.blocked ?? null,
      connection: subject.connection ?? null,
    },
    sort: sort ? { column: sort.column, direction: sort.direction } : null,
    // Which paging listed them: `checkpoint` reaches every membership, `offset` the first 1,000.
    pagination: memberships.pagination ?? null,
    ...roles,
  }
}
