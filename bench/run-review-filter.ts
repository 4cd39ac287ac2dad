/**
 * `npm run bench:review-filter`: the bulk review's filter measurement alone
 * (measure-review-filter.ts), on the bench's own servers, printed against its budget. For working
 * on the review without the whole bench; `npm run bench` measures it too and writes the results.
 */
import { launchChromium, signedInContext } from './browser'
import { measureReviewFilter, REVIEW_FAILURES, REVIEW_ROWS } from './measure-review-filter'
import { readBudgets } from './report'
import { startBenchServers } from './servers'
import { round1 } from './stats'

const budgets = await readBudgets('bench/budgets.json')
const servers = await startBenchServers()
const browser = await launchChromium(servers.spkiHash)
try {
  const context = await signedInContext(browser, servers.appOrigin)
  const latency = await measureReviewFilter(context)
  const p95 = round1(latency.p95)
  console.log(
    JSON.stringify(
      {
        at: { rows: REVIEW_ROWS, failures: REVIEW_FAILURES },
        reviewFilterLatencyMs: { p50: round1(latency.p50), p95 },
        nextPaint: latency.nextPaint,
        eventTiming: latency.eventTiming,
        keystrokes: latency.keystrokes,
        budgetP95Ms: budgets.reviewFilterP95Ms,
      },
      null,
      2,
    ),
  )
  process.exitCode = p95 <= budgets.reviewFilterP95Ms ? 0 : 1
} finally {
  await browser.close()
  await servers.close()
}
