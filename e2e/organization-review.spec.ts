import { expect, test } from '@playwright/test'
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { portsOf } from '../server/local-environment/ports'
import { THREE_MEMBER_ORGANIZATION } from '../server/local-tenant/seed/organization-page'
import { toOrganization, toVerify } from '../src/lib/routes'
import { readPack, reviewRow, sha256, signOff, startAccessReview } from './support/access-review'
import { ADA, storageStateFor } from './support/auth'
import { assertNoSeriousA11yViolations } from './support/axe'
import { removeMembership, resetMemberships } from './support/membership-changes'

// The access review on an organization's members page, in the browser against npm start (proxy
// mode): a decision per member, sign-off into an organization pack the proxy countersigns,
// /verify says intact, a member is removed in the tenant, and the next comparison shows the
// revoke carried out.

test.use({ storageState: storageStateFor(ADA) })

test.afterEach(({ request }) => resetMemberships(request))

const PROXY_ORIGIN = `http://127.0.0.1:${portsOf('e2e').proxy}`
const ORGANIZATION = THREE_MEMBER_ORGANIZATION
const [SOL, RENEE, CARLOS] = ORGANIZATION.members

test('review an organization’s members, sign off, verify, and see the revoked member gone next time', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  await page.goto(toOrganization(ORGANIZATION.id))
  await expect(page.getByText('3 members', { exact: true })).toBeVisible()
  await startAccessReview(page)

  await reviewRow(page, SOL.name).getByRole('button', { name: 'Keep' }).click()
  await reviewRow(page, RENEE.name).getByRole('button', { name: 'Revoke' }).click()
  await expect(reviewRow(page, RENEE.name).getByRole('textbox')).toBeFocused()
  await page.keyboard.type('Support contract ended')
  await page.keyboard.press('Enter')
  await reviewRow(page, CARLOS.name).getByRole('button', { name: 'Keep' }).click()
  await expect(page.getByText('3 of 3 decided')).toBeVisible()

  const pack = await signOff(page)
  const { files, text, manifest } = readPack(pack.bytes)
  const manifestSha256 = sha256(files['manifest.json'] ?? new Uint8Array())
  await expect(page.getByRole('status', { name: 'Review signed off' })).toContainText(
    manifestSha256,
  )
  expect(manifest.scope).toMatchObject({ kind: 'organization', organizationId: ORGANIZATION.id })
  expect(manifest.population).toMatchObject({ rows: 3, complete: true, rolesComplete: true })
  expect(text('decisions.csv')).toContain(
    `${RENEE.userId},${RENEE.email},${ORGANIZATION.id},${ORGANIZATION.name},revoke,Support contract ended,`,
  )
  const keys = (await (
    await request.get(`${PROXY_ORIGIN}/.well-known/orgscope-countersign-keys.json`)
  ).json()) as JSONWebKeySet
  const { payload } = await compactVerify(text('countersignature.jws'), createLocalJWKSet(keys))
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ sha256: manifestSha256 })

  await page.goto(toVerify())
  await page.getByLabel('Choose an evidence pack').setInputFiles({
    name: pack.fileName,
    mimeType: 'application/zip',
    buffer: pack.bytes,
  })
  await expect(page.getByRole('heading', { level: 2, name: 'Intact' })).toBeVisible()

  // Next cycle: the revoke was carried out.
  await removeMembership(request, { userId: RENEE.userId, organizationId: ORGANIZATION.id })
  await page.goto(toOrganization(ORGANIZATION.id))
  await expect(page.getByText('2 members', { exact: true })).toBeVisible()
  await page
    .getByLabel('Choose an earlier evidence file')
    .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
  const changes = page.getByRole('region', { name: 'Changes since the earlier file' })
  await expect(changes).toContainText('0 memberships added, 1 removed')
  await expect(changes.getByRole('row').filter({ hasText: 'Revoked last time' })).toContainText(
    'Access removed',
  )
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('the review of an organization’s members under way, signed off and compared: no serious axe violation', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      await page.goto(toOrganization(ORGANIZATION.id))
      await expect(page.getByText('3 members', { exact: true })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme)
      await startAccessReview(page)
      await reviewRow(page, SOL.name).getByRole('button', { name: 'Keep' }).click()
      // A revoke waiting for its reason: the refusal is on screen.
      await reviewRow(page, RENEE.name).getByRole('button', { name: 'Revoke' }).click()
      await expect(page.getByText('Write a reason to save this decision.')).toBeVisible()
      await assertNoSeriousA11yViolations(page)

      await page.keyboard.type('Contract ended')
      await page.keyboard.press('Enter')
      await reviewRow(page, CARLOS.name).getByRole('button', { name: 'Keep' }).click()
      await expect(page.getByText('3 of 3 decided')).toBeVisible()
      const pack = await signOff(page)
      await assertNoSeriousA11yViolations(page)

      await page.reload()
      await page
        .getByLabel('Choose an earlier evidence file')
        .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
      await expect(
        page.getByRole('region', { name: 'Changes since the earlier file' }),
      ).toContainText('0 memberships added, 0 removed')
      await assertNoSeriousA11yViolations(page)
    })
  })
}
