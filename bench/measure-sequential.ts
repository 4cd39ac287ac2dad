/**
 * The yardstick for the parallel pager: the same requests a 1000-membership load made (the same
 * URLs, in the order the app sent them, with the app's own token), sent from the same page one
 * at a time — each answer read and parsed before the next request goes out. Timed by the page's
 * clock from the first request to the last parsed answer. No boot, no sign-in, no rendering: it
 * is only the waiting a one-page-at-a-time pager cannot avoid, so it flatters the sequential
 * side, never ours.
 */
import type { Page } from '@playwright/test'
import type { ApiCall } from './browser'

export async function sequentialFetchMs(page: Page, calls: readonly ApiCall[]): Promise<number> {
  const requests = calls.map((call) => ({ url: call.url, authorization: call.authorization ?? '' }))
  if (requests.some((request) => request.authorization === '')) {
    throw new Error('A recorded Management API call had no bearer token to replay.')
  }
  return page.evaluate(async (list) => {
    const startedAt = performance.now()
    for (const { url, authorization } of list) {
      const response = await fetch(url, { headers: { Authorization: authorization } })
      if (!response.ok) throw new Error(`Sequential replay: ${response.status} from ${url}`)
      await response.json()
    }
    return performance.now() - startedAt
  }, requests)
}
