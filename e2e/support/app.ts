import { expect, type Page, type Route } from '@playwright/test'
import { toUserOrganizations } from '../../src/lib/routes'

export async function goToUserOrganizations(page: Page, userId: string) {
  await page.goto(toUserOrganizations(userId))
}

export function organizationsTable(page: Page) {
  return page.getByRole('table', { name: 'Organizations' })
}

/** Data rows (the header row excluded) currently rendered in the table. */
export function organizationRows(page: Page) {
  return organizationsTable(page).locator('tbody tr[aria-rowindex]')
}

export async function assertOrganizationsTotal(page: Page, text: string | RegExp) {
  await expect(page.getByText(text, { exact: typeof text === 'string' }).first()).toBeVisible({
    timeout: 20_000,
  })
}

export async function assertAlert(page: Page, ...texts: (string | RegExp)[]) {
  const alert = page.getByRole('alert').filter({ hasText: texts[0] })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  for (const text of texts) await expect(alert).toContainText(text)
  return alert
}

/** Holds back `userId`'s memberships pages (see holdListPages). */
export function holdMembershipPages(
  page: Page,
  userId: string,
  which: { from: number } | { laterCheckpoints: true },
) {
  return holdListPages(page, `users/${encodeURIComponent(userId)}/organizations`, which)
}

/**
 * Holds back pages of the list at `listPath` (below the API base, already encoded) — offset pages
 * from `page=from` on, or every checkpoint page after the first (those that carry a `from`): they
 * wait, unanswered, until `release()`, after which every request goes through. Pages a cancel
 * aborted meanwhile are let go too (the browser has already dropped them).
 */
export async function holdListPages(
  page: Page,
  listPath: string,
  which: { from: number } | { laterCheckpoints: true },
) {
  const held: Route[] = []
  let holding = true
  const isHeld = (params: URLSearchParams) =>
    'from' in which
      ? params.has('page') && Number(params.get('page')) >= which.from
      : params.has('from')
  await page.route(`**/${listPath}?*`, async (route) => {
    const request = route.request()
    const params = new URL(request.url()).searchParams
    if (!holding || request.method() !== 'GET' || !isHeld(params)) return route.fallback()
    held.push(route)
  })
  return {
    /** Requests held back so far, and not yet released. */
    count: () => held.length,
    /** Why each held request ended before its release, if the browser dropped it (its error text). */
    failures: () => held.flatMap((route) => route.request().failure()?.errorText ?? []),
    release: async () => {
      holding = false
      // An aborted request can no longer be continued; nothing is lost by letting it go.
      for (const route of held.splice(0)) await route.fallback().catch(() => undefined)
    },
  }
}
