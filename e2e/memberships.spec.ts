import { expect, test } from '@playwright/test'
import { LOCAL_DASHBOARD_URL } from '../scripts/local-dashboard-url'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { seedTenantData } from '../server/local-tenant/seed/seed'
import { MEMBERSHIPS_EXPORT_COLUMNS } from '../src/features/organizations/memberships-export'
import { parseCsv } from '../src/lib/export/csv'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, RAE, storageStateFor } from './support/auth'
import {
  assertOrganizationsTotal,
  goToUserOrganizations,
  holdMembershipPages,
  organizationRows,
  organizationsTable,
} from './support/app'
import {
  downloadExport,
  organizationRowCount,
  renderedOrganizationIds,
  rolesCellIn,
  rolesCellOf,
} from './support/memberships'

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
  // The list's own "Loaded N of M" is gone (the roles line, "Roles loaded for …", stays).
  await expect(page.getByText(/^loaded .* of/i)).toHaveCount(0)
  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', '1001')
  // Virtualized: a screenful of rows, not a thousand.
  expect(await organizationRows(page).count()).toBeLessThan(100)
  await expect(page.getByText(/showing the first/i)).toHaveCount(0)
})

test('5,000 memberships all load by checkpoint paging, a filter finds the last one, and the export holds every row', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const user = NAMED_USERS.fiveThousandMemberships
  const memberships = seedTenantData().membershipsByUserId.get(user.userId) ?? []
  expect(memberships).toHaveLength(5000)
  // The second checkpoint page waits until the progress has been read.
  const laterPages = await holdMembershipPages(page, user.userId, { laterCheckpoints: true })
  await goToUserOrganizations(page, user.userId)
  // While it loads: how far, of how many, and why it takes a while.
  await expect(page.getByRole('progressbar', { name: 'Loaded 100 of 5,000' })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByText('Past 1,000, pages of 100 come one after another')).toBeVisible()
  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', '101')
  await laterPages.release()

  await expect(organizationsTable(page)).toHaveAttribute('aria-rowcount', '5001', {
    timeout: 60_000,
  })
  await assertOrganizationsTotal(page, '5,000 organizations')
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  await expect(page.getByText(/showing the first/i)).toHaveCount(0)

  const last = seeded(memberships.at(-1))
  await page.getByRole('textbox', { name: 'Filter' }).fill(last.id)
  await expect(organizationRows(page)).toHaveCount(1)
  await expect(organizationRows(page).first()).toContainText(last.id)
  await page.getByRole('textbox', { name: 'Filter' }).fill('')

  // The CSV is the table alone; the JSON says what it holds.
  const [, ...rows] = parseCsv((await downloadExport(page, 'CSV')).text)
  const { provenance } = JSON.parse((await downloadExport(page, 'JSON')).text) as {
    provenance: Record<string, unknown>
  }
  expect(provenance).toMatchObject({
    rowsExported: 5000,
    totalRows: 5000,
    listComplete: true,
    wholeListExported: true,
    pagination: 'checkpoint',
  })
  expect(rows.map((row) => row[3])).toEqual(memberships.map((organization) => organization.id))
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

test('filter and sort live in the address: a fresh page opened on it shows both', async ({
  page,
}) => {
  await goToUserOrganizations(page, NAMED_USERS.manyMemberships.userId)
  await assertOrganizationsTotal(page, '150 organizations')
  await page.getByRole('textbox', { name: 'Filter' }).fill('valley')
  const header = page.getByRole('columnheader', { name: /^Name/ })
  await header.getByRole('button').click()
  await header.getByRole('button').click()
  await expect(page).toHaveURL(/\?filter=valley&sort=name&dir=desc$/)
  const names = await organizationRows(page).locator('td:nth-child(3)').allInnerTexts()
  expect(names.length).toBeGreaterThan(1)

  // The link pasted into the address bar: a full page load, nothing kept in memory.
  const link = page.url()
  await page.goto('/')
  const fresh = page
  await fresh.goto(link)
  await assertOrganizationsTotal(fresh, '150 organizations')
  await expect(fresh.getByRole('textbox', { name: 'Filter' })).toHaveValue('valley')
  await expect(fresh.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(organizationRows(fresh).locator('td:nth-child(3)')).toHaveText(names)
})

test('"Back to search" keeps its way back after the sort and filter change the address', async ({
  page,
}) => {
  const user = NAMED_USERS.manyMemberships
  const searchHref = `/?q=${encodeURIComponent(user.email)}`
  await goToUserOrganizations(page, user.userId)
  await assertOrganizationsTotal(page, '150 organizations')
  // Where the page that linked here leaves it: the history entry's state.
  await page.evaluate(
    (href) => window.history.replaceState({ searchHref: href }, '', window.location.href),
    searchHref,
  )
  await page.reload()
  await assertOrganizationsTotal(page, '150 organizations')
  await expect(page.getByRole('link', { name: 'Back to search' })).toHaveAttribute(
    'href',
    searchHref,
  )

  await page.getByRole('columnheader', { name: /^Name/ }).getByRole('button').click()
  await page.getByRole('textbox', { name: 'Filter' }).fill('valley')
  await expect(page).toHaveURL(/\?sort=name&filter=valley$/)

  await page.getByRole('link', { name: 'Back to search' }).click()
  await expect(page).toHaveURL(searchHref)
})

test('"+N more" metadata opens by keyboard, lists every pair, and Escape returns', async ({
  page,
}) => {
  await goToUserOrganizations(page, NAMED_USERS.manyMemberships.userId)
  await assertOrganizationsTotal(page, '150 organizations')
  // 1280 px: the table fits, so nothing says to scroll sideways.
  await expect(page.getByText('Scroll sideways for id and roles')).toHaveCount(0)
  const more = organizationsTable(page)
    .getByRole('button', { name: /^\+\d+ more metadata$/ })
    .first()
  const hidden = Number((await more.innerText()).replace(/\D/g, ''))

  await more.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /^Metadata, \d+ entries$/ })
  await expect(dialog).toBeVisible()
  await expect(dialog).toBeFocused()
  await expect(dialog.getByRole('term')).toHaveCount(hidden + 2)

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(more).toBeFocused()
})

test("a row's logo opens its values in full by keyboard", async ({ page }) => {
  await goToUserOrganizations(page, NAMED_USERS.manyMemberships.userId)
  await assertOrganizationsTotal(page, '150 organizations')
  const row = organizationRows(page).first()
  const id = (await row.locator('td').nth(3).innerText()).trim()

  await row.getByRole('button', { name: /^Details of / }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /^Details of / })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('definition').nth(2)).toHaveText(id)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
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

test.describe('for auditors', () => {
  const liWei = NAMED_USERS.office365User
  const tenantData = seedTenantData()
  const [forbiddenRow, failingRow] = tenantData.roleScenarios.map((row) => row.organizationId)
  const liWeiFirst = seeded(tenantData.membershipsByUserId.get(liWei.userId)?.[0])

  test('roles shown for a membership, and a refused row says which scope it needs', async ({
    page,
  }) => {
    await goToUserOrganizations(page, liWei.userId)
    await assertOrganizationsTotal(page, '3 organizations')

    await expect(rolesCellOf(page, liWeiFirst.id)).toHaveText('Member, Org Admin')
    await expect(rolesCellOf(page, seeded(forbiddenRow))).toContainText(
      'Needs read:organization_member_roles',
    )
    // A 500 is retried by itself first, then offers Retry in its row; the table stays.
    await expect(
      rolesCellOf(page, seeded(failingRow)).getByRole('button', { name: 'Retry' }),
    ).toBeVisible({ timeout: 20_000 })
    await expect(rolesCellOf(page, seeded(failingRow))).toContainText('Failed (500)')
    await expect(organizationRows(page)).toHaveCount(3)
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('scrolling quickly through 1,000 rows looks up roles only where the table stops', async ({
    page,
  }) => {
    const rolesLookups: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/members\/[^/]+\/roles\?/.test(request.url())) {
        rolesLookups.push(request.url())
      }
    })
    await goToUserOrganizations(page, NAMED_USERS.thousandMemberships.userId)
    await assertOrganizationsTotal(page, '1,000 organizations')
    const scroller = page.getByRole('region', { name: 'Organizations list' })
    const rows = organizationRows(page)
    await expect(rolesCellIn(rows.first())).not.toHaveText('…')

    // A screenful and more per frame, to the end: no row stays in view long enough to settle.
    await scroller.evaluate(async (element) => {
      for (let top = 0; top < element.scrollHeight; top += 1500) {
        element.scrollTop = top
        await new Promise(requestAnimationFrame)
      }
      element.scrollTop = element.scrollHeight
    })
    await expect(page.locator('tbody tr[aria-rowindex="1001"]')).toBeAttached()
    const lastRow = rolesCellIn(rows.last())
    await expect(lastRow).not.toHaveText(/…/)

    // The first screenful and the last, not the 1,000 rows scrolled past.
    expect(rolesLookups.length).toBeLessThanOrEqual(2 * (await rows.count()))
  })

  test('export after filtering: download the file and check its rows and header', async ({
    page,
  }) => {
    const user = NAMED_USERS.manyMemberships
    await goToUserOrganizations(page, user.userId)
    await assertOrganizationsTotal(page, '150 organizations')
    await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled()
    await page.getByRole('textbox', { name: 'Filter' }).fill('7')
    await expect(page.getByText(/^Showing \d+ matching “7”$/)).toBeVisible()
    const rowCount = await organizationRowCount(page)
    const onScreen = await renderedOrganizationIds(page)

    const csv = await downloadExport(page, 'CSV')
    expect(csv.fileName).toMatch(
      /^orgscope-memberships-auth0_6650a1f0c0ffee0000000150-\d{8}-\d{6}Z\.csv$/,
    )
    // One header row, then the rows: nothing else in a CSV.
    const [header, ...rows] = parseCsv(csv.text)
    expect(header).toEqual(MEMBERSHIPS_EXPORT_COLUMNS)
    expect(rows).toHaveLength(rowCount)
    expect(rows.slice(0, onScreen.length).map((row) => row[3])).toEqual(onScreen)
    expect(rows.every((row) => row.join(' ').includes('7'))).toBe(true)

    // The JSON carries the provenance: what the list is, what the file holds, when it was fetched.
    const json = JSON.parse((await downloadExport(page, 'JSON')).text) as {
      provenance: Record<string, unknown>
      columns: string[]
      rows: { id: string }[]
    }
    expect(json.provenance).toMatchObject({
      tool: 'Orgscope',
      tenantDomain: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      subject: { userId: user.userId, email: user.email },
      exportedBy: ADA.email,
      filter: '7',
      filtered: true,
      sort: null,
      rowsExported: rowCount,
      totalRows: 150,
      listComplete: true,
      wholeListExported: false,
    })
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
    expect(json.provenance.generatedAt).toMatch(iso)
    expect(json.provenance.fetchedFrom).toMatch(iso)
    expect(json.provenance.fetchedUntil).toMatch(iso)
    expect(String(json.provenance.fetchedUntil) <= String(json.provenance.generatedAt)).toBe(true)
    expect(json.columns).toEqual(header)
    expect(json.rows.map((row) => row.id)).toEqual(rows.map((row) => row[3]))
  })

  test('the list says when it was fetched, and Refresh fetches it again', async ({ page }) => {
    await goToUserOrganizations(page, NAMED_USERS.threeMemberships.userId)
    await assertOrganizationsTotal(page, '3 organizations')
    await expect(
      page.getByText(
        /^As of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d GMT([+-]\d{1,2}(:\d\d)?)? · .+\. Auth0 membership lists can lag/,
      ),
    ).toBeVisible()

    const refetched = page.waitForResponse((response) => response.url().includes('/organizations?'))
    await page.getByRole('button', { name: 'Refresh' }).click()
    expect((await refetched).status()).toBe(200)
    await expect(organizationRows(page)).toHaveCount(3)
  })

  test('the user and each organization link to the Auth0 Dashboard', async ({ page }) => {
    await goToUserOrganizations(page, liWei.userId)
    await assertOrganizationsTotal(page, '3 organizations')

    const userLink = page.getByRole('link', { name: 'Open in Auth0 Dashboard' })
    // The Dashboard's own form: the base64 of the URL-encoded id, without padding.
    await expect(userLink).toHaveAttribute(
      'href',
      `${LOCAL_DASHBOARD_URL}/users/b2ZmaWNlMzY1JTdDMTAwMzAwMDA4MzhEMjNBRiU0ME1pY3Jvc29mdE9ubGluZS5jb20`,
    )
    const organizationLink = organizationsTable(page).getByRole('link', {
      name: `Open ${liWeiFirst.display_name ?? liWeiFirst.name} in Auth0 Dashboard`,
    })
    await expect(organizationLink).toHaveAttribute(
      'href',
      `${LOCAL_DASHBOARD_URL}/organizations/${liWeiFirst.id}/overview`,
    )
    for (const link of [userLink, organizationLink]) {
      await expect(link).toHaveAttribute('target', '_blank')
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    }
  })
})

test.describe('as Rae, who may read memberships but not roles', () => {
  test.use({ storageState: storageStateFor(RAE) })

  test('one notice above the table names the missing scope and its grant; each row says No permission; the memberships still show', async ({
    page,
  }) => {
    await goToUserOrganizations(page, NAMED_USERS.threeMemberships.userId)
    await assertOrganizationsTotal(page, '3 organizations')
    const rows = organizationRows(page)
    // All three rendered first: an empty table would make the loop below assert nothing.
    await expect(rows).toHaveCount(3)
    const notice = page.getByRole('status', {
      name: 'Roles not shown: missing permission read:organization_member_roles',
    })
    await expect(notice).toBeVisible()
    // npm start runs behind the proxy: the permission is granted on the admin's role.
    await expect(notice).toContainText('User Management → Roles → your role → Permissions')
    await expect(notice).not.toContainText('Machine to Machine')
    for (const row of await rows.all()) {
      await expect(rolesCellIn(row)).toContainText('No permission')
      await expect(rolesCellIn(row)).not.toContainText('Needs')
    }
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})

/** A value the seed is known to hold; fails loudly if the seed changed. */
function seeded<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The seed no longer holds what this spec expects')
  return value
}
