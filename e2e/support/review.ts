import { readFile } from 'node:fs/promises'
import { expect, type Download, type Page } from '@playwright/test'
import { parseCsv } from '../../src/lib/export/csv'
import { toReview } from '../../src/lib/routes'

/** Opens bulk review and waits for its box. */
export async function goToReview(page: Page) {
  await page.goto(toReview())
  await expect(reviewBox(page)).toBeVisible()
}

export function reviewBox(page: Page) {
  return page.getByRole('textbox', { name: 'User ids or emails' })
}

/** Pastes the list into the box and starts the review. */
export async function reviewList(page: Page, lines: readonly string[]) {
  await reviewBox(page).fill(lines.join('\n'))
  await page.getByRole('button', { name: 'Review' }).click()
}

function reviewTable(page: Page) {
  return page.getByRole('table', { name: 'Memberships under review' })
}

export function reviewFailures(page: Page) {
  return page.getByRole('region', { name: 'Lookups that failed' })
}

/**
 * The line under the progress bar: "4 users found · 2 entries failed · 1 waiting for the rate
 * limit, …".
 */
export function reviewStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /\d+ users? found · \d+ entr(y|ies) failed/ })
}

/** The bar's name: "Looked up 3 of 5 entries" (it counts entries; an email can name two users). */
export function reviewProgressBar(page: Page, done: number, entries: number) {
  return page.getByRole('progressbar', {
    name: `Looked up ${done} of ${entries} ${entries === 1 ? 'entry' : 'entries'}`,
  })
}

/** Every entry looked up and the run over: the bar is full and Cancel is gone. */
export async function assertReviewFinished(page: Page, entries: number) {
  await expect(reviewProgressBar(page, entries, entries)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
}

/**
 * The table's rendered rows as [user id, organization id] pairs ("" for a user in no
 * organization). The table is virtualized: a table taller than its scroller renders only the rows
 * in view (and a few more), so this is every row only of a short table.
 */
export async function reviewTableRows(page: Page): Promise<[string, string][]> {
  const rows = await reviewTable(page)
    .locator('tbody tr[aria-rowindex]')
    .evaluateAll((elements) =>
      elements.map((row) =>
        Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim()),
      ),
    )
  // A user in no organization: one cell spans the organization and roles columns.
  return rows.map((cells) => [cells[1] ?? '', cells.length === 9 ? (cells[7] ?? '') : ''])
}

/** Exports in `format` through the menu and returns the downloaded file's name and text. */
async function exportReview(page: Page, format: 'CSV' | 'JSON') {
  await page.getByRole('button', { name: 'Export' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: format }).click()
  const download: Download = await downloading
  const path = await download.path()
  return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** Exports as CSV (the table only) through the menu and reads the downloaded file back. */
export async function exportReviewCsv(
  page: Page,
): Promise<{ fileName: string; records: string[][] }> {
  const { fileName, text } = await exportReview(page, 'CSV')
  return { fileName, records: parseCsv(text) }
}

/** Exports as JSON through the menu: the provenance of the rows in view. */
export async function exportReviewProvenance(page: Page): Promise<Record<string, unknown>> {
  const { text } = await exportReview(page, 'JSON')
  return (JSON.parse(text) as { provenance: Record<string, unknown> }).provenance
}

/** Stops the run in flight; what has loaded stays, and Resume is offered. */
export async function cancelReview(page: Page) {
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible()
}

/** Takes up what a cancel left unfinished. */
export async function resumeReview(page: Page) {
  await page.getByRole('button', { name: 'Resume' }).click()
}

/** A review CSV split as it is laid out: one header row, then the rows. */
export function reviewExportParts(records: string[][]) {
  return { header: records[0], rows: records.slice(1) }
}

/** The file's provenance says by itself that the list is incomplete, and why. */
export function assertExportIncomplete(
  provenance: Record<string, unknown>,
  reason: string | RegExp,
) {
  expect(provenance.listComplete).toBe(false)
  expect(provenance.wholeListExported).toBe(false)
  expect(provenance.note).toMatch(reason)
}
