import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, storageStateFor } from './support/auth'
import { assertOrganizationsTotal, organizationRows, organizationsTable } from './support/app'
import {
  assertNoSearchResults,
  assertSearchResult,
  fillSearch,
  goToSearch,
} from './support/screens'

test.use({ storageState: storageStateFor(ADA) })

test('support finds a customer by email and sees their organizations', async ({ page }) => {
  const trio = NAMED_USERS.threeMemberships
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search users' }).fill('trio@')

  await page.getByRole('link', { name: new RegExp(trio.email) }).click()

  await expect(page).toHaveURL(toUserOrganizations(trio.userId))
  await expect(organizationsTable(page)).toBeVisible()
  await assertOrganizationsTotal(page, '3 organizations')
  await expect(organizationRows(page)).toHaveCount(3)
})

test('the query lives in the URL: a reload shows the same results', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search users' }).fill('pat.twin@example.com')
  await expect(page).toHaveURL(/[?&]q=pat\.twin%40example\.com/)
  await expect(page.getByRole('link', { name: /pat\.twin@example\.com/ })).toHaveCount(2)

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search users' })).toHaveValue(
    'pat.twin@example.com',
  )
  await expect(page.getByRole('link', { name: /pat\.twin@example\.com/ })).toHaveCount(2)
})

test('an account created moments ago is not found by search yet, but its complete email finds it and opens its organizations', async ({
  page,
}) => {
  const justCreated = NAMED_USERS.justCreated
  await goToSearch(page)
  await fillSearch(page, 'just.created@')
  await assertNoSearchResults(page)

  await fillSearch(page, justCreated.email)
  await expect(page.getByRole('status').filter({ hasText: 'with the email' })).toHaveText(
    `1 user with the email ${justCreated.email}`,
  )
  await expect(page.getByText(/^Exact email lookup: complete and up to date/)).toBeVisible()
  await assertSearchResult(page, `${justCreated.name}, ${justCreated.email}`)

  await page.getByRole('link', { name: new RegExp(justCreated.email) }).click()
  await expect(page).toHaveURL(toUserOrganizations(justCreated.userId))
  await assertOrganizationsTotal(page, '2 organizations')
  await expect(organizationRows(page)).toHaveCount(justCreated.memberships)
})

test('a user id typed in the search box goes straight to that user', async ({ page }) => {
  const jane = NAMED_USERS.samlUser
  await page.goto('/')
  const box = page.getByRole('searchbox', { name: 'Search users' })
  await box.fill(jane.userId)
  await box.press('Enter')
  await expect(page).toHaveURL(toUserOrganizations(jane.userId))
  await assertOrganizationsTotal(page, '2 organizations')
})

test('a search that matches nobody says so', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search users' }).fill('zz-nobody-has-this-name')
  await expect(page.getByText(/no users match/i)).toBeVisible()
})

test('an invalid Lucene query shows the API message and stays editable', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('switch', { name: 'Advanced (Lucene)' }).check()
  const box = page.getByRole('searchbox', { name: 'Search users' })
  await box.fill('name:"unbalanced')
  const alert = page.getByRole('alert').filter({ hasText: '400' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText(/invalid query/i)
  await expect(box).toBeEditable()
  await expect(box).toHaveValue('name:"unbalanced')
})

test('keyboard: arrow down to a result and Enter opens it', async ({ page }) => {
  const solo = NAMED_USERS.oneMembership
  await page.goto('/')
  const box = page.getByRole('searchbox', { name: 'Search users' })
  await box.fill(solo.email)
  await expect(page.getByRole('link', { name: new RegExp(solo.email) })).toBeVisible()
  await box.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(toUserOrganizations(solo.userId))
})

test('"/" comes back to the search from a user\'s page, where the user waits under "Recently viewed", after a reload too', async ({
  page,
}) => {
  const odd = NAMED_USERS.reservedCharactersId
  await page.goto(toUserOrganizations(odd.userId))
  await expect(organizationsTable(page)).toBeVisible()

  await page.locator('body').press('/')
  const box = page.getByRole('searchbox', { name: 'Search users' })
  await expect(page).toHaveURL('/')
  await expect(box).toBeFocused()

  await page.reload()
  const recent = page.getByRole('region', { name: 'Recently viewed' })
  await recent.getByRole('link', { name: odd.userId }).click()
  await expect(page).toHaveURL(toUserOrganizations(odd.userId))
  await expect(organizationsTable(page)).toBeVisible()
})
