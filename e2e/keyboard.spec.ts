import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, assertSignedInAs } from './support/auth'
import { organizationRows, organizationsTable } from './support/app'
import { assertFocusedVisibly, tabTo } from './support/keyboard'
import { accountButton, assertSignedOut, filterBox, searchBox } from './support/screens'

// A session of its own, not the saved one: signing out ends the tenant session, which every spec
// starting from the saved state shares.
test.use({
  // "Copy organization id" writes to the clipboard; the test reads it back.
  permissions: ['clipboard-read', 'clipboard-write'],
})

test('keyboard only: sign in, search, open a user, filter, sort, copy an id and sign out, focus always visible', async ({
  page,
}) => {
  const trio = NAMED_USERS.threeMemberships

  // Sign in: Tab to the button; on the tenant's page the email field has the focus.
  await page.goto('/')
  await assertSignedOut(page)
  await tabTo(page, page.getByRole('button', { name: 'Sign in' }))
  await page.keyboard.press('Enter')
  await assertFocusedVisibly(page, page.getByLabel('Email'))
  await page.keyboard.type(ADA.email)
  await tabTo(page, page.getByLabel('Password'))
  await page.keyboard.type(ADA.password)
  await page.keyboard.press('Enter')
  await assertSignedInAs(page, ADA)

  // Search: the box has the focus as soon as the page opens.
  await assertFocusedVisibly(page, searchBox(page))
  await page.keyboard.type('trio@')
  // The results for what was typed, not for a prefix of it still on its way out.
  await expect(page).toHaveURL(/[?&]q=trio%40/)
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(results).toHaveAttribute('aria-busy', 'false')
  const result = results.getByRole('link', { name: new RegExp(trio.email) })
  await expect(results.getByRole('link')).toHaveCount(1)

  // ArrowDown moves into the results, Enter opens the user.
  await page.keyboard.press('ArrowDown')
  await assertFocusedVisibly(page, result)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(toUserOrganizations(trio.userId))
  await expect(organizationRows(page)).toHaveCount(3)

  // Filter: Tab to the box and type; the rows follow.
  const firstName = (await organizationRows(page).first().locator('td').nth(2).innerText()).trim()
  await tabTo(page, filterBox(page))
  await page.keyboard.type(firstName)
  await expect(organizationRows(page)).toHaveCount(1)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await expect(organizationRows(page)).toHaveCount(3)

  // Sort: Tab to a column header's button; Enter sorts up, Space sorts down.
  const nameHeader = organizationsTable(page).getByRole('columnheader', { name: /^Name/ })
  await tabTo(page, nameHeader.getByRole('button'))
  await page.keyboard.press('Enter')
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  await page.keyboard.press('Space')
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await assertFocusedVisibly(page, nameHeader.getByRole('button'))

  // Copy: Tab to the first row's "Copy organization id" and press Enter.
  const firstRow = organizationRows(page).first()
  const id = (await firstRow.locator('td').nth(3).innerText()).trim()
  await tabTo(page, firstRow.getByRole('button', { name: 'Copy organization id' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Copied organization id' })).toHaveText(
    `Copied organization id ${id}`,
  )
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id)

  // Sign out: back up to the account menu, open it, choose "Sign out".
  await tabTo(page, accountButton(page), { backwards: true })
  await page.keyboard.press('Enter')
  const signOut = page.getByRole('menuitem', { name: 'Sign out' })
  await assertFocusedVisibly(page, signOut)
  await page.keyboard.press('Enter')
  await assertSignedOut(page)
})
