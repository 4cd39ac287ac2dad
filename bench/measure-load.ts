/**
 * Load: a fresh page (empty query cache, signed in by the tenant's session cookie) navigates to
 * a target's URL (a user's memberships, an organization's members: targets.ts); the time is the page's own clock from the navigation's start to the
 * first paint of the complete table (every row loaded: `aria-rowcount`, the total, no progress
 * bar). Requests are the Management API calls the page made on the way.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test'
import type { ApiCall, ApiRecorder } from './browser'
import { installLoadProbe, tablePainted } from './page-probes'
import { withTimeout } from './stats'
import type { LoadTarget } from './targets'

const LOAD_TIMEOUT_MS = 120_000

export interface LoadRun {
  ms: number
  /**
   * The load's Management API requests (the user or organization, every page), retries after a
   * 429 included.
   */
  requests: number
  /** Roles looked up for the rows in view once the list was complete: not part of the load. */
  rolesRequests: number
  /** Requests that got an answer other than 429: what the load needed. */
  answeredRequests: number
  /** 429 alerts that reached the screen. */
  errorsShown: number
  /** The load's calls in the order they were made (the sequential replay repeats them). */
  calls: ApiCall[]
  /** Page clock: when the first Management API request left (start-up before it). */
  firstRequestAt: number
  /** Page clock: when the last Management API answer arrived (rendering after it). */
  lastAnswerAt: number
  /** The page, still showing the table, for measurements that follow; the caller closes it. */
  page: Page
}

/** One load on a fresh page; the page is left open on the painted table. */
export async function loadOnce(
  context: BrowserContext,
  recorder: ApiRecorder,
  target: LoadTarget,
): Promise<LoadRun> {
  await recorder.untilBucketFull()
  const page = await context.newPage()
  recorder.attach(page)
  await page.addInitScript(installLoadProbe, target.expectation)
  const from = recorder.calls.length
  await page.goto(target.path, { waitUntil: 'commit' })
  // Awaited inside the page, not polled: nothing of the bench's runs there while the app loads.
  await withTimeout(page.evaluate(tablePainted), LOAD_TIMEOUT_MS, `the table of ${target.label}`)
  // Let anything still in flight land, so a late request is counted rather than missed.
  await page.waitForTimeout(300)
  const ownPrefix = `${recorder.apiPrefix}${target.callsPrefix}`
  const probe = await page.evaluate((prefix) => {
    const api = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(prefix)) as PerformanceResourceTiming[]
    return {
      paintedAt: window.__bench?.paintedAt ?? NaN,
      alerts429: window.__bench?.alerts429 ?? 0,
      firstRequestAt: Math.min(...api.map((entry) => entry.startTime)),
      lastAnswerAt: Math.max(...api.map((entry) => entry.responseEnd)),
    }
  }, ownPrefix)
  const all = recorder.since(from)
  const calls = all.filter((call) => call.url.startsWith(ownPrefix))
  return {
    ms: probe.paintedAt,
    requests: calls.length,
    rolesRequests: all.length - calls.length,
    answeredRequests: calls.filter((call) => call.status !== 429).length,
    errorsShown: probe.alerts429,
    calls,
    firstRequestAt: probe.firstRequestAt,
    lastAnswerAt: probe.lastAnswerAt,
    page,
  }
}

/**
 * The JS heap the page holds (after two forced garbage collections): V8's used size for the
 * page's isolate, read over the DevTools protocol.
 */
export async function usedHeapBytes(page: Page): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  } finally {
    await cdp.detach()
  }
}
