import { expect, type Page } from '@playwright/test'
import { toUserOrganizations } from '../../src/lib/routes'

export async function goToUserOrganizations(page: Page, userId: string) {
  await page.goto(toUserOrganizations(userId))
}

export function organizationsTable(page: Page) {
  return page.getByRole('table', { name: 'Organizations' })
}

/** Data rows (the header row excluded) currently rendered in the table. */
export function organizationRows(page: Page) {
  return organizationsTable(page).locator('tbody tr[aria-rowindex]')
}

export async function assertOrganizationsTotal(page: Page, text: string | RegExp) {
  await expect(page.getByText(text, { exact: typeof text === 'string' }).first()).toBeVisible({
    timeout: 20_000,
  })
}

export async function assertAlert(page: Page, ...texts: (string | RegExp)[]) {
  const alert = page.getByRole('alert').filter({ hasText: texts[0] })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  for (const text of texts) await expect(alert).toContainText(text)
  return alert
}
