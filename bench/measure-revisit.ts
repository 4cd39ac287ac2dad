/**
 * Revisit: from a target's complete table (a user's memberships, in the bench), "Back to search",
 * then the browser's Back to the same page a moment later — the cached list (react-query's
 * staleTime) should need no request. Timed by the page's clock from `history.back()` to the first
 * paint of the complete table; requests counted from the click on "Back to search" until the
 * table is painted (and a little after).
 */
import type { Page } from '@playwright/test'
import type { ApiRecorder } from './browser'
import { tablePainted } from './page-probes'
import { withTimeout } from './stats'
import type { LoadTarget } from './targets'

export interface RevisitRun {
  ms: number
  requests: number
}

/** `page` shows `target`'s complete table and has `installLoadProbe` installed. */
export async function revisitOnce(
  page: Page,
  recorder: ApiRecorder,
  target: LoadTarget,
): Promise<RevisitRun> {
  const from = recorder.calls.length
  await page.getByRole('link', { name: 'Back to search' }).click()
  await page.getByRole('searchbox', { name: 'Search users' }).waitFor()
  // A moment on the search page, as a person would take.
  await page.waitForTimeout(500)
  await page.evaluate((expectation) => {
    window.__bench?.arm(expectation)
    history.back()
  }, target.expectation)
  const paintedAt = await withTimeout(page.evaluate(tablePainted), 30_000, 'the revisited table')
  const armedAt = await page.evaluate(() => window.__bench?.armedAt ?? NaN)
  // Let anything the revisit set off land, so a request is counted rather than missed.
  await page.waitForTimeout(300)
  const ms = paintedAt - armedAt
  return { ms, requests: recorder.since(from).length }
}
