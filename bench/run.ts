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
import { NAMED_USERS, type NamedUser } from '../server/local-tenant/seed/named-users'
import { ApiRecorder, launchChromium, signedInContext } from './browser'
import { measureFilter } from './measure-filter'
import { loadOnce, usedHeapBytes, type LoadRun } from './measure-load'
import { measureProxyLoad } from './measure-proxy-load'
import { revisitOnce } from './measure-revisit'
import { sequentialFetch } from './measure-sequential'
import { printReport, readBudgets, rowsFor } from './report'
import type { BenchNotes, BenchResults } from './results'
import { FREE_PLAN, startBenchServers, UNLIMITED_PLAN } from './servers'
import { median, round1 } from './stats'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const FREE_RUNS = Number(process.env.BENCH_FREE_RUNS ?? 3)
const PROXY_LOAD_SECONDS = Number(process.env.BENCH_PROXY_LOAD_SECONDS ?? 5)
const PROXY_LOAD_CONNECTIONS = 50
const BUDGETS = 'bench/budgets.json'
const RESULTS = 'bench/results.json'

const one = NAMED_USERS.oneMembership
const many = NAMED_USERS.manyMemberships
const thousand = NAMED_USERS.thousandMemberships

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
  const load = async (user: NamedUser, then?: (run: LoadRun) => Promise<void>) => {
    const run = await loadOnce(context, recorder, user)
    try {
      await then?.(run)
    } finally {
      await run.page.close()
    }
    return run
  }

  step('warming up (HTTP cache, proxy token caches; not counted)')
  for (const user of [one, many, thousand]) await load(user)

  const loads: Record<'1' | '150', LoadRun[]> = { '1': [], '150': [] }
  for (const [key, user] of [
    ['1', one],
    ['150', many],
  ] as const) {
    step(`loading ${user.memberships} membership(s) × ${RUNS}`)
    for (let i = 0; i < RUNS; i++) loads[key].push(await load(user))
  }

  step(`loading 1000 memberships × ${RUNS} (then heap, the same requests one at a time, revisit)`)
  const thousandRuns: LoadRun[] = []
  const heap: number[] = []
  const sequential: number[] = []
  const sequentialFetching: number[] = []
  const revisits: { ms: number; requests: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    thousandRuns.push(
      await load(thousand, async (run) => {
        heap.push(await usedHeapBytes(run.page))
        await recorder.untilBucketFull()
        const replay = await sequentialFetch(run.page, {
          apiBaseUrl: servers.apiBaseUrl,
          userId: thousand.userId,
          calls: run.calls,
        })
        sequentialFetching.push(replay.ms)
        // Like for like with the load it is compared to: the same start-up before the first
        // request and the same rendering after the last answer, with the requests in between
        // one at a time (measure-sequential.ts).
        sequential.push(run.firstRequestAt + replay.ms + (run.ms - run.lastAnswerAt))
        revisits.push(await revisitOnce(run.page, recorder, thousand))
      }),
    )
  }

  step('typing into the filter at 1000 rows')
  let filter: Awaited<ReturnType<typeof measureFilter>> | undefined
  await load(thousand, async (run) => {
    filter = await measureFilter(run.page)
  })
  if (!filter) throw new Error('The filter was not measured.')

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
    user: many,
    authorization,
    connections: PROXY_LOAD_CONNECTIONS,
    seconds: PROXY_LOAD_SECONDS,
  })

  const summary = (runs: LoadRun[]) => ({
    ms: Math.round(median(runs.map((run) => run.ms))),
    requests: median(runs.map((run) => run.requests)),
  })
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
      '1000': { ...summary(thousandRuns), sequentialMs: Math.round(median(sequential)) },
      '1000-free-plan': {
        ...summary(freeRuns),
        floorMs,
        // The worst run: one alert on screen is one too many.
        errorsShown: Math.max(...freeRuns.map((run) => run.errorsShown)),
      },
    },
    filterLatencyMs: { p50: round1(filter.p50), p95: round1(filter.p95) },
    revisit: {
      requests: Math.max(...revisits.map((run) => run.requests)),
      ms: Math.round(median(revisits.map((run) => run.ms))),
    },
    heapBytesAt1000: Math.round(median(heap)),
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
    },
    sequentialSamples: sequential,
    sequentialFetchMs: Math.round(median(sequentialFetching)),
    rolesRequestsAt1000: median(thousandRuns.map((run) => run.rolesRequests)),
    revisitSamples: revisits.map((run) => run.ms),
    filterNextPaint: filter.nextPaint,
    eventTiming: { ...filter.eventTiming, keystrokes: filter.keystrokes },
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
