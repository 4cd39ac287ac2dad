import { expect, type Page } from '@playwright/test'
import { toSearch, type SearchRouteParams } from '../../src/lib/routes'
import { assertOrganizationsTotal, goToUserOrganizations, organizationsTable } from './app'

/** The search box every signed-in page starts from. */
export function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search users' })
}

/** Opens search with the query in the URL (as a reload or a shared link would). */
export async function goToSearch(page: Page, params: SearchRouteParams = {}) {
  await page.goto(toSearch(params))
  await expect(searchBox(page)).toBeVisible()
}

export async function assertSearchIdle(page: Page) {
  await expect(page.getByText('Try', { exact: true })).toBeVisible()
}

export async function assertSearchResult(page: Page, email: string) {
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: email }).first(),
  ).toBeVisible()
}

export async function assertNoSearchResults(page: Page) {
  await expect(page.getByText(/no users match/i)).toBeVisible()
}

/** A user's memberships, every page loaded and the table painted. */
export async function goToMembershipsTable(page: Page, userId: string, total: string) {
  await goToUserOrganizations(page, userId)
  await assertOrganizationsTotal(page, total)
  await expect(page.getByText(/^loaded .* of/i)).toHaveCount(0)
  await expect(organizationsTable(page)).toBeVisible()
}

export async function assertNoMemberships(page: Page) {
  await expect(page.getByText('No organizations', { exact: true })).toBeVisible({
    timeout: 20_000,
  })
}

export function filterBox(page: Page) {
  return page.getByRole('textbox', { name: 'Filter' })
}

export async function assertNoOrganizationMatches(page: Page, filter: string) {
  await expect(page.getByText(`No organizations match \u201c${filter}\u201d`)).toBeVisible()
}

export function accountButton(page: Page) {
  return page.getByRole('button', { name: /^Account: / })
}

export async function openAccountMenu(page: Page) {
  await accountButton(page).click()
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
}

export async function assertSignedOut(page: Page) {
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
}

export async function assertPageNotFound(page: Page) {
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
}
