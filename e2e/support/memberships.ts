import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { organizationRows, organizationsTable } from './app'

/** The column the roles sit in: logo, display name, name, id, roles. */
const ROLES_COLUMN = 4
const ID_COLUMN = 3

/** The roles cell of `row`, a row of the organizations table. */
export function rolesCellIn(row: Locator) {
  return row.locator('td').nth(ROLES_COLUMN)
}

/** The roles cell of the rendered row holding `organizationId`. */
export function rolesCellOf(page: Page, organizationId: string) {
  return rolesCellIn(organizationRows(page).filter({ hasText: organizationId }))
}

/** The ids of the rows rendered now, top to bottom (a window of the list when it is long). */
export async function renderedOrganizationIds(page: Page): Promise<string[]> {
  const ids = await organizationRows(page)
    .locator(`td:nth-child(${ID_COLUMN + 1})`)
    .allInnerTexts()
  return ids.map((id) => id.trim())
}

/** How many rows the table holds, rendered or not (`aria-rowcount` counts the header too). */
export async function organizationRowCount(page: Page): Promise<number> {
  return Number(await organizationsTable(page).getAttribute('aria-rowcount')) - 1
}

/**
 * Exports the rows in view as `format` and reads the downloaded file back: its name, its text
 * (without the BOM) and whether the SHA-256 the page showed is the file's.
 */
export async function downloadExport(page: Page, format: 'CSV' | 'JSON') {
  await page.getByRole('button', { name: 'Export' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: format }).click()
  const download = await downloading
  const path = await download.path()
  const bytes = await readFile(path)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
    `SHA-256 ${sha256}`,
  )
  return {
    fileName: download.suggestedFilename(),
    text: bytes.toString('utf8').replace(/^\uFEFF/, ''),
  }
}
