/**
 * `npm run bench`: builds the SPA for production and serves it through the proxy, with the local
 * tenant behind it (80 ms per Management API call; Enterprise limits, then Free, then none) —
 * both in a process of their own, over HTTPS and HTTP/2 as a deployment behind a TLS front is
 * (servers.ts). Drives headless Chromium signed in as Ada; then, with the browser idle, loads the
 * proxy alone (measure-proxy-load.ts). Prints a table against bench/budgets.json and writes
 * bench/results.json. Exits 1 when a budget is exceeded. Never part of `npm test`: timings are
 * not deterministic (the byte budgets are, and `npm test` checks those).
 *
 * BENCH_RUNS (5) loads per user and BENCH_FREE_RUNS (3) Free-plan loads; medians are reported.
 * BENCH_PROXY_LOAD_SECONDS (5): how long the proxy load lasts.
 * BENCH_TENANT_PORT (4710) and BENCH_PROXY_PORT (4720) move the servers.
 */
import { writeFile } from 'node:fs/promises'
import { LARGE_ORGANIZATION } from '../server/local-tenant/seed/large-organization'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { ApiRecorder, launchChromium, signedInContext } from './browser'
import { measureFilter, type FilterLatency } from './measure-filter'
import { loadOnce, usedHeapBytes, type LoadRun } from './measure-load'
import { measureProxyLoad } from './measure-proxy-load'
import { measureReviewFilter, REVIEW_FAILURES, REVIEW_ROWS } from './measure-review-filter'
import { revisitOnce } from './measure-revisit'
import { sequentialLoad, type SequentialLoad } from './measure-sequential'
import { printReport, readBudgets, rowsFor } from './report'
import type { BenchNotes, BenchResults } from './results'
import { FREE_PLAN, startBenchServers, UNLIMITED_PLAN } from './servers'
import { median, round1 } from './stats'
import { organizationTarget, userTarget, type LoadTarget } from './targets'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const FREE_RUNS = Number(process.env.BENCH_FREE_RUNS ?? 3)
const PROXY_LOAD_SECONDS = Number(process.env.BENCH_PROXY_LOAD_SECONDS ?? 5)
const PROXY_LOAD_CONNECTIONS = 50
const BUDGETS = 'bench/budgets.json'
const RESULTS = 'bench/results.json'

const one = userTarget(NAMED_USERS.oneMembership)
const manyUser = NAMED_USERS.manyMemberships
const many = userTarget(manyUser)
const thousand = userTarget(NAMED_USERS.thousandMemberships)
/** Words the seed's generated organization names hold: each narrows Theo's 1000 rows. */
const THOUSAND_FILTER_WORDS = ['solar', 'harbor', 'labs']
const fiveThousand = userTarget(NAMED_USERS.fiveThousandMemberships)
/** In Fiona's "bulk-member-04999" and the like: every row matches, then fewer, down to one. */
const FIVE_THOUSAND_FILTER_WORDS = ['bulk', '04999', 'member']
const largeOrganization = organizationTarget(LARGE_ORGANIZATION)
/** In "Member 09999", "member.09999@…": every row matches, then eleven (09990–09999, 00999), one. */
const LARGE_ORGANIZATION_FILTER_WORDS = ['member', '0999', '09999']

const budgets = await readBudgets(BUDGETS)
const step = (text: string) => console.log(`· ${text}`)

step('building the SPA for production and starting tenant + proxy')
const servers = await startBenchServers()
const browser = await launchChromium(servers.spkiHash)
try {
  step(`signing in as Ada at ${servers.appOrigin}`)
  const context = await signedInContext(browser, servers.appOrigin)
  const recorder = new ApiRecorder(servers.apiPrefix)

  /** One load; `then` measures more on the painted page before it closes. */
  const load = async (target: LoadTarget, then?: (run: LoadRun) => Promise<void>) => {
    const run = await loadOnce(context, recorder, target)
    try {
      await then?.(run)
    } finally {
      await run.page.close()
    }
    return run
  }

  step('warming up (HTTP cache, proxy token caches; not counted)')
  for (const target of [one, many, thousand, fiveThousand, largeOrganization]) {
    await load(target)
  }

  const loads: Record<'1' | '150', LoadRun[]> = { '1': [], '150': [] }
  for (const [key, target] of [
    ['1', one],
    ['150', many],
  ] as const) {
    step(`loading ${target.expectation.rows} membership(s) × ${RUNS}`)
    for (let i = 0; i < RUNS; i++) loads[key].push(await load(target))
  }

  /**
   * `RUNS` loads of `target`, each followed on its painted page by the heap, the same requests one
   * at a time (measure-sequential.ts) and then `more`.
   */
  const loadSeries = async (target: LoadTarget, more?: (run: LoadRun) => Promise<void>) => {
    const series = {
      runs: [] as LoadRun[],
      heap: [] as number[],
      sequential: [] as SequentialLoad[],
    }
    for (let i = 0; i < RUNS; i++) {
      series.runs.push(
        await load(target, async (run) => {
          series.heap.push(await usedHeapBytes(run.page))
          await recorder.untilBucketFull()
          series.sequential.push(
            await sequentialLoad(run, { apiBaseUrl: servers.apiBaseUrl, target }),
          )
          await more?.(run)
        }),
      )
    }
    return series
  }

  /** Keystrokes into the filter on one fresh load of `target`'s complete table. */
  const filterLatency = async (target: LoadTarget, words: readonly string[]) => {
    let filter: FilterLatency | undefined
    await load(target, async (run) => {
      filter = await measureFilter(run.page, { table: target.expectation, words })
    })
    if (!filter) throw new Error(`The filter was not measured on ${target.label}.`)
    return filter
  }

  step(`loading 1000 memberships × ${RUNS} (then heap, the same requests one at a time, revisit)`)
  const revisits: { ms: number; requests: number }[] = []
  const thousandSeries = await loadSeries(thousand, async (run) => {
    revisits.push(await revisitOnce(run.page, recorder, thousand))
  })
  const thousandRuns = thousandSeries.runs

  step('typing into the filter at 1000 rows')
  const filter = await filterLatency(thousand, THOUSAND_FILTER_WORDS)

  step(`loading 5000 memberships by checkpoint × ${RUNS} (then heap, one request at a time)`)
  const fiveThousandSeries = await loadSeries(fiveThousand)

  step('typing into the filter at 5000 rows')
  const filter5000 = await filterLatency(fiveThousand, FIVE_THOUSAND_FILTER_WORDS)

  step(`loading the 10,000-member organization × ${RUNS} (then heap, one request at a time)`)
  const largeOrganizationSeries = await loadSeries(largeOrganization)

  step("typing into the members' filter at 10,000 rows")
  const orgFilter = await filterLatency(largeOrganization, LARGE_ORGANIZATION_FILTER_WORDS)

  step(
    `typing into the bulk review's filter at ${REVIEW_ROWS} rows beside ${REVIEW_FAILURES} failures`,
  )
  const reviewFilter = await measureReviewFilter(context)

  step(`loading 1000 memberships on the Free plan × ${FREE_RUNS}`)
  await servers.setPlan(FREE_PLAN)
  const freeRuns: LoadRun[] = []
  for (let i = 0; i < FREE_RUNS; i++) freeRuns.push(await load(thousand))

  step(`the proxy under load: ${PROXY_LOAD_CONNECTIONS} connections × ${PROXY_LOAD_SECONDS} s`)
  await servers.setPlan(UNLIMITED_PLAN)
  // Ada's token as the app last sent it: a real sign-in's, valid for an hour.
  const authorization = recorder.calls.findLast((call) => call.authorization)?.authorization
  if (!authorization) throw new Error('No Management API call carried a token to reuse.')
  const proxyLoad = await measureProxyLoad(servers, {
    user: manyUser,
    authorization,
    connections: PROXY_LOAD_CONNECTIONS,
    seconds: PROXY_LOAD_SECONDS,
  })

  const roundedMedian = (values: readonly number[]) => Math.round(median(values))
  const summary = (runs: LoadRun[]) => ({
    ms: roundedMedian(runs.map((run) => run.ms)),
    requests: median(runs.map((run) => run.requests)),
  })
  type Series = Awaited<ReturnType<typeof loadSeries>>
  const replayMs = (series: Series) => series.sequential.map((replay) => replay.ms)
  const replayFetchMs = (series: Series) =>
    roundedMedian(series.sequential.map((replay) => replay.fetchMs))
  /** Pages that come one after another: the floor is those round trips, one at a time. */
  const overFloor = (series: Series) => ({
    ...summary(series.runs),
    floorMs: roundedMedian(replayMs(series)),
  })
  const latency = ({ p50, p95 }: FilterLatency) => ({ p50: round1(p50), p95: round1(p95) })
  const freeAnswered = median(freeRuns.map((run) => run.answeredRequests))
  const floorMs = Math.round(
    (Math.max(0, freeAnswered - FREE_PLAN.burst) / FREE_PLAN.refillPerSecond) * 1000,
  )

  const results: BenchResults = {
    initialJsGzipBytes: servers.sizes.initialJsGzipBytes,
    totalJsGzipBytes: servers.sizes.totalJsGzipBytes,
    cssGzipBytes: servers.sizes.cssGzipBytes,
    load: {
      '1': summary(loads['1']),
      '150': summary(loads['150']),
      '1000': {
        ...summary(thousandRuns),
        sequentialMs: roundedMedian(replayMs(thousandSeries)),
      },
      '1000-free-plan': {
        ...summary(freeRuns),
        floorMs,
        // The worst run: one alert on screen is one too many.
        errorsShown: Math.max(...freeRuns.map((run) => run.errorsShown)),
      },
      '5000-checkpoint': overFloor(fiveThousandSeries),
      'org-10000': overFloor(largeOrganizationSeries),
    },
    filterLatencyMs: latency(filter),
    filterLatencyMs5000: latency(filter5000),
    orgFilterLatencyMs: latency(orgFilter),
    reviewFilterLatencyMs: latency(reviewFilter),
    revisit: {
      requests: Math.max(...revisits.map((run) => run.requests)),
      ms: roundedMedian(revisits.map((run) => run.ms)),
    },
    heapBytesAt1000: roundedMedian(thousandSeries.heap),
    heapBytesAt5000: roundedMedian(fiveThousandSeries.heap),
    heapBytesAtOrg10000: roundedMedian(largeOrganizationSeries.heap),
    proxyLoad,
  }
  const notes: BenchNotes = {
    runs: RUNS,
    freePlanRuns: FREE_RUNS,
    loadSamples: {
      '1': loads['1'].map((run) => run.ms),
      '150': loads['150'].map((run) => run.ms),
      '1000': thousandRuns.map((run) => run.ms),
      '1000-free-plan': freeRuns.map((run) => run.ms),
      '5000-checkpoint': fiveThousandSeries.runs.map((run) => run.ms),
      'org-10000': largeOrganizationSeries.runs.map((run) => run.ms),
    },
    sequentialSamples: {
      '1000': replayMs(thousandSeries),
      '5000-checkpoint': replayMs(fiveThousandSeries),
      'org-10000': replayMs(largeOrganizationSeries),
    },
    sequentialFetchMs: {
      '1000': replayFetchMs(thousandSeries),
      '5000-checkpoint': replayFetchMs(fiveThousandSeries),
      'org-10000': replayFetchMs(largeOrganizationSeries),
    },
    rolesRequestsAt1000: median(thousandRuns.map((run) => run.rolesRequests)),
    revisitSamples: revisits.map((run) => run.ms),
    filters: { '1000': filter, '5000': filter5000, 'org-10000': orgFilter, review: reviewFilter },
  }

  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`)
  const rows = rowsFor(results, budgets, notes)
  printReport(rows, notes)
  const over = rows.filter((row) => row.ok === false)
  console.log(
    over.length
      ? `bench: ${over.length} budget(s) exceeded — ${over.map((row) => row.metric.trim()).join(', ')}`
      : 'bench: every budget met',
  )
  console.log(`results written to ${RESULTS}`)
  process.exitCode = over.length ? 1 : 0
} finally {
  await browser.close()
  await servers.close()
}
