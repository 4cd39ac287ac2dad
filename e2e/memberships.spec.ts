import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, storageStateFor } from './support/auth'
import {
  assertOrganizationsTotal,
  goToUserOrganizations,
  organizationRows,
  organizationsTable,
} from './support/app'

test.use({ storageState: storageStateFor(ADA) })

test('a deep link with an awkward id works, and survives a hard reload', async ({ page }) => {
  for (const user of [NAMED_USERS.slashAndUnicodeId, NAMED_USERS.reservedCharactersId]) {
    await goToUserOrganizations(page, user.userId)
    await expect(page.getByText(user.email).first()).toBeVisible()
    await assertOrganizationsTotal(page, '2 organizations')
    await page.reload()
    await expect(page).toHaveURL(toUserOrganizations(user.userId))
    await assertOrganizationsTotal(page, '2 organizations')
  }
})

test('a user without memberships shows "No organizations"', async ({ page }) => {
  await goToUserOrganizations(page, NAMED_USERS.noMemberships.userId)
  await expect(page.getByText('No organizations', { exact: true })).toBeVisible()
})

test('all 1,000 memberships load, with a small DOM', async ({ page }) => {
  await goToUserOrganizations(page, NAMED_USERS.thousandMemberships.userId)
  await assertOrganizationsTotal(page, '1,000 organizations')
  await expect(page.getByText(/loaded .* of/i)).toHaveCount(0)
  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', '1001')
  // Virtualized: a screenful of rows, not a thousand.
  expect(await organizationRows(page).count()).toBeLessThan(100)
  await expect(page.getByText(/showing the first/i)).toHaveCount(0)
})

test('more than 1,000 memberships: the UI says only the first 1,000 are listed', async ({
  page,
}) => {
  await goToUserOrganizations(page, NAMED_USERS.overflowMemberships.userId)
  await expect(
    page.getByText('Showing the first 1,000 of 1,200 — the Management API lists at most 1,000'),
  ).toBeVisible({ timeout: 20_000 })
})

test('filter and sort happen in place', async ({ page }) => {
  await goToUserOrganizations(page, NAMED_USERS.manyMemberships.userId)
  await assertOrganizationsTotal(page, '150 organizations')
  const rows = organizationRows(page)

  const firstId = (await rows.first().locator('td').nth(3).innerText()).trim()
  await page.getByRole('textbox', { name: 'Filter' }).fill(firstId)
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(firstId)

  await page.getByRole('textbox', { name: 'Filter' }).fill('')
  const header = page.getByRole('columnheader', { name: /^Name/ })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  const ascending = await rows.first().locator('td').nth(2).innerText()
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(rows.first().locator('td').nth(2)).not.toHaveText(ascending)
})

test('hostile organization data renders as inert text', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await goToUserOrganizations(page, NAMED_USERS.edgeCaseOrganizations.userId)
  await assertOrganizationsTotal(page, '24 organizations')
  await page.getByRole('textbox', { name: 'Filter' }).fill('<')
  await expect(organizationRows(page).first()).toContainText('<')
  for (const src of await organizationsTable(page)
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''))) {
    expect(src).toMatch(/^https:/)
  }
  expect(dialogs).toEqual([])
})
