import type { DecisionRecord, EvidencePackInput } from '@/features/evidence/api'
import { listGaps } from '@/features/organizations/memberships-provenance'
import type { ListLoad } from '@/lib/management-api/list-load'
import type { RecordedRequest } from '@/lib/management-api/request-log'
import type { ApiMode } from '@/lib/tenant'
import type { AccessReview } from './review-decisions'

// What every signed-off review puts in its evidence pack whatever it reviewed (a user's
// memberships, an organization's members, a bulk review's users): the tool, the tenant, the
// reviewer and times, the filters and every request; for one list, its completeness too. The
// reviews' own modules add the scope, the table and one decision record per row.

/** What the page knows at sign-off, the same for every kind of review. */
export interface ReviewEvidenceBase {
  review: AccessReview
  tenantDomain: string
  mode: ApiMode
  /** When the list on screen was fetched. */
  fetchedAt: Date
  /** The table's text filter at sign-off (the pack holds every row regardless). */
  filter: string
  requests: readonly RecordedRequest[]
  signedOffAt: Date
  countersign: EvidencePackInput['countersign']
}

/** The decision on the row `key`, as decisions.csv records it; none on the reviewer's own rows. */
export function decisionFields(
  review: AccessReview,
  key: string,
  own: boolean,
): Pick<DecisionRecord, 'decision' | 'reason' | 'decidedAt' | 'decidedBy'> {
  const row = own ? undefined : review.decisions[key]
  return {
    decision: row?.decision ?? null,
    reason: row?.reason ?? '',
    decidedAt: row?.decidedAt ?? null,
    decidedBy: row ? (review.reviewer.email ?? review.reviewer.sub) : null,
  }
}

type Skeleton = Omit<EvidencePackInput, 'scope' | 'population' | 'columns' | 'rows' | 'decisions'>

/** The pack input's fields every review fills the same way, whatever it reviewed. */
export function reviewPackSkeleton(
  evidence: Omit<ReviewEvidenceBase, 'fetchedAt'>,
  /** Filters besides the text (a role filter), named as the table showed them. */
  roles?: readonly string[],
): Skeleton {
  const { review } = evidence
  return {
    tool: { name: 'Orgscope', version: __ORGSCOPE_VERSION__ },
    tenantDomain: evidence.tenantDomain,
    mode: evidence.mode,
    reviewer: review.reviewer,
    startedAt: new Date(review.startedAt),
    signedOffAt: evidence.signedOffAt,
    filters: { text: evidence.filter, ...(roles ? { roles } : {}) },
    requests: evidence.requests,
    ...(evidence.countersign ? { countersign: evidence.countersign } : {}),
  }
}

/** The pack input of a review of one list (a user's memberships, an organization's members). */
export function reviewPackInput(
  evidence: ReviewEvidenceBase,
  body: Pick<EvidencePackInput, 'scope' | 'columns' | 'rows' | 'decisions'> & {
    /** The list reviewed, and what its records are called in its gaps ("memberships"). */
    list: Pick<
      ListLoad<unknown>,
      'items' | 'total' | 'complete' | 'capped' | 'pagination' | 'checkpointRefusal'
    >
    records: string
    rolesComplete: boolean
    roles?: readonly string[]
  },
): EvidencePackInput {
  const { list } = body
  return {
    ...reviewPackSkeleton(evidence, body.roles),
    scope: body.scope,
    population: {
      rows: list.items.length,
      total: list.total ?? null,
      complete: list.complete && !list.capped,
      capped: list.capped,
      pagination: list.pagination ?? null,
      gaps: listGaps(list, body.records),
      fetchedAt: evidence.fetchedAt.toISOString(),
      rolesComplete: body.rolesComplete,
    },
    columns: body.columns,
    rows: body.rows,
    decisions: body.decisions,
  }
}

/** Is `request` about `userId`: the user, their memberships, or their roles in one organization. */
export function isAboutUser(apiBasePath: string, userId: string) {
  const user = encodeURIComponent(userId)
  const prefix = `${apiBasePath}/users/${user}`
  const rolesSuffix = `/members/${user}/roles`
  return (request: RecordedRequest) =>
    request.path === prefix ||
    request.path.startsWith(`${prefix}/`) ||
    (request.path.startsWith(`${apiBasePath}/organizations/`) && request.path.endsWith(rolesSuffix))
}
