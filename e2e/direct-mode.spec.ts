import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { readPack, signOff, startAccessReview } from './support/access-review'
import { ADA, goToSignedIn, SAM } from './support/auth'
import { assertAlert, assertOrganizationsTotal } from './support/app'

// Direct mode: no proxy, the SPA calls the tenant's Management API with the admin's own token.
// The same screens must come out of it.

test('direct mode: search a user and see their organizations', async ({ page }) => {
  const trio = NAMED_USERS.threeMemberships
  await goToSignedIn(page, '/', ADA)
  await page.getByRole('searchbox', { name: 'Search users' }).fill(trio.email)
  await page.getByRole('link', { name: new RegExp(trio.email) }).click()
  await assertOrganizationsTotal(page, '3 organizations')
})

test('direct mode: the Management API’s own 403 names the missing scope', async ({ page }) => {
  const trio = NAMED_USERS.threeMemberships
  await goToSignedIn(page, `/users/${encodeURIComponent(trio.userId)}/organizations`, SAM)
  await assertAlert(page, '403', 'read:organizations')
  await expect(page.getByRole('table', { name: 'Organizations' })).toHaveCount(0)
})

test('direct mode: a signed-off review is a pack that says it is not countersigned', async ({
  page,
}) => {
  const trio = NAMED_USERS.threeMemberships
  await goToSignedIn(page, `/users/${encodeURIComponent(trio.userId)}/organizations`, ADA)
  await assertOrganizationsTotal(page, '3 organizations')
  await startAccessReview(page)
  await page.getByRole('combobox', { name: 'Decide for all 3 rows' }).selectOption('keep')
  await page.getByRole('button', { name: 'Apply to 3 rows' }).click()
  await expect(page.getByText('3 of 3 decided')).toBeVisible()

  const pack = await signOff(page)
  await expect(page.getByRole('status', { name: 'Review signed off' })).toContainText(
    'Not countersigned',
  )
  const { files, manifest } = readPack(pack.bytes)
  expect(manifest.mode).toBe('direct')
  expect(manifest.countersignature).toMatchObject({ unsigned: true })
  expect(Object.keys(files)).not.toContain('countersignature.jws')
})
