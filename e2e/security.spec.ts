import { expect, test, type Page } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, fillTenantSignIn, goToSignedIn, storageStateFor } from './support/auth'
import { assertOrganizationsTotal, organizationRows, organizationsTable } from './support/app'
import { startProductionServers, type ProductionServers } from './support/production-build'
import {
  assertNoInjectedMarkup,
  assertNoTokenLeft,
  assertPolicyRefusesStrangers,
  assertSpaSecurityHeaders,
  recordCspViolations,
  recordDialogs,
  recordImageSources,
  recordTrail,
} from './support/security'
import {
  assertSignedOut,
  filterBox,
  goToMembershipsTable,
  openAccountMenu,
  searchBox,
} from './support/screens'

const trio = NAMED_USERS.threeMemberships

/** Who serves the build, and where its API is then: beside it, or the proxy across origins. */
const SERVED_BY = [
  { server: 'the proxy', origin: (s: ProductionServers) => s.proxyOrigin, api: () => "'self'" },
  {
    server: 'vite preview',
    origin: (s: ProductionServers) => s.previewOrigin,
    api: (s: ProductionServers) => s.proxyOrigin,
  },
]

test.describe('the production build, under its Content-Security-Policy', () => {
  // One build, served by the proxy and by `vite preview`, for both tests.
  test.describe.configure({ mode: 'serial' })
  let servers: ProductionServers

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    servers = await startProductionServers()
  })

  test.afterAll(async () => {
    await servers?.close()
  })

  for (const { server, origin, api } of SERVED_BY) {
    test(`served by ${server}: sign-in, a memberships table and a silent re-sign-in break no rule`, async ({
      page,
    }) => {
      const violations = await recordCspViolations(page)

      const response = await page.goto(`${origin(servers)}${toUserOrganizations(trio.userId)}`)
      const apiSource = api(servers)
      assertSpaSecurityHeaders(response, { tenantOrigin: servers.tenantOrigin, apiSource })
      await page.getByRole('button', { name: 'Sign in' }).click()
      await fillTenantSignIn(page, ADA)
      await assertOrganizationsTotal(page, '3 organizations')
      // A reload signs in silently, through the tenant in a hidden iframe (frame-src).
      const silentSignIn = page.waitForRequest(
        (request) =>
          request.frame() !== page.mainFrame() &&
          request.url().startsWith(`${servers.tenantOrigin}/authorize?`) &&
          new URL(request.url()).searchParams.get('prompt') === 'none',
      )
      await page.reload()
      await silentSignIn
      await assertOrganizationsTotal(page, '3 organizations')

      expect(violations).toEqual([])
      await assertPolicyRefusesStrangers(page, violations)
    })
  }
})

test.describe('hostile organization data', () => {
  test.use({ storageState: storageStateFor(ADA) })

  /** Narrows the table to one organization by its (plain) name and returns its row. */
  async function showOnly(page: Page, name: string) {
    await filterBox(page).fill(name)
    await expect(organizationRows(page)).toHaveCount(1)
    return organizationRows(page).first()
  }

  /** The row's cells sit under their headers, the id visible in the ID column. */
  async function assertRowShowsItsId(page: Page, name: string) {
    const row = await showOnly(page, name)
    const idCell = row.locator('td').nth(3)
    await expect(idCell).toHaveText(/^org_\w+$/)
    await expect(idCell.locator('span').first()).toBeVisible()
    const header = organizationsTable(page).getByRole('columnheader', { name: /^ID/ })
    const [cellBox, headerBox] = [await idCell.boundingBox(), await header.boundingBox()]
    expect(cellBox?.x).toBeCloseTo(headerBox?.x ?? -1, 0)
    expect(cellBox?.width).toBeCloseTo(headerBox?.width ?? -1, 0)
  }

  /** The display name stays inside its cell, two lines at most, the whole name in its title. */
  async function assertNameContained(page: Page, name: string, start: string) {
    const row = await showOnly(page, name)
    const cell = row.locator('td').nth(1)
    const text = cell.locator('[title]').first()
    await expect(text).toHaveText(new RegExp(`^${start}`))
    expect((await text.getAttribute('title'))?.length).toBeGreaterThan(100)
    const fit = await cell.evaluate((td) => {
      const shown = td.firstElementChild as HTMLElement
      const lineHeight = parseFloat(getComputedStyle(shown).lineHeight)
      return {
        withinCell: shown.getBoundingClientRect().right <= td.getBoundingClientRect().right + 0.5,
        lines: Math.round(shown.getBoundingClientRect().height / lineHeight),
      }
    })
    expect(fit).toEqual({ withinCell: true, lines: 2 })
  }

  test('markup, scripts and unsafe URLs are shown as text and never run or load', async ({
    page,
  }) => {
    const dialogs = recordDialogs(page)
    const imageSources = await recordImageSources(page)
    await goToMembershipsTable(page, NAMED_USERS.edgeCaseOrganizations.userId, '24 organizations')

    const shownAsText: [name: string, text: string][] = [
      ['script-holdings', '<script>alert("xss")</script> Holdings'],
      ['img-onerror', '<img src=x onerror=alert(1)>'],
      ['attribute-breakout', '" onmouseover="alert(1)" data-x="'],
      ['template-injection', '{{constructor.constructor("alert(1)")()}}'],
      // The metadata, too: key and value as text.
      ['script-holdings', '<script>alert(document.cookie)</script>'],
      // A colour that is not a hex value is shown, flagged, and never reaches a style.
      ['hostile-colors', 'red;background:url(javascript:alert(1))'],
    ]
    for (const [name, text] of shownAsText) {
      const row = await showOnly(page, name)
      await expect(row.getByText(text, { exact: false }).first()).toBeVisible()
      await row.hover()
    }
    // Each logo that is not https: shows the initials instead.
    for (const name of [
      'javascript-logo',
      'data-url-logo',
      'insecure-logo',
      'protocol-relative-logo',
    ]) {
      const row = await showOnly(page, name)
      await expect(row.locator('td').first()).not.toBeEmpty()
    }
    await filterBox(page).fill('')

    await assertNoInjectedMarkup(page)
    expect(imageSources.filter((src) => !src.startsWith('https:'))).toEqual([])
    expect(dialogs).toEqual([])
  })

  test('right-to-left, zero-width and invisible characters leave every row readable', async ({
    page,
  }) => {
    await goToMembershipsTable(page, NAMED_USERS.edgeCaseOrganizations.userId, '24 organizations')
    for (const name of [
      'right-to-left-override',
      'zero-width-labs',
      'invisible-marks',
      'al-nakheel-trading',
      'galil-ltd',
      'mixed-direction',
    ]) {
      await assertRowShowsItsId(page, name)
    }
    // "Invoice \u202efdp.exe": the override stays inside the name; the row reads on as usual.
    const row = await showOnly(page, 'right-to-left-override')
    await expect(row.locator('td').nth(2)).toHaveText('right-to-left-override')
  })

  test('255-character and unbroken names wrap or clamp inside the table', async ({ page }) => {
    await goToMembershipsTable(page, NAMED_USERS.edgeCaseOrganizations.userId, '24 organizations')
    await assertNameContained(page, 'the-longest-display-name', 'The International')
    await assertNameContained(page, 'unbroken-word', 'Llanfair')
    await filterBox(page).fill('')
    const scroller = page.getByRole('region', { name: 'Organizations list' })
    const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)
    expect(overflow, 'the table is no wider than its frame').toBeLessThanOrEqual(0)
  })
})

test('after a full journey no token is in storage, cookies, URLs or the console', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin
  const trail = recordTrail(page)

  await goToSignedIn(page, '/')
  await searchBox(page).fill(trio.email)
  await page.getByRole('link', { name: new RegExp(trio.email) }).click()
  await assertOrganizationsTotal(page, '3 organizations')
  await filterBox(page).fill('a')
  await assertNoTokenLeft(page, trail, appOrigin)

  await openAccountMenu(page)
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await assertSignedOut(page)
  await assertNoTokenLeft(page, trail, appOrigin)
})
