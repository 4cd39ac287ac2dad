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

/** Types into the search box, as a person does (the query follows into the URL). */
export async function fillSearch(page: Page, text: string) {
  await searchBox(page).fill(text)
}

function searchResult(page: Page, email: string) {
  return page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: email })
}

/**
 * Rests on the result for `email` as a person about to open it does — the pointer over it
 * (`click`) or the focus on it (`Enter`) — until the memberships prefetch this starts has its
 * first page back: the rest of the list is then on its way when the result is opened.
 */
export async function restOnSearchResult(
  page: Page,
  { email, userId }: { email: string; userId: string },
  how: 'click' | 'Enter',
) {
  const firstPage = page.waitForResponse((response) => {
    const url = new URL(response.url())
    return (
      url.pathname.endsWith(`/users/${encodeURIComponent(userId)}/organizations`) &&
      url.searchParams.get('page') === '0'
    )
  })
  const result = searchResult(page, email).first()
  if (how === 'click') await result.hover()
  else await result.focus()
  await firstPage
}

/**
 * Opens the result for `email` the moment it appears, as people do: a quick click (the pointer
 * passes over it on the way, no lingering hover to prefetch first), or focus and Enter.
 */
export async function openSearchResult(page: Page, email: string, how: 'click' | 'Enter') {
  const result = searchResult(page, email).first()
  if (how === 'click') {
    await result.click()
  } else {
    await result.focus()
    await page.keyboard.press('Enter')
  }
}

/**
 * Every membership loaded, and nothing left that says otherwise: the total, no "Loaded N of" (nor
 * the stall notice "Loaded N organizations; the rest has not arrived") and no progress bar, and
 * Export enabled. A list frozen part-way fails here once `timeout` runs out.
 */
export async function assertAllMembershipsLoaded(
  page: Page,
  total: string,
  { timeout = 30_000 }: { timeout?: number } = {},
) {
  await assertOrganizationsTotal(page, total)
  await expect(page.getByText(/\bLoaded [\d,]+ /)).toHaveCount(0, { timeout })
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled()
  await expect(organizationsTable(page)).toBeVisible()
}

/**
 * A failed load that has settled: one alert holding `status`, whose "Try again" is offered, and
 * no "Retrying now…" left anywhere.
 */
export async function assertSettledOnTryAgain(page: Page, status: string) {
  const alert = page.getByRole('alert').filter({ hasText: status })
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 30_000 })
  await expect(alert).toHaveCount(1)
  await expect(page.getByText('Retrying now…')).toHaveCount(0)
}
