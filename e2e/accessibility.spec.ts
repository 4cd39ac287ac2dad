import { expect, test, type Page } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { THREE_MEMBER_ORGANIZATION } from '../server/local-tenant/seed/organization-page'
import { toOrganization, toVerify } from '../src/lib/routes'
import {
  SCENARIO_ORGANIZATIONS,
  SCENARIO_USERS,
  type ScenarioName,
} from '../server/local-tenant/seed/scenarios'
import { signOff, startAccessReview } from './support/access-review'
import { ADA, fillTenantSignIn, MO, RAE, storageStateFor } from './support/auth'
import { assertAlert, goToUserOrganizations, organizationsTable } from './support/app'
import { assertNoSeriousA11yViolations } from './support/axe'
import { assertReviewFinished, goToReview, reviewFailures, reviewList } from './support/review'
import {
  assertNoMemberships,
  assertNoOrganizationMatches,
  assertNoSearchResults,
  assertPageNotFound,
  assertSearchIdle,
  assertSearchResult,
  assertSignedOut,
  filterBox,
  goToMembershipsTable,
  goToSearch,
  openAccountMenu,
} from './support/screens'

// Every page and state a person can reach, checked by axe against WCAG 2.1 A and AA: no serious
// or critical violation anywhere. Each test first waits for the state it names, then scans.

test.describe('signed out', () => {
  test('the landing page', async ({ page }) => {
    await page.goto('/')
    await assertSignedOut(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('the landing page after the session ended', async ({ page, context, baseURL }) => {
    // The SDK's "signed in" flag from an earlier visit, with no tenant session behind it.
    await context.addCookies([
      { name: 'auth0.orgscope-spa.is.authenticated', value: 'true', url: baseURL ?? '' },
    ])
    await page.goto('/')
    await expect(page.getByRole('alert')).toContainText('Your session has ended')
    await assertNoSeriousA11yViolations(page)
  })

  test("the tenant's sign-in page, and its wrong-password alert", async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: /sign in to orgscope/i })).toBeVisible()
    await assertNoSeriousA11yViolations(page)

    await fillTenantSignIn(page, { ...ADA, password: 'not-the-password' })
    await expect(page.getByRole('alert')).toHaveText(/wrong email or password/i)
    await assertNoSeriousA11yViolations(page)
  })
})

test.describe('signed in without read:organization_member_roles', () => {
  test.use({ storageState: storageStateFor(RAE) })

  test('the missing scope named once above the table, each row saying No permission', async ({
    page,
  }) => {
    await goToMembershipsTable(page, NAMED_USERS.threeMemberships.userId, '3 organizations')
    await expect(
      page.getByRole('status', {
        name: 'Roles not shown: missing permission read:organization_member_roles',
      }),
    ).toBeVisible()
    await expect(
      organizationsTable(page)
        .getByRole('cell')
        .filter({ hasText: /^No permission/ }),
    ).toHaveCount(3)
    await assertNoSeriousA11yViolations(page)
  })
})

/** The organization page with its members table and roles overview (or `status` instead). */
async function goToOrganizationMembers(page: Page, total: string) {
  await page.goto(toOrganization(THREE_MEMBER_ORGANIZATION.id))
  await expect(
    page.getByRole('heading', { level: 1, name: THREE_MEMBER_ORGANIZATION.display_name }),
  ).toBeVisible()
  await expect(page.getByText(total, { exact: true })).toBeVisible()
}

test.describe('the organization page', () => {
  test.describe('as Ada', () => {
    test.use({ storageState: storageStateFor(ADA) })

    test('members with roles, a role filter on, and an organization that is gone', async ({
      page,
    }) => {
      await goToOrganizationMembers(page, '3 members')
      await page
        .getByRole('group', { name: 'Filter by role' })
        .getByRole('button', { name: /^Org Admin/ })
        .click()
      await assertNoSeriousA11yViolations(page)

      await page.goto(toOrganization(SCENARIO_ORGANIZATIONS.deleted.id))
      await assertAlert(page, '404')
      await assertNoSeriousA11yViolations(page)
    })

    test('organizations found by the search box', async ({ page }) => {
      await goToSearch(page, { q: THREE_MEMBER_ORGANIZATION.name })
      await expect(page.getByText(/^Searched all/)).toBeVisible({ timeout: 30_000 })
      await assertNoSeriousA11yViolations(page)
    })
  })

  test.describe('as Rae, without read:organization_members', () => {
    test.use({ storageState: storageStateFor(RAE) })

    test('the 403 on the members', async ({ page }) => {
      await page.goto(toOrganization(THREE_MEMBER_ORGANIZATION.id))
      await assertAlert(page, '403', 'read:organization_members')
      await assertNoSeriousA11yViolations(page)
    })
  })

  test.describe('as Mo, without read:organization_member_roles', () => {
    test.use({ storageState: storageStateFor(MO) })

    test('the members, roles said once to be missing', async ({ page }) => {
      await goToOrganizationMembers(page, '3 members')
      await expect(page.getByRole('status', { name: /^Roles not shown/ })).toBeVisible()
      await assertNoSeriousA11yViolations(page)
    })
  })

  test.describe('in the dark theme', () => {
    test.use({ storageState: storageStateFor(ADA), colorScheme: 'dark' })

    test('members with roles, and a failed members list', async ({ page }) => {
      await goToOrganizationMembers(page, '3 members')
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
      await assertNoSeriousA11yViolations(page)

      await page.goto(toOrganization(SCENARIO_ORGANIZATIONS['server-error'].id))
      await assertAlert(page, '500')
      await assertNoSeriousA11yViolations(page)
    })
  })
})

test.describe('signed in', () => {
  test.use({ storageState: storageStateFor(ADA) })

  test('search before typing: the examples', async ({ page }) => {
    await goToSearch(page)
    await assertSearchIdle(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('search results', async ({ page }) => {
    await goToSearch(page, { q: 'pat.twin@example.com' })
    await assertSearchResult(page, 'pat.twin@example.com')
    await assertNoSeriousA11yViolations(page)
  })

  test('a user id in the box: the "Open user" shortcut', async ({ page }) => {
    await goToSearch(page, { q: NAMED_USERS.samlUser.userId })
    await expect(page.getByRole('link', { name: /open user/i })).toBeVisible()
    await assertNoSeriousA11yViolations(page)
  })

  test('a search that matches nobody', async ({ page }) => {
    await goToSearch(page, { q: 'zz-nobody-has-this-name' })
    await assertNoSearchResults(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('an invalid Lucene query: the 400 alert beside the box', async ({ page }) => {
    await goToSearch(page, { q: 'name:"unbalanced', advanced: true })
    await assertAlert(page, '400', /invalid query/i)
    await assertNoSeriousA11yViolations(page)
  })

  test('the account menu, open', async ({ page }) => {
    await goToSearch(page)
    await openAccountMenu(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('a user with 3 organizations', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.threeMemberships.userId, '3 organizations')
    await assertNoSeriousA11yViolations(page)
  })

  test('a user with 1,000 organizations, the virtualized table scrolled', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.thousandMemberships.userId, '1,000 organizations')
    await assertNoSeriousA11yViolations(page)
    await page.getByRole('region', { name: 'Organizations list' }).evaluate((scroller) => {
      scroller.scrollTop = scroller.scrollHeight / 2
    })
    await expect(page.locator('tbody tr[aria-rowindex="500"]')).toBeAttached()
    await assertNoSeriousA11yViolations(page)
  })

  test('the hostile, right-to-left and very long organization names', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.edgeCaseOrganizations.userId, '24 organizations')
    await assertNoSeriousA11yViolations(page)
  })

  test('roles per row: loaded, refused (403) and failed with Retry', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.office365User.userId, '3 organizations')
    await expect(page.getByText('Member, Org Admin')).toBeVisible()
    await expect(page.getByText('Needs read:organization_member_roles')).toBeVisible()
    await expect(organizationsTable(page).getByRole('button', { name: 'Retry' })).toBeVisible({
      timeout: 20_000,
    })
    await assertNoSeriousA11yViolations(page)
  })

  test('the export menu open, and the SHA-256 after a download', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.threeMemberships.userId, '3 organizations')
    await page.getByRole('button', { name: 'Export' }).click()
    await expect(page.getByRole('menuitem', { name: 'CSV' })).toBeVisible()
    await assertNoSeriousA11yViolations(page)
    const downloading = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'CSV' }).click()
    await downloading
    await expect(page.getByRole('status').filter({ hasText: 'SHA-256' })).toBeVisible()
    await assertNoSeriousA11yViolations(page)
  })

  test('a user without organizations', async ({ page }) => {
    await goToUserOrganizations(page, NAMED_USERS.noMemberships.userId)
    await assertNoMemberships(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('a filter that matches no organization', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.threeMemberships.userId, '3 organizations')
    await filterBox(page).fill('zz-no-such-organization')
    await assertNoOrganizationMatches(page, 'zz-no-such-organization')
    await assertNoSeriousA11yViolations(page)
  })

  const errorStates: [ScenarioName, ...(string | RegExp)[]][] = [
    ['invalid-token', '401', 'Invalid token'],
    ['insufficient-scope', '403', 'read:organizations'],
    ['deleted', '404'],
    ['invalid-uri', '400', 'invalid_uri'],
    ['server-error', '500'],
    ['bad-gateway', '502'],
    ['empty-body', '503'],
    ['malformed', /shape/i],
  ]
  for (const [scenario, ...texts] of errorStates) {
    test(`the error state: ${scenario}`, async ({ page }) => {
      await goToUserOrganizations(page, SCENARIO_USERS[scenario].userId)
      await assertAlert(page, ...texts)
      await assertNoSeriousA11yViolations(page)
    })
  }

  test('the error state: 429 counting down', async ({ page }) => {
    // The tenant's rate-limited user acts out one episode a minute, which error-states.spec.ts
    // watches from its start; a scan must not use it up. Here the tenant's own answer for another
    // user (its CORS headers included) is turned into a 429 with a reset half a minute away.
    const user = NAMED_USERS.oneMembership
    await page.route(
      `**/users/${encodeURIComponent(user.userId)}/organizations?*`,
      async (route) => {
        const response = await route.fetch()
        await route.fulfill({
          response,
          status: 429,
          headers: {
            ...response.headers(),
            'x-ratelimit-limit': '40',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30),
          },
          json: {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Global limit has been reached',
            errorCode: 'too_many_requests',
          },
        })
      },
    )
    await goToUserOrganizations(page, user.userId)
    await assertAlert(page, '429', /retrying in \d+ s/i)
    await assertNoSeriousA11yViolations(page)
  })

  test('bulk review before a list is given', async ({ page }) => {
    await goToReview(page)
    await assertNoSeriousA11yViolations(page)
  })

  test('bulk review with results and failures beside them', async ({ page }) => {
    await goToReview(page)
    await reviewList(page, [NAMED_USERS.threeMemberships.userId, 'auth0|no-such-user'])
    await assertReviewFinished(page, 2)
    await expect(reviewFailures(page)).toBeVisible()
    await assertNoSeriousA11yViolations(page)
  })

  test('the not-found page', async ({ page }) => {
    await page.goto('/no/such/page')
    await assertPageNotFound(page)
    await assertNoSeriousA11yViolations(page)
  })
})

// The dark theme: followed from the system, or chosen with the header's toggle. Every kind of
// screen once more in dark — text on dark cards, the table, an alert, the sign-in landing.
test.describe('in the dark theme, which follows a dark system colour scheme', () => {
  test.use({ colorScheme: 'dark' })

  test('the landing page', async ({ page }) => {
    await page.goto('/')
    await assertSignedOut(page)
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await assertNoSeriousA11yViolations(page)
  })

  test.describe('signed in', () => {
    test.use({ storageState: storageStateFor(ADA) })

    test('search results, a memberships table and an error alert', async ({ page }) => {
      await goToSearch(page, { q: 'pat.twin@example.com' })
      await assertSearchResult(page, 'pat.twin@example.com')
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
      await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
        'aria-pressed',
        'true',
      )
      await assertNoSeriousA11yViolations(page)

      await goToMembershipsTable(page, NAMED_USERS.edgeCaseOrganizations.userId, '24 organizations')
      await assertNoSeriousA11yViolations(page)

      await goToUserOrganizations(page, SCENARIO_USERS['server-error'].userId)
      await assertAlert(page, '500')
      await assertNoSeriousA11yViolations(page)
    })

    test('the toggle turns the light theme on over a dark system, and it stays after a reload', async ({
      page,
    }) => {
      await goToSearch(page)
      await assertSearchIdle(page)
      await page.getByRole('button', { name: 'Dark theme' }).click()
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')

      await page.reload()
      await assertSearchIdle(page)
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
      await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
        'aria-pressed',
        'false',
      )
    })
  })
})

// A phone: the tables scroll sideways, and say so; the popovers that show what a cell cuts short.
test.describe('the memberships table at 375 px, with its sideways cue and an open popover', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`in the ${colorScheme} theme`, () => {
      test.use({
        storageState: storageStateFor(ADA),
        colorScheme,
        viewport: { width: 375, height: 800 },
      })

      test('the cue, then "+N more" open', async ({ page }) => {
        await goToMembershipsTable(page, NAMED_USERS.manyMemberships.userId, '150 organizations')
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme)
        await expect(page.getByText('Scroll sideways for id and roles')).toBeVisible()
        await assertNoSeriousA11yViolations(page)

        const more = organizationsTable(page)
          .getByRole('button', { name: /more metadata$/ })
          .first()
        await more.focus()
        await page.keyboard.press('Enter')
        await expect(page.getByRole('dialog', { name: /^Metadata/ })).toBeFocused()
        await assertNoSeriousA11yViolations(page)
      })
    })
  }
})

test.describe('the access review and its evidence pack', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`in the ${colorScheme} theme`, () => {
      test.use({ storageState: storageStateFor(ADA), colorScheme })

      test('a review under way, signed off, compared, and its pack verified', async ({ page }) => {
        // One review walked through every state it shows, each scanned.
        test.setTimeout(120_000)
        const trio = NAMED_USERS.threeMemberships
        await goToMembershipsTable(page, trio.userId, '3 organizations')
        await startAccessReview(page)
        const rows = page
          .getByRole('table', { name: 'Access review' })
          .locator('tbody tr[aria-rowindex]')
        await rows.nth(0).getByRole('button', { name: 'Keep' }).click()
        // A revoke waiting for its reason: the refusal is on screen.
        await rows.nth(1).getByRole('button', { name: 'Revoke' }).click()
        await expect(page.getByText('Write a reason to save this decision.')).toBeVisible()
        await assertNoSeriousA11yViolations(page)

        await page.keyboard.type('Contract ended')
        await page.keyboard.press('Enter')
        await rows.nth(2).getByRole('button', { name: 'Keep' }).click()
        await expect(page.getByText('3 of 3 decided')).toBeVisible()
        const pack = await signOff(page)
        await assertNoSeriousA11yViolations(page)

        await page.reload()
        await page
          .getByLabel('Choose an earlier evidence file')
          .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
        await expect(
          page.getByRole('region', { name: 'Changes since the earlier file' }),
        ).toContainText('Still has access')
        await assertNoSeriousA11yViolations(page)

        await page.goto(toVerify())
        await page
          .getByLabel('Choose an evidence pack')
          .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
        await expect(page.getByRole('heading', { level: 2, name: 'Intact' })).toBeVisible()
        await assertNoSeriousA11yViolations(page)
      })

      test('a bulk review under review, signed off, and its pack verified', async ({ page }) => {
        test.setTimeout(90_000)
        const trio = NAMED_USERS.threeMemberships
        await goToReview(page)
        await reviewList(page, [trio.email])
        await assertReviewFinished(page, 1)
        await startAccessReview(page)
        const rows = page
          .getByRole('table', { name: 'Access review' })
          .locator('tbody tr[aria-rowindex]')
        await rows.nth(0).getByRole('button', { name: 'Keep' }).click()
        await rows.nth(1).getByRole('button', { name: "Don't know" }).click()
        await expect(page.getByText('Write a reason to save this decision.')).toBeVisible()
        await assertNoSeriousA11yViolations(page)

        await page.keyboard.type('Ask the account owner')
        await page.keyboard.press('Enter')
        await rows.nth(2).getByRole('button', { name: 'Keep' }).click()
        await expect(page.getByText('3 of 3 decided')).toBeVisible()
        const pack = await signOff(page)
        await assertNoSeriousA11yViolations(page)

        await page.goto(toVerify())
        await page
          .getByLabel('Choose an evidence pack')
          .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
        await expect(page.getByRole('heading', { level: 2, name: 'Intact' })).toBeVisible()
      })
    })
  }
})
