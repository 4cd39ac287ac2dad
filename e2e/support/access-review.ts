import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, type Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import type { Manifest } from '../../src/features/evidence/evidence-pack'

// An access review of a user's memberships, driven as an admin does it: shared by the journey
// specs and the accessibility checks of its states.

function reviewTable(page: Page) {
  return page.getByRole('table', { name: 'Access review' })
}

/** The review row of the organization named `name` (its display name). */
export function reviewRow(page: Page, name: string) {
  return reviewTable(page).getByRole('row').filter({ hasText: name })
}

export async function startAccessReview(page: Page) {
  await page.getByRole('button', { name: 'Start access review' }).click()
  await expect(reviewTable(page)).toBeVisible()
}

/** Signs off and returns the downloaded pack's bytes and file name. */
export async function signOff(page: Page): Promise<{ bytes: Buffer; fileName: string }> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Sign off and download evidence pack' }).click()
  const download = await downloading
  const path = await download.path()
  await expect(page.getByRole('status', { name: 'Review signed off' })).toBeVisible()
  return { bytes: await readFile(path), fileName: download.suggestedFilename() }
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function readPack(bytes: Uint8Array) {
  const files = unzipSync(bytes)
  const text = (name: string) => new TextDecoder().decode(files[name])
  return { files, text, manifest: JSON.parse(text('manifest.json')) as Manifest }
}
