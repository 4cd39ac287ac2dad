import type { Page } from '@playwright/test'
import type { RecordedRequest } from '../server/local-tenant/management/faults'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import {
  assertAlert,
  assertOrganizationsTotal,
  goToUserOrganizations,
  holdMembershipPages,
  organizationRows,
  organizationsTable,
} from './support/app'
import { ADA, fillTenantSignIn, goToSignedIn } from './support/auth'
import { expect, openUserFromSearch, test } from './support/faults'

// Faults, in a real browser, through the proxy as `npm start` runs it: the `faults` project's
// tenant misbehaves on a switch (e2e/support/faults.ts), and its proxy gives up on the tenant
// after 2 s instead of 10. The tests run one at a time, each signed in through the tenant.

const { threeMemberships, manyMemberships, thousandMemberships, overflowMemberships } = NAMED_USERS

/** The list is complete: every row counted by the table, no progress bar left. */
async function assertCompleteList(page: Page, count: number) {
  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', String(count + 1), {
    timeout: 20_000,
  })
  await expect(page.getByRole('progressbar', { name: /^Loaded/ })).toHaveCount(0)
}

/**
 * Requests that started before the reset a 429 answered before them had announced. "Before" is
 * strict: a refusal the tenant sent in the same millisecond a request reached it cannot have been
 * seen by the browser that sent that request (and a 429 answered at once is not its own cause).
 */
function sentBeforeTheAnnouncedReset(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => {
    const lastRefusal = requests
      .filter((earlier) => earlier.outcome === 429 && (earlier.endedAt ?? 0) < request.startedAt)
      .at(-1)
    return request.startedAt < (lastRefusal?.rateLimitReset ?? 0) * 1000
  })
}

test.beforeEach(async ({ page }) => {
  await goToSignedIn(page, '/', ADA)
})

test('a connection dropped mid-way: the rows stay, and "Try again" fetches only the missing pages', async ({
  page,
  faults,
}) => {
  await faults.set({ userId: thousandMemberships.userId, dropConnectionAfterPages: 4 })
  await goToUserOrganizations(page, thousandMemberships.userId)

  // The proxy reports the cut as a 502; after the policy's retries the admin may try again.
  const alert = await assertAlert(page, '502', 'The Management API could not be reached.')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('progressbar', { name: 'Loaded 200 of 1,000' })).toBeVisible()
  await expect(organizationRows(page).first()).toBeVisible()

  await faults.clear(thousandMemberships.userId)
  await alert.getByRole('button', { name: 'Try again' }).click()

  await assertCompleteList(page, 1000)
  await assertOrganizationsTotal(page, '1,000 organizations')
  await expect(page.getByRole('alert')).toHaveCount(0)
  // Each of the pages fetched before the cut was asked for once: the list was finished, not redone.
  const asked = await faults.pagesAsked(thousandMemberships.userId)
  for (const fetchedBefore of [0, 1, 2, 3]) {
    expect(asked.filter((page) => page === fetchedBefore)).toHaveLength(1)
  }
})

test('an answer slower than the time-out: the proxy gives up, the app retries per the policy, then offers "Try again"', async ({
  page,
  faults,
}) => {
  test.setTimeout(60_000)
  await faults.set({ userId: threeMemberships.userId, delayMs: 30_000 })
  await goToUserOrganizations(page, threeMemberships.userId)

  const alert = await assertAlert(page, '504', "The Management API didn't answer in time")
  await expect(alert).toContainText('The Management API did not answer within 2 s.')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 })
  // The first try and the policy's two retries, none answered: the proxy gave up on each.
  const tries = await faults.requests({
    userId: threeMemberships.userId,
    endpoint: 'listUserOrganizations',
  })
  expect(tries.map((request) => request.outcome === 200)).toEqual([false, false, false])

  await faults.clear(threeMemberships.userId)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await assertCompleteList(page, 3)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a malformed page mid-way: its own error, and the rows fetched before it stay', async ({
  page,
  faults,
}) => {
  await faults.set({ userId: manyMemberships.userId, malformedPage: 2 })
  await goToUserOrganizations(page, manyMemberships.userId)

  const alert = await assertAlert(page, "The answer wasn't in the shape Orgscope expects")
  await expect(alert).toContainText('What did not fit:')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: /^Loaded (50|100) of 150$/ })).toBeVisible()
  await expect(organizationRows(page).first()).toBeVisible()
})

test('500, then success: the retry recovers by itself and the rows show', async ({
  page,
  faults,
}) => {
  await faults.set({ userId: manyMemberships.userId, fail500Times: 1 })
  await goToUserOrganizations(page, manyMemberships.userId)

  await assertCompleteList(page, 150)
  await expect(page.getByRole('alert')).toHaveCount(0)
  const outcomes = (
    await faults.requests({ userId: manyMemberships.userId, endpoint: 'listUserOrganizations' })
  ).map((request) => request.outcome)
  expect(outcomes).toEqual([500, 200, 200, 200])
})

test('a 429 storm: the countdown shows, no more than 3 tries per reset window, and the list loads when it passes', async ({
  page,
  faults,
}) => {
  // 3 s from the first refusal, each 429 announcing a reset within 2 s: a few windows, each
  // long enough to see the countdown, and few enough for the policy's three 429 retries.
  await faults.set({
    userId: manyMemberships.userId,
    rateLimitForMs: 3000,
    rateLimitWindowSeconds: 2,
  })
  await openUserFromSearch(page, manyMemberships.userId)

  await assertAlert(page, '429', 'Rate limited by the Management API', /Retrying in \d+ s/)
  await assertCompleteList(page, 150)
  await expect(page.getByRole('alert')).toHaveCount(0)

  const requests = await faults.requests({
    userId: manyMemberships.userId,
    endpoint: 'listUserOrganizations',
  })
  const refused = requests.filter((request) => request.outcome === 429)
  expect(refused.length).toBeGreaterThan(0)
  const triesPerWindow = new Map<number | undefined, number>()
  for (const request of refused) {
    triesPerWindow.set(
      request.rateLimitReset,
      (triesPerWindow.get(request.rateLimitReset) ?? 0) + 1,
    )
  }
  for (const tries of triesPerWindow.values()) expect(tries).toBeLessThanOrEqual(3)
  expect(sentBeforeTheAnnouncedReset(requests)).toEqual([])
})

test('a tenant without checkpoint paging: the first 1,000 of 1,200, saying why and what would show the rest', async ({
  page,
  faults,
}) => {
  await faults.set({ userId: overflowMemberships.userId, refuseCheckpointPaging: true })
  await goToUserOrganizations(page, overflowMemberships.userId)

  await assertCompleteList(page, 1000)
  await assertOrganizationsTotal(page, '1,200 organizations')
  await expect(
    page.getByText(
      'Showing the first 1,000 of 1,200 — this tenant does not page past 1,000 by checkpoint',
    ),
  ).toBeVisible()
  await expect(page.getByText(/^The Management API lists at most 1,000 memberships/)).toContainText(
    "it refused checkpoint paging (400: Query validation error: 'Additional properties not allowed: take'",
  )
  await expect(page.getByRole('alert')).toHaveCount(0)
  // One checkpoint request, refused; then the offset pages up to the cap, none past it.
  const requests = await faults.requests({
    userId: overflowMemberships.userId,
    endpoint: 'listUserOrganizations',
  })
  expect(requests.filter((request) => request.take !== undefined)).toHaveLength(1)
  expect(
    requests.filter(
      (request) =>
        request.take === undefined && (request.page ?? 0) * (request.perPage ?? 0) >= 1000,
    ),
  ).toEqual([])
})

test("switching users quickly: only the last user's rows show, and the first user's request is cancelled", async ({
  page,
  faults,
}) => {
  // Held in the browser, unanswered: the first user's page can end only by the app dropping it
  // (a delay at the tenant would also end at the proxy's 2 s time-out, whoever moved on).
  const firstUsersPages = await holdMembershipPages(page, thousandMemberships.userId, { from: 0 })
  await openUserFromSearch(page, thousandMemberships.userId)
  await expect.poll(() => firstUsersPages.count()).toBe(1)

  await page.goBack()
  await openUserFromSearch(page, threeMemberships.userId)

  await assertCompleteList(page, 3)
  await assertOrganizationsTotal(page, '3 organizations')
  await expect(page.getByText(thousandMemberships.email)).toHaveCount(0)
  // The browser dropped the first user's request when the admin moved on, and none followed it.
  await expect.poll(() => firstUsersPages.failures()).toEqual(['net::ERR_ABORTED'])
  expect(firstUsersPages.count()).toBe(1)
  await firstUsersPages.release()
  expect(
    await faults.requests({
      userId: thousandMemberships.userId,
      endpoint: 'listUserOrganizations',
    }),
  ).toEqual([])
  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', '4')
})

test('session expiry mid-use: the tenant session ends, the admin signs in again with the password and is back on the same page with its data', async ({
  page,
  faults,
}) => {
  test.setTimeout(60_000)
  // Tokens that live a minute: the SDK renews one through the tenant session before each call
  // (auth0-spa-js renews any token with less than a minute left).
  await faults.setTokenLifetime(60)
  await faults.set({ userId: thousandMemberships.userId, delayMs: 3000 })
  await goToUserOrganizations(page, thousandMemberships.userId)
  await expect.poll(() => faults.pagesAsked(thousandMemberships.userId)).toEqual([0])

  // The tenant session expires while the first page is on its way: the next pages need a new
  // token, which cannot be renewed, and the SDK signs the admin out of the page (as auth0-spa-js
  // does on login_required) — the landing offers "Sign in", keeping the page to come back to.
  await faults.endSessions()
  await faults.clear(thousandMemberships.userId)
  // Tokens of the new session live an hour again: no renewal before every page.
  await faults.setTokenLifetime(3600)
  await page.getByRole('button', { name: 'Sign in' }).click({ timeout: 20_000 })
  await fillTenantSignIn(page, ADA)

  await expect(page).toHaveURL(toUserOrganizations(thousandMemberships.userId))
  await assertCompleteList(page, 1000)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a token the tenant no longer accepts is the proxy’s to renew: the admin just sees the data', async ({
  page,
  faults,
}) => {
  await openUserFromSearch(page, NAMED_USERS.oneMembership.userId)
  await assertCompleteList(page, 1)
  const seenBefore = (await faults.requests()).length
  // Every token issued so far, the proxy's own Management API token included.
  await faults.set({ rejectTokensIssuedBefore: 'now' })

  await page.goBack()
  await openUserFromSearch(page, threeMemberships.userId)

  await assertCompleteList(page, 3)
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The tenant refused the old token, and the same lookups then went through with a new one.
  const outcomes = (await faults.requests()).slice(seenBefore).map((request) => request.outcome)
  expect(outcomes).toContain(401)
  expect(outcomes.at(-1)).toBe(200)
})
