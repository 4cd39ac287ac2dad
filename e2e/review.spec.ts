import { expect, test, type Page } from '@playwright/test'
import { NAMED_USERS, type NamedUser } from '../server/local-tenant/seed/named-users'
import { SCENARIO_USERS } from '../server/local-tenant/seed/scenarios'
import { ADA, storageStateFor } from './support/auth'
import { holdMembershipPages } from './support/app'
import { assertFocusedVisibly, tabTo } from './support/keyboard'
import {
  assertExportIncomplete,
  assertReviewFinished,
  cancelReview,
  exportReviewCsv,
  exportReviewProvenance,
  goToReview,
  resumeReview,
  reviewExportParts,
  reviewFailures,
  reviewList,
  reviewBox,
  reviewProgressBar,
  reviewStatus,
  reviewTableRows,
} from './support/review'
import { goToSearch } from './support/screens'

test.use({ storageState: storageStateFor(ADA) })

const {
  threeMemberships,
  thousandMemberships,
  sharedEmailDatabase,
  sharedEmailGoogle,
  justCreated,
} = NAMED_USERS
const rateLimited = SCENARIO_USERS['rate-limited']
const UNKNOWN_ID = 'auth0|no-such-user-in-this-tenant'
const UNKNOWN_EMAIL = 'no.such.person@example.com'

test('bulk review: unknown users, an email with two accounts and a rate-limited user; a failed one retried; the export matches the screen', async ({
  page,
}) => {
  // The rate-limited user's 429 episode is shared with error-states.spec.ts (one a minute), so
  // here its first memberships answer is made a 429 for certain, as the tenant words it, with a
  // reset three seconds ahead; the requests after it reach the tenant.
  await refuseMemberships(page, rateLimited.userId, 1, {
    status: 429,
    headers: {
      'x-ratelimit-limit': '40',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3),
    },
    json: {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    },
  })
  // Tess's memberships fail for good the first time (the policy's two retries too), then work.
  await refuseMemberships(page, threeMemberships.userId, 3, {
    status: 503,
    json: { statusCode: 503, error: 'Service Unavailable', message: 'Try again later.' },
  })

  await goToReview(page)
  await reviewList(page, [
    threeMemberships.userId,
    sharedEmailDatabase.email,
    rateLimited.email,
    UNKNOWN_ID,
    UNKNOWN_EMAIL,
  ])

  // The 429 holds the rate-limited user back with a countdown, and the review carries on by itself.
  await expect(reviewStatus(page)).toContainText(
    /1 waiting for the rate limit, resuming in [1-9] s/,
  )
  await assertReviewFinished(page, 5)

  const before = await reviewTableRows(page)
  expect(rowCounts(before)).toEqual(
    everyMembershipOf([sharedEmailDatabase, sharedEmailGoogle, rateLimited]),
  )

  // Every failure beside the table, none lost.
  const failures = reviewFailures(page).getByRole('listitem')
  await expect(failures).toHaveCount(3)
  await expect(failures.filter({ hasText: UNKNOWN_ID })).toContainText('HTTP 404')
  await expect(failures.filter({ hasText: UNKNOWN_EMAIL })).toContainText(
    'No user with this email.',
  )
  await expect(failures.filter({ hasText: threeMemberships.userId })).toContainText(
    'Memberships: HTTP 503',
  )

  // Retry only the failed: Tess loads; the unknown stay unknown; nothing loaded is lost.
  await page.getByRole('button', { name: 'Retry failed' }).click()
  await assertReviewFinished(page, 5)
  const after = await reviewTableRows(page)
  expect(rowCounts(after)).toEqual(
    everyMembershipOf([threeMemberships, sharedEmailDatabase, sharedEmailGoogle, rateLimited]),
  )
  await expect(failures).toHaveCount(2)
  // Entries and users counted apart: the shared email found two accounts.
  await expect(reviewStatus(page)).toHaveText('4 users found · 2 entries failed')

  // The evidence file holds exactly the rows on screen, and says what failed.
  const { fileName, records } = await exportReviewCsv(page)
  expect(fileName).toMatch(/^orgscope-review-\d{8}-\d{6}Z\.csv$/)
  expect(records[0]?.slice(0, 2)).toEqual(['input', 'user_id'])
  expect(records.slice(1).map((record) => [record[1], record[7]])).toEqual(after)
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(fileName)
  // The JSON carries the provenance: who, what was asked, what failed.
  const provenance = await exportReviewProvenance(page)
  expect(provenance).toMatchObject({
    exportedBy: ADA.email,
    rowsExported: after.length,
    listComplete: false,
    review: {
      entries: [
        threeMemberships.userId,
        sharedEmailDatabase.email,
        rateLimited.email,
        UNKNOWN_ID,
        UNKNOWN_EMAIL,
      ],
    },
  })
  expect((provenance.review as { failures: unknown[] }).failures).toHaveLength(2)
})

test('bulk review: an account created moments ago is reviewed by its email, and an email two accounts share lists both', async ({
  page,
}) => {
  await goToReview(page)
  await reviewList(page, [justCreated.email, sharedEmailDatabase.email])
  await assertReviewFinished(page, 2)

  expect(rowCounts(await reviewTableRows(page))).toEqual(
    everyMembershipOf([justCreated, sharedEmailDatabase, sharedEmailGoogle]),
  )
  await expect(reviewStatus(page)).toHaveText('3 users found · 0 entries failed')
  await expect(reviewFailures(page)).toHaveCount(0)
})

test('bulk review: Cancel while a 1,000-organization list is part-way, then Resume, ends with exactly what an uninterrupted run gives; no export says complete before', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const list = [thousandMemberships.email, threeMemberships.email]
  const expectedRows = thousandMemberships.memberships + threeMemberships.memberships

  // The same list reviewed without interruption, in a page (and a cache) of its own.
  const uninterrupted = await context.newPage()
  await goToReview(uninterrupted)
  await reviewList(uninterrupted, list)
  await assertReviewFinished(uninterrupted, list.length)
  const whole = reviewExportParts((await exportReviewCsv(uninterrupted)).records)
  const wholeProvenance = await exportReviewProvenance(uninterrupted)
  await uninterrupted.close()
  expect(wholeProvenance.listComplete).toBe(true)
  expect(whole.rows).toHaveLength(expectedRows)

  // Theo's first five pages (250 organizations) answer; the rest wait, in flight.
  const pages = await holdMembershipPages(page, thousandMemberships.userId, { from: 5 })
  await goToReview(page)
  await reviewList(page, list)
  // Tess's entry is done; Theo's is not.
  await expect(reviewProgressBar(page, 1, 2)).toBeVisible()
  await expect.poll(() => pages.count()).toBeGreaterThan(0)

  // While Theo's list is part-way, the file says so.
  assertExportIncomplete(await exportReviewProvenance(page), /1 entry was not reviewed/)

  await cancelReview(page)
  await expect(reviewStatus(page)).toHaveText(
    '2 users found · 0 entries failed · 1 entry not reviewed (cancelled)',
  )
  // After Cancel: Tess's rows only, none of Theo's 250, and never "complete".
  assertExportIncomplete(await exportReviewProvenance(page), /1 entry was not reviewed/)
  const cancelled = reviewExportParts((await exportReviewCsv(page)).records)
  expect(cancelled.rows.filter((row) => row[1] === thousandMemberships.userId)).toEqual([])
  expect(cancelled.rows).toHaveLength(threeMemberships.memberships)

  await pages.release()
  await resumeReview(page)
  await assertReviewFinished(page, list.length)
  await expect(reviewStatus(page)).toHaveText('2 users found · 0 entries failed')
  await expect(
    page.getByText(`${expectedRows.toLocaleString('en-US')} rows for 2 users`),
  ).toBeVisible()

  // The file equals the uninterrupted run's, row for row, and says complete. Roles are left out:
  // they are looked up for the rows that were in view, which is not what this compares.
  const resumed = reviewExportParts((await exportReviewCsv(page)).records)
  const resumedProvenance = await exportReviewProvenance(page)
  expect(resumedProvenance.listComplete).toBe(true)
  expect(resumed.header).toEqual(whole.header)
  expect(resumed.rows.map(withoutRoles)).toEqual(whole.rows.map(withoutRoles))
  // Every provenance field but the times it was generated and its data fetched, and the roles.
  expect(withoutTimes(resumedProvenance)).toEqual(withoutTimes(wholeProvenance))

  // On screen too: all of Theo's 1,000, filtered by his email.
  await page.getByRole('textbox', { name: 'Filter' }).fill(thousandMemberships.email)
  await expect(
    page.getByText(`Showing 1,000 matching \u201c${thousandMemberships.email}\u201d`),
  ).toBeVisible()
})

test('bulk review table: sorts by any header into the URL (the pasted list never), ids break only at | @ . /, failures below the table on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await goToReview(page)
  await reviewList(page, [sharedEmailDatabase.email, threeMemberships.userId, UNKNOWN_EMAIL])
  await assertReviewFinished(page, 3)

  const table = page.getByRole('table', { name: 'Memberships under review' })
  const header = table.getByRole('columnheader', { name: 'Organization ID' })
  await header.getByRole('button').click()
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  const ids = (await reviewTableRows(page)).map(([, organizationId]) => organizationId)
  expect(ids).toEqual(
    [...ids].sort(new Intl.Collator('en', { numeric: true }).compare).toReversed(),
  )
  await page.getByRole('textbox', { name: 'Filter' }).fill('trio')
  await expect(page).toHaveURL(/[?&]filter=trio(&|$)/)
  const url = page.url()
  expect(url).toContain('sort=organizationId&dir=desc')
  expect(url).not.toContain(encodeURIComponent(sharedEmailDatabase.email))
  expect(url).not.toContain(encodeURIComponent(UNKNOWN_EMAIL))

  // The user id is one word to the browser: it may break after its "|", never inside a part.
  const idCell = table.getByRole('row').nth(1).getByRole('cell').nth(1)
  await expect(idCell).toHaveText(threeMemberships.userId)
  await expect(idCell.locator('wbr')).toHaveCount(1)

  // One column on a phone: the failures come after the table, not squeezed beside it.
  const tableBox = await page
    .getByRole('region', { name: 'Memberships under review list' })
    .boundingBox()
  const failuresBox = await reviewFailures(page).boundingBox()
  expect(failuresBox && tableBox && failuresBox.y >= tableBox.y + tableBox.height).toBe(true)
})

test('keyboard only: from search, the header takes you to Bulk review and back', async ({
  page,
}) => {
  await goToSearch(page)
  const nav = page.getByRole('navigation', { name: 'Main' })

  await tabTo(page, nav.getByRole('link', { name: 'Bulk review' }), { backwards: true })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/review')
  await tabTo(page, reviewBox(page))
  await assertFocusedVisibly(page, reviewBox(page))

  await tabTo(page, nav.getByRole('link', { name: 'Search' }), { backwards: true })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/')
})

/** How many rows each user has in the review table. */
function rowCounts(rows: readonly [string, string][]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const [userId] of rows) counts[userId] = (counts[userId] ?? 0) + 1
  return counts
}

/** What `rowCounts` gives for a table of exactly every membership of `users`. */
function everyMembershipOf(
  users: readonly Pick<NamedUser, 'userId' | 'memberships'>[],
): Record<string, number> {
  return Object.fromEntries(users.map(({ userId, memberships }) => [userId, memberships]))
}

function withoutTimes(provenance: Record<string, unknown>) {
  // The roles fields, and the note's sentence counting rows without roles, follow which rows were
  // scrolled into view: not what the comparisons here are about.
  const left = new Set([
    'generatedAt',
    'fetchedFrom',
    'fetchedUntil',
    'rolesComplete',
    'rolesStatusCounts',
  ])
  return Object.fromEntries(
    Object.entries(provenance)
      .filter(([key]) => !left.has(key))
      .map(([key, value]) => [
        key,
        key === 'note' && typeof value === 'string'
          ? value.replace(/ ?Roles: not in the file for .*$/, '')
          : value,
      ]),
  )
}

/** A CSV record without its roles and roles_status, the review export's last two columns. */
function withoutRoles(record: string[]) {
  return record.slice(0, -2)
}

/**
 * The first `times` memberships requests for `userId` get `answer` instead of the tenant's (with
 * the CORS headers the proxy would send); later ones go through untouched.
 */
async function refuseMemberships(
  page: Page,
  userId: string,
  times: number,
  answer: { status: number; headers?: Record<string, string>; json: object },
) {
  let left = times
  await page.route(`**/users/${encodeURIComponent(userId)}/organizations?*`, async (route) => {
    if (left === 0) return route.fallback()
    left -= 1
    await route.fulfill({
      status: answer.status,
      headers: {
        'access-control-allow-origin': new URL(page.url()).origin,
        'access-control-expose-headers':
          'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After',
        ...answer.headers,
      },
      json: answer.json,
    })
  })
}
