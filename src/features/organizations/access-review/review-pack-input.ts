import type { EvidencePackInput } from '@/features/evidence/api'
import type { RecordedRequest } from '@/lib/management-api/request-log'
import type { ApiMode } from '@/lib/tenant'
import type { AccessReview } from './review-decisions'

// What every signed-off review puts in its evidence pack besides its own scope, population, rows
// and decisions: the tool, the tenant, the reviewer, when it started and was signed off, the
// table's filter, the requests made for it and, behind the proxy, the countersignature.

/** What any review's sign-off knows, whatever it reviewed. */
export interface ReviewSignOff {
  review: AccessReview
  tenantDomain: string
  mode: ApiMode
  filter: string
  requests: readonly RecordedRequest[]
  signedOffAt: Date
  countersign: EvidencePackInput['countersign']
}

type Skeleton = Omit<EvidencePackInput, 'scope' | 'population' | 'columns' | 'rows' | 'decisions'>

/** The pack input's fields every review fills the same way. */
export function reviewPackSkeleton(signOff: ReviewSignOff): Skeleton {
  const { review } = signOff
  return {
    tool: { name: 'Orgscope', version: __ORGSCOPE_VERSION__ },
    tenantDomain: signOff.tenantDomain,
    mode: signOff.mode,
    reviewer: review.reviewer,
    startedAt: new Date(review.startedAt),
    signedOffAt: signOff.signedOffAt,
    filters: { text: signOff.filter },
    requests: signOff.requests,
    ...(signOff.countersign ? { countersign: signOff.countersign } : {}),
  }
}

/** Who decided a row, as the decision records name them. */
export function decidedBy(review: AccessReview): string {
  return review.reviewer.email ?? review.reviewer.sub
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
