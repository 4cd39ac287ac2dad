import type { FilterLatency } from './measure-filter'

/** What `npm run bench` writes to bench/results.json: these keys exactly, so runs compare. */
export interface BenchResults {
  initialJsGzipBytes: number
  totalJsGzipBytes: number
  cssGzipBytes: number
  load: {
    '1': { ms: number; requests: number }
    '150': { ms: number; requests: number }
    '1000': { ms: number; sequentialMs: number; requests: number }
    '1000-free-plan': { ms: number; floorMs: number; requests: number; errorsShown: number }
    /** floorMs: the same requests one at a time, with the load's start-up and rendering. */
    '5000-checkpoint': { ms: number; floorMs: number; requests: number }
    /** The 10,000-member organization's page; floorMs as for '5000-checkpoint'. */
    'org-10000': { ms: number; floorMs: number; requests: number }
  }
  filterLatencyMs: { p50: number; p95: number }
  filterLatencyMs5000: { p50: number; p95: number }
  /** The members' filter at 10,000 rows. */
  orgFilterLatencyMs: { p50: number; p95: number }
  /** The bulk review's filter at 2,200 rows beside 498 failures (measure-review-filter.ts). */
  reviewFilterLatencyMs: { p50: number; p95: number }
  revisit: { requests: number; ms: number }
  heapBytesAt1000: number
  heapBytesAt5000: number
  heapBytesAtOrg10000: number
  proxyLoad: ProxyLoad
}

/** The proxy under load (measure-proxy-load.ts): figures, budgeted only for its audit lines. */
export interface ProxyLoad {
  connections: number
  seconds: number
  requests: number
  /** Answers by HTTP status. */
  statuses: Record<string, number>
  requestsPerSecond: number
  latencyMs: { p50: number; p99: number }
  /** Lookup lines the proxy wrote to its audit log meanwhile: one per request. */
  auditLines: number
}

/** The loads replayed one request at a time. */
type SequentialKey = '1000' | '5000-checkpoint' | 'org-10000'

/** Figures printed beside the results for context; never written, never budgeted. */
export interface BenchNotes {
  runs: number
  freePlanRuns: number
  loadSamples: Record<string, number[]>
  /** By load: the same requests one at a time, with the load's start-up and rendering. */
  sequentialSamples: Record<SequentialKey, number[]>
  /** By load: the one-at-a-time requests alone, without the start-up and rendering around them. */
  sequentialFetchMs: Record<SequentialKey, number>
  /** Roles lookups for the rows in view, made after a 1000-row load was complete. */
  rolesRequestsAt1000: number
  revisitSamples: number[]
  /** By table: the filter's cross-checks (key → next paint, Event Timing) beside its latency. */
  filters: Record<'1000' | '5000' | 'org-10000' | 'review', FilterLatency>
}
