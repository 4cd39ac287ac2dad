/**
 * Load: a fresh page (empty query cache, signed in by the tenant's session cookie) navigates to
 * a user's memberships URL; the time is the page's own clock from the navigation's start to the
 * first paint of the complete table (every row loaded: `aria-rowcount`, the total, no progress
 * bar). Requests are the Management API calls the page made on the way.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test'
import type { NamedUser } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import type { ApiCall, ApiRecorder } from './browser'
import { installLoadProbe, tablePainted, type TableExpectation } from './page-probes'
import { withTimeout } from './stats'

const LOAD_TIMEOUT_MS = 120_000

export interface LoadRun {
  ms: number
  /** The load's Management API requests (the user, every page), retries after a 429 included. */
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

/**
 * Every membership is a row: the bench's tenant pages past 1,000 by checkpoint (ADR 010), so no
 * user's list stops at the offset cap.
 */
export function expectationFor(user: NamedUser): TableExpectation {
  const rows = user.memberships
  const totalText =
    user.memberships === 1
      ? '1 organization'
      : `${user.memberships.toLocaleString('en-US')} organizations`
  return { rows, totalText }
}

/** The load's own calls: `users/{id}` and `users/{id}/organizations`, not roles lookups. */
function usersPrefix(recorder: ApiRecorder): string {
  return `${recorder.apiPrefix}users/`
}

/** One load on a fresh page; the page is left open on the painted table. */
export async function loadOnce(
  context: BrowserContext,
  recorder: ApiRecorder,
  user: NamedUser,
): Promise<LoadRun> {
  await recorder.untilBucketFull()
  const page = await context.newPage()
  recorder.attach(page)
  await page.addInitScript(installLoadProbe, expectationFor(user))
  const from = recorder.calls.length
  await page.goto(toUserOrganizations(user.userId), { waitUntil: 'commit' })
  // Awaited inside the page, not polled: nothing of the bench's runs there while the app loads.
  await withTimeout(page.evaluate(tablePainted), LOAD_TIMEOUT_MS, `${user.email}'s table`)
  // Let anything still in flight land, so a late request is counted rather than missed.
  await page.waitForTimeout(300)
  const probe = await page.evaluate((usersPrefix) => {
    const api = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(usersPrefix)) as PerformanceResourceTiming[]
    return {
      paintedAt: window.__bench?.paintedAt ?? NaN,
      alerts429: window.__bench?.alerts429 ?? 0,
      firstRequestAt: Math.min(...api.map((entry) => entry.startTime)),
      lastAnswerAt: Math.max(...api.map((entry) => entry.responseEnd)),
    }
  }, usersPrefix(recorder))
  const all = recorder.since(from)
  const calls = all.filter((call) => call.url.startsWith(usersPrefix(recorder)))
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
