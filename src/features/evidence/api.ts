// What the evidence feature offers the others: its types, its drop zone, and its code loaded on
// demand — building, reading and comparing packs (fflate, and jose for verifying) loads on the
// first sign-off or comparison, not with the pages that offer them.

export type { Decision, DecisionRecord, EvidencePackInput } from './evidence-pack'
export type { Comparison, Snapshot, SnapshotRow } from './compare'
export { EvidenceDropZone } from './components/evidence-drop-zone'

export const loadEvidencePack = () => import('./evidence-pack')
export const loadCompare = () => import('./compare')
export { requestCountersignature } from './countersign-proxy'
