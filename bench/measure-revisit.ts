/**
 * Revisit: from a user's complete table, "Back to search", then the browser's Back to the same
 * user a moment later — the cached list (react-query's staleTime) should need no request. Timed
 * by the page's clock from `history.back()` to the first paint of the complete table; requests
 * counted from the click on "Back to search" until the table is painted (and a little after).
 */
import type { Page } from '@playwright/test'
import type { NamedUser } from '../server/local-tenant/seed/named-users'
import type { ApiRecorder } from './browser'
import { expectationFor } from './measure-load'
import { tablePainted } from './page-probes'
import { withTimeout } from './stats'

export interface RevisitRun {
  ms: number
  requests: number
}

/** `page` shows `user`'s complete table and has `installLoadProbe` installed. */
export async function revisitOnce(
  page: Page,
  recorder: ApiRecorder,
  user: NamedUser,
): Promise<RevisitRun> {
  const from = recorder.calls.length
  await page.getByRole('link', { name: 'Back to search' }).click()
  await page.getByRole('searchbox', { name: 'Search users' }).waitFor()
  // A moment on the search page, as a person would take.
  await page.waitForTimeout(500)
  await page.evaluate((expectation) => {
    window.__bench?.arm(expectation)
    history.back()
  }, expectationFor(user))
  const paintedAt = await withTimeout(page.evaluate(tablePainted), 30_000, 'the revisited table')
  const armedAt = await page.evaluate(() => window.__bench?.armedAt ?? NaN)
  // Let anything the revisit set off land, so a request is counted rather than missed.
  await page.waitForTimeout(300)
  const ms = paintedAt - armedAt
  return { ms, requests: recorder.since(from).length }
}
