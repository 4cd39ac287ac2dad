/**
 * Budgets (bench/budgets.json) and the printed table. The two byte budgets are also what
 * `npm test` checks (scripts/check-bundle-size.ts); the rest only `npm run bench` checks.
 */
import { readFile } from 'node:fs/promises'
import type { FilterLatency } from './measure-filter'
import type { BenchNotes, BenchResults } from './results'

export interface Budgets {
  /** Gzip bytes of the JS the first page needs, at most. */
  initialJsGzipBytes: number
  /** Gzip bytes of all CSS, at most. */
  cssGzipBytes: number
  /** Navigation to the 1000-row table painted from the cache (median ms), at most. */
  revisitMs: number
  /** Management API requests on a revisit, at most. */
  revisitRequests: number
  /** sequentialMs / load["1000"].ms, at least. */
  load1000SpeedupOverSequential: number
  /** 429 alerts shown under the Free plan, at most. */
  freePlanErrorsShown: number
  /** load["1000-free-plan"].ms / floorMs, at most. */
  freePlanMsOverFloor: number
  /** load["5000-checkpoint"].ms / floorMs (its checkpoint round trips one at a time), at most. */
  load5000MsOverFloor: number
  /** load["org-10000"].ms / floorMs (the organization's pages one at a time), at most. */
  loadOrg10000MsOverFloor: number
  /** Keystroke to filtered rows painted, 95th percentile, at most. */
  filterP95Ms: number
  /** The same at 5000 rows, at most. */
  filterP95Ms5000: number
  /** The same in the 10,000-member organization's members, at most. */
  orgFilterP95Ms: number
  /** The same in the bulk review, its failures listed beside the table, at most. */
  reviewFilterP95Ms: number
  /** JS heap after the 1000-row table, at most. */
  heapBytesAt1000: number
  /** JS heap after the 5000-row table, at most. */
  heapBytesAt5000: number
  /** JS heap after the 10,000-member organization's table, at most. */
  heapBytesAtOrg10000: number
  /** Requests of the proxy load without an audit line (requests − audit lines), at most. */
  proxyAuditLinesMissing: number
}

export async function readBudgets(path: string): Promise<Budgets> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  const keys: (keyof Budgets)[] = [
    'initialJsGzipBytes',
    'cssGzipBytes',
    'revisitMs',
    'revisitRequests',
    'load1000SpeedupOverSequential',
    'freePlanErrorsShown',
    'freePlanMsOverFloor',
    'load5000MsOverFloor',
    'loadOrg10000MsOverFloor',
    'filterP95Ms',
    'filterP95Ms5000',
    'orgFilterP95Ms',
    'reviewFilterP95Ms',
    'heapBytesAt1000',
    'heapBytesAt5000',
    'heapBytesAtOrg10000',
    'proxyAuditLinesMissing',
  ]
  const missing = keys.filter((key) => typeof raw[key] !== 'number')
  if (missing.length) throw new Error(`${path} lacks a number for: ${missing.join(', ')}`)
  return raw as unknown as Budgets
}

interface Row {
  metric: string
  value: string
  budget: string
  /** Undefined: shown for context, not budgeted. */
  ok: boolean | undefined
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`
const ms = (value: number) => `${Math.round(value)} ms`
const ratio = (value: number) => `${value.toFixed(2)}×`
const list = (values: readonly number[]) => values.map((v) => Math.round(v)).join(' ')
/** A figure shown for context, with no budget. */
const info = (metric: string, value: string): Row => ({ metric, value, budget: '', ok: undefined })

export function rowsFor(results: BenchResults, budgets: Budgets, notes: BenchNotes): Row[] {
  const { load, proxyLoad } = results
  const free = load['1000-free-plan']
  const speedup = load['1000'].sequentialMs / load['1000'].ms
  const overFloor = free.floorMs > 0 ? free.ms / free.floorMs : Infinity
  const linesMissing = proxyLoad.requests - proxyLoad.auditLines
  return [
    {
      metric: 'initial JS (gzip)',
      value: kib(results.initialJsGzipBytes),
      budget: `≤ ${kib(budgets.initialJsGzipBytes)}`,
      ok: results.initialJsGzipBytes <= budgets.initialJsGzipBytes,
    },
    info('all JS (gzip)', kib(results.totalJsGzipBytes)),
    {
      metric: 'CSS (gzip)',
      value: kib(results.cssGzipBytes),
      budget: `≤ ${kib(budgets.cssGzipBytes)}`,
      ok: results.cssGzipBytes <= budgets.cssGzipBytes,
    },
    info('load 1 membership', `${ms(load['1'].ms)}, ${load['1'].requests} requests`),
    info('load 150 memberships', `${ms(load['150'].ms)}, ${load['150'].requests} requests`),
    info('load 1000 memberships', `${ms(load['1000'].ms)}, ${load['1000'].requests} requests`),
    info('  then roles for the rows in view', `${notes.rolesRequestsAt1000} requests`),
    info('  same load, one request at a time', ms(load['1000'].sequentialMs)),
    info('    of which the requests alone', ms(notes.sequentialFetchMs['1000'])),
    {
      metric: '  sequential ÷ load 1000',
      value: ratio(speedup),
      budget: `≥ ${ratio(budgets.load1000SpeedupOverSequential)}`,
      ok: speedup >= budgets.load1000SpeedupOverSequential,
    },
    info(
      'load 1000, Free plan',
      `${ms(free.ms)}, ${free.requests} requests, floor ${ms(free.floorMs)}`,
    ),
    {
      metric: '  Free plan ÷ floor',
      value: ratio(overFloor),
      budget: `≤ ${ratio(budgets.freePlanMsOverFloor)}`,
      ok: overFloor <= budgets.freePlanMsOverFloor,
    },
    {
      metric: '  429 alerts shown',
      value: String(free.errorsShown),
      budget: `≤ ${budgets.freePlanErrorsShown}`,
      ok: free.errorsShown <= budgets.freePlanErrorsShown,
    },
    ...floorRows(
      ['load 5000 memberships by checkpoint', 'load 5000'],
      load['5000-checkpoint'],
      notes.sequentialFetchMs['5000-checkpoint'],
      budgets.load5000MsOverFloor,
    ),
    ...floorRows(
      ['load organization of 10,000 members', 'load org 10,000'],
      load['org-10000'],
      notes.sequentialFetchMs['org-10000'],
      budgets.loadOrg10000MsOverFloor,
    ),
    ...filterRows(
      'at 1000 rows',
      results.filterLatencyMs,
      budgets.filterP95Ms,
      notes.filters['1000'],
    ),
    ...filterRows(
      'at 5000 rows',
      results.filterLatencyMs5000,
      budgets.filterP95Ms5000,
      notes.filters['5000'],
    ),
    ...filterRows(
      'at 10,000 members',
      results.orgFilterLatencyMs,
      budgets.orgFilterP95Ms,
      notes.filters['org-10000'],
    ),
    ...filterRows(
      'in the bulk review',
      results.reviewFilterLatencyMs,
      budgets.reviewFilterP95Ms,
      notes.filters.review,
    ),
    {
      metric: 'revisit 1000 (cached) → painted',
      value: ms(results.revisit.ms),
      budget: `≤ ${ms(budgets.revisitMs)}`,
      ok: results.revisit.ms <= budgets.revisitMs,
    },
    {
      metric: '  revisit requests',
      value: String(results.revisit.requests),
      budget: `≤ ${budgets.revisitRequests}`,
      ok: results.revisit.requests <= budgets.revisitRequests,
    },
    heapRow('JS heap at 1000 rows', results.heapBytesAt1000, budgets.heapBytesAt1000),
    heapRow('JS heap at 5000 rows', results.heapBytesAt5000, budgets.heapBytesAt5000),
    heapRow('JS heap at 10,000 members', results.heapBytesAtOrg10000, budgets.heapBytesAtOrg10000),
    info(
      `proxy load, ${proxyLoad.connections} connections × ${proxyLoad.seconds} s`,
      `${proxyLoad.requests} requests, ${proxyLoad.requestsPerSecond} req/s`,
    ),
    info(
      '  answers by status',
      Object.entries(proxyLoad.statuses)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', '),
    ),
    info('  latency p50 / p99', `${ms(proxyLoad.latencyMs.p50)} / ${ms(proxyLoad.latencyMs.p99)}`),
    info(
      '  audit lines',
      `${proxyLoad.auditLines} ${proxyLoad.auditLines === proxyLoad.requests ? '=' : '≠'} requests`,
    ),
    {
      metric: '  requests without an audit line',
      value: String(linesMissing),
      budget: `≤ ${budgets.proxyAuditLinesMissing}`,
      ok: linesMissing <= budgets.proxyAuditLinesMissing,
    },
  ]
}

/**
 * A load whose pages come one after another (`[name, short name]`), its floor (its requests one
 * at a time, with its start-up and rendering), the requests alone, and the budgeted ratio.
 */
function floorRows(
  [name, short]: [string, string],
  load: { ms: number; floorMs: number; requests: number },
  fetchMs: number,
  budget: number,
): Row[] {
  const over = load.ms / load.floorMs
  return [
    info(name, `${ms(load.ms)}, ${load.requests} requests`),
    info('  floor: its requests one at a time', ms(load.floorMs)),
    info('    of which the requests alone', ms(fetchMs)),
    {
      metric: `  ${short} ÷ floor`,
      value: ratio(over),
      budget: `≤ ${ratio(budget)}`,
      ok: over <= budget,
    },
  ]
}

/** The JS heap after a table (`bytes`), at most `budget`. */
function heapRow(metric: string, bytes: number, budget: number): Row {
  return { metric, value: mb(bytes), budget: `≤ ${mb(budget)}`, ok: bytes <= budget }
}

/** The filter's budgeted p95 (`at` which table), its p50, and the cross-checks beside them. */
function filterRows(
  at: string,
  latency: { p50: number; p95: number },
  budgetMs: number,
  checks: FilterLatency,
): Row[] {
  const { nextPaint, eventTiming, keystrokes } = checks
  return [
    info(`filter key → rows painted p50 ${at}`, ms(latency.p50)),
    {
      metric: `filter key → rows painted p95 ${at}`,
      value: ms(latency.p95),
      budget: `≤ ${ms(budgetMs)}`,
      ok: latency.p95 <= budgetMs,
    },
    info('  key → next paint p50 / p95', `${ms(nextPaint.p50)} / ${ms(nextPaint.p95)}`),
    info(
      '  Event Timing keydown ≥ 16 ms',
      `${eventTiming.reported} of ${keystrokes}` +
        (eventTiming.max === undefined ? '' : `, max ${ms(eventTiming.max)}`),
    ),
  ]
}

export function printReport(rows: Row[], notes: BenchNotes): void {
  const width = (pick: (row: Row) => string, title: string) =>
    Math.max(title.length, ...rows.map((row) => pick(row).length))
  const w = [width((r) => r.metric, 'metric'), width((r) => r.value, 'value')]
  const wb = width((r) => r.budget, 'budget')
  const line = (cells: string[]) =>
    `  ${cells[0]?.padEnd(w[0] ?? 0)}  ${cells[1]?.padStart(w[1] ?? 0)}  ${cells[2]?.padEnd(wb)}  ${cells[3]}`
  console.log()
  console.log(line(['metric', 'value', 'budget', '']))
  console.log(`  ${'─'.repeat((w[0] ?? 0) + (w[1] ?? 0) + wb + 10)}`)
  for (const row of rows) {
    const verdict = row.ok === undefined ? '' : row.ok ? 'ok' : 'OVER'
    console.log(line([row.metric, row.value, row.budget, verdict]))
  }
  console.log()
  console.log(
    `  medians of ${notes.runs} fresh-page loads per user or organization (${notes.freePlanRuns} on the Free plan); samples in ms:`,
  )
  const samples = (label: string, values: readonly number[]) =>
    console.log(`    ${label.padEnd(26)} ${list(values)}`)
  for (const [name, values] of Object.entries(notes.loadSamples)) samples(`load ${name}`, values)
  for (const [name, values] of Object.entries(notes.sequentialSamples)) {
    samples(`sequential ${name}`, values)
  }
  samples('revisit', notes.revisitSamples)
  console.log()
}
