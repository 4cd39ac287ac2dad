// The organizations feature's queries live in queries.ts (modules of this feature import them from
// there, so that what this file re-exports below can use them without an import cycle).
export { organizationQueries } from './queries'

// What other features may use of this one (lint allows no deeper import): the bulk review lists
// memberships too, and words them as the memberships page does.
export {
  cappedListReason,
  cappedListText,
  MEMBERSHIPS_LAG_NOTE,
  type Memberships,
} from './memberships'
export { displayNameOf } from './organization-list'
// The bulk review's table is the memberships table's kind: the same virtualization, sort header
// and cell styles.
export { SortHeader } from './components/sort-header'
export { useVirtualRows, VirtualTable } from './components/virtual-rows'
export { default as tableClasses } from './components/organizations-table.module.css'
// Roles as the memberships page shows, loads and exports them: the bulk review's Roles column,
// "Load all roles" and its export read the same cache through these.
export { RolesCell } from './components/roles-cell'
export { useRowsLive } from './components/use-rows-live'
export { LoadAllRoles } from './components/load-all-roles'
export { rolesStateOf, type RolesState } from './roles-state'
export { rolesColumns } from './roles-columns'
// The access review, for the bulk review's review mode: the same decisions, self-review guard,
// hints, saved work, panel, table and evidence-pack skeleton as a user's page.
export {
  AccessReviewPanel,
  type AccessReviewPanelProps,
} from './access-review/components/access-review-panel'
export { AccessReviewTable } from './access-review/components/access-review-table'
// "Compare with last time", for the bulk review as on a user's or organization's page.
export {
  CompareWithEarlier,
  type CurrentList,
} from './access-review/components/compare-with-earlier'
export {
  HINT_LABELS,
  hintsFor,
  isReviewersOwn,
  progressOf,
  signOffBlockedBy,
  type AccessHint,
  type AccessReview,
  type Decision,
} from './access-review/review-decisions'
export { useAccessReview, useReviewer } from './access-review/use-access-review'
export {
  decisionFields,
  isAboutUser,
  reviewPackSkeleton,
  type ReviewEvidenceBase,
} from './access-review/review-evidence'
export { useReviewSignOff } from './access-review/use-review-sign-off'
