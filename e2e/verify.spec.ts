import { expect, test } from '@playwright/test'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { buildEvidencePack } from '../src/features/evidence/evidence-pack'
import { packInput } from '../src/features/evidence/test-pack'
import { toVerify } from '../src/lib/routes'
import { ADA, storageStateFor } from './support/auth'

test.use({ storageState: storageStateFor(ADA) })

const zip = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: 'application/zip',
  buffer: Buffer.from(bytes),
})

test('an auditor checks an intact pack, then a tampered one, by keyboard and by file picker', async ({
  page,
}) => {
  const pack = await buildEvidencePack(packInput())
  const tampered = zipSync({
    ...unzipSync(pack.bytes),
    'memberships.csv': strToU8('display_name,name,id\r\nnothing to see,,\r\n'),
  })

  await page.goto(toVerify())
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verify an evidence pack' }),
  ).toBeVisible()
  const chooser = page.getByRole('button', { name: 'Choose an evidence pack' })
  await chooser.focus()
  const picking = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await picking).setFiles(zip(pack.fileName, pack.bytes))

  await expect(page.getByRole('heading', { level: 2, name: 'Intact' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'memberships.csv: intact' })).toBeVisible()
  await expect(page.getByText('travel0.us.auth0.com')).toBeVisible()

  await page.getByLabel('Choose an evidence pack').setInputFiles(zip('tampered.zip', tampered))

  await expect(page.getByRole('heading', { level: 2, name: 'Changed' })).toBeVisible()
  await expect(page.getByText('memberships.csv changed.')).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'memberships.csv: changed' })).toBeVisible()
})
