import { expect, test, type Page } from '@playwright/test'
import { LARGE_ORGANIZATION } from '../server/local-tenant/seed/large-organization'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import {
  HUNDRED_FIFTY_MEMBER_ORGANIZATION,
  THREE_MEMBER_ORGANIZATION,
} from '../server/local-tenant/seed/organization-page'
import { SCENARIO_ORGANIZATIONS } from '../server/local-tenant/seed/scenarios'
import { seedTenantData } from '../server/local-tenant/seed/seed'
import { MEMBERS_EXPORT_COLUMNS } from '../src/features/organizations/members-export'
import { parseCsv } from '../src/lib/export/csv'
import { toOrganization, toUserOrganizations } from '../src/lib/routes'
import { ADA, MO, RAE, storageStateFor } from './support/auth'
import {
  assertAlert,
  assertOrganizationsTotal,
  goToUserOrganizations,
  holdListPages,
  organizationsTable,
} from './support/app'
import { downloadExport } from './support/memberships'

// The organization page as support staff and auditors use it: from a user to an organization,
// to any of its members and back; the 10,000 members with a role filter and an export; and what
// an admin without the members (or roles) permission sees.

function membersTable(page: Page) {
  return page.getByRole('table', { name: 'Members' })
}

function memberRows(page: Page) {
  return membersTable(page).locator('tbody tr[aria-rowindex]')
}

async function goToOrganization(page: Page, organizationId: string) {
  await page.goto(toOrganization(organizationId))
}

test.describe('as Ada', () => {
  test.use({ storageState: storageStateFor(ADA) })

  test('user → organization → member → back, by click and by Enter', async ({ page }) => {
    const sol = NAMED_USERS.oneMembership
    const organization = THREE_MEMBER_ORGANIZATION
    const [, renee] = organization.members
    await goToUserOrganizations(page, sol.userId)
    await assertOrganizationsTotal(page, '1 organization')

    await organizationsTable(page)
      .getByRole('link', { name: organization.display_name, exact: true })
      .click()
    await expect(page).toHaveURL(toOrganization(organization.id))
    await expect(
      page.getByRole('heading', { level: 1, name: organization.display_name }),
    ).toBeVisible()
    await expect(page.getByText('3 members', { exact: true })).toBeVisible()
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '4')
    const reneeRow = memberRows(page).filter({ hasText: renee.userId })
    await expect(reneeRow).toContainText('Member, Org Admin, Support Agent')

    // The keyboard's way: focus the member's link and press Enter.
    await reneeRow.getByRole('link', { name: renee.name }).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(toUserOrganizations(renee.userId))
    await expect(
      organizationsTable(page).getByRole('link', { name: organization.display_name, exact: true }),
    ).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL(toOrganization(organization.id))
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '4')
    await page.goBack()
    await expect(page).toHaveURL(toUserOrganizations(sol.userId))
    await assertOrganizationsTotal(page, '1 organization')
  })

  test('10,000 members load by checkpoint; a role filter keeps who holds it, and the export holds exactly them', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const members = seedTenantData().membersByOrganizationId.get(LARGE_ORGANIZATION.id) ?? []
    expect(members).toHaveLength(10_000)
    const later = await holdListPages(
      page,
      `organizations/${encodeURIComponent(LARGE_ORGANIZATION.id)}/members`,
      { laterCheckpoints: true },
    )
    await goToOrganization(page, LARGE_ORGANIZATION.id)
    await expect(page.getByRole('progressbar', { name: 'Loaded 100 of 10,000' })).toBeVisible({
      timeout: 20_000,
    })
    await expect(page.getByRole('button', { name: 'Export' })).toBeDisabled()
    await later.release()
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '10001', { timeout: 120_000 })
    await expect(page.getByText('10,000 members', { exact: true })).toBeVisible()
    await expect(page.getByRole('progressbar')).toHaveCount(0)

    const roles = page.getByRole('group', { name: 'Filter by role' })
    const orgAdmin = roles.getByRole('button', { name: /^Org Admin/ })
    const holders = Number((await orgAdmin.innerText()).replace(/\D/g, ''))
    expect(holders).toBeGreaterThan(0)
    expect(holders).toBeLessThan(10_000)
    await orgAdmin.click()
    await expect(orgAdmin).toHaveAttribute('aria-pressed', 'true')
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', String(holders + 1))

    // One header row, then the rows; the provenance is in the JSON.
    const [header, ...rows] = parseCsv((await downloadExport(page, 'CSV')).text)
    expect(header).toEqual([...MEMBERS_EXPORT_COLUMNS])
    const { provenance } = JSON.parse((await downloadExport(page, 'JSON')).text) as {
      provenance: Record<string, unknown>
    }
    expect(provenance).toMatchObject({
      subject: { organizationId: LARGE_ORGANIZATION.id },
      roleFilter: 'Org Admin',
      filtered: true,
      rowsExported: holders,
      totalRows: 10000,
      listComplete: true,
      wholeListExported: false,
      pagination: 'checkpoint',
    })
    expect(rows).toHaveLength(holders)
    const memberIds = new Set(members.map((member) => member.user_id))
    for (const row of rows) {
      expect(memberIds.has(row[0] ?? '')).toBe(true)
      expect(row[3]).toMatch(/=Org Admin(;|$)/)
    }
  })

  test('a link with role, filter and sort opened in a fresh page shows all three', async ({
    page,
  }) => {
    const organization = HUNDRED_FIFTY_MEMBER_ORGANIZATION
    await goToOrganization(page, organization.id)
    await expect(page.getByText('150 members', { exact: true })).toBeVisible({ timeout: 20_000 })
    await page
      .getByRole('group', { name: 'Filter by role' })
      .getByRole('button', { name: /^Billing/ })
      .click()
    await page.getByRole('textbox', { name: 'Filter' }).fill('a')
    const email = page.getByRole('columnheader', { name: /^Email/ })
    await email.getByRole('button').click()
    await email.getByRole('button').click()
    // All four in the query string, and nothing else; their order depends on which write lands
    // first (the filter waits for a pause in typing, a sort does not), which no one reads.
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toEqual({ role: 'Billing', filter: 'a', sort: 'email', dir: 'desc' })
    const emails = await memberRows(page).locator('td:nth-child(3)').allInnerTexts()
    expect(emails.length).toBeGreaterThan(1)

    // The link pasted into the address bar: a full page load, nothing kept in memory.
    const link = page.url()
    await page.goto('/')
    const fresh = page
    await fresh.goto(link)
    // A fresh page: the session check and the page's code first, then the list.
    await expect(fresh.getByText('150 members', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(
      fresh
        .getByRole('group', { name: 'Filter by role' })
        .getByRole('button', { name: /^Billing/ }),
    ).toHaveAttribute('aria-pressed', 'true')
    await expect(fresh.getByRole('textbox', { name: 'Filter' })).toHaveValue('a')
    await expect(fresh.getByRole('columnheader', { name: /^Email/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(memberRows(fresh).locator('td:nth-child(3)')).toHaveText(emails)
  })

  test('an organization that is gone is one 404 naming it, with the way back to search', async ({
    page,
  }) => {
    await goToOrganization(page, SCENARIO_ORGANIZATIONS.deleted.id)
    const alert = await assertAlert(page, '404', 'Organization not found')
    await expect(alert).toContainText(
      `Organization id as sent: ${SCENARIO_ORGANIZATIONS.deleted.id}`,
    )
    await expect(page.getByRole('alert')).toHaveCount(1)
    await expect(membersTable(page)).toHaveCount(0)
  })

  test('a 429 on the members counts down, then loads them by itself', async ({ page }) => {
    await goToOrganization(page, SCENARIO_ORGANIZATIONS['rate-limited'].id)
    await assertAlert(page, 'Rate limited', '429')
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '4', { timeout: 30_000 })
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  for (const [scenario, expected] of [
    ['server-error', '500'],
    ['bad-gateway', '502'],
    ['malformed', "The answer wasn't in the shape Orgscope expects"],
  ] as const) {
    test(`members failing with ${scenario}: the header stays, the failure offers Try again`, async ({
      page,
    }) => {
      const organization = SCENARIO_ORGANIZATIONS[scenario]
      await goToOrganization(page, organization.id)
      await expect(
        page.getByRole('heading', { level: 1, name: organization.display_name }),
      ).toBeVisible()
      const alert = await assertAlert(page, expected)
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({
        timeout: 30_000,
      })
    })
  }
})

test.describe('as Rae, without read:organization_members', () => {
  test.use({ storageState: storageStateFor(RAE) })

  test('the organization shows, and the members say which permission is missing', async ({
    page,
  }) => {
    await goToOrganization(page, THREE_MEMBER_ORGANIZATION.id)
    await expect(
      page.getByRole('heading', { level: 1, name: THREE_MEMBER_ORGANIZATION.display_name }),
    ).toBeVisible()
    await assertAlert(page, 'Missing permission: read:organization_members', '403')
    await expect(membersTable(page)).toHaveCount(0)
  })
})

test.describe('as Mo, without read:organization_member_roles', () => {
  test.use({ storageState: storageStateFor(MO) })

  test('every member shows; one notice says the roles are not shown and why', async ({ page }) => {
    await goToOrganization(page, THREE_MEMBER_ORGANIZATION.id)
    await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '4')
    await expect(
      page.getByRole('status').filter({
        hasText: 'Roles not shown: missing permission read:organization_member_roles',
      }),
    ).toBeVisible()
    await expect(memberRows(page)).toHaveCount(3)
    for (const row of await memberRows(page).all()) await expect(row).toContainText('No permission')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})
