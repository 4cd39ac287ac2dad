import { expect, test } from '@playwright/test'
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { zipSync } from 'fflate'
import { portsOf } from '../server/local-environment/ports'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { THREE_MEMBER_ORGANIZATION } from '../server/local-tenant/seed/organization-page'
import { toVerify } from '../src/lib/routes'
import { readPack, reviewRow, sha256, signOff, startAccessReview } from './support/access-review'
import { assertOrganizationsTotal, goToUserOrganizations } from './support/app'
import { ADA, storageStateFor } from './support/auth'
import { addMembership, removeMembership, resetMemberships } from './support/membership-changes'

// The journey, in the browser against npm start (proxy mode): review Li Wei's
// memberships, sign off, check the pack — every hash, and the proxy's countersignature against
// the key it publishes — on /verify and by hand, see a one-byte edit named, change a membership
// in the tenant, and see the difference next time.

test.use({ storageState: storageStateFor(ADA) })

test.afterEach(({ request }) => resetMemberships(request))

const LI_WEI = NAMED_USERS.office365User
const PROXY_ORIGIN = `http://127.0.0.1:${portsOf('e2e').proxy}`

test('review Li Wei, sign off, verify the pack, and see what changed next time', async ({
  page,
  request,
}) => {
  // Two loads of the page with roles, a sign-off through the proxy, two checks on /verify.
  test.setTimeout(120_000)
  await goToUserOrganizations(page, LI_WEI.userId)
  await assertOrganizationsTotal(page, '3 organizations')
  await startAccessReview(page)

  await reviewRow(page, 'Green Works S.A.').getByRole('button', { name: 'Keep' }).click()
  // By keyboard: Enter on Revoke, the reason, Enter to save.
  await reviewRow(page, 'Quantum Optics Ltd').getByRole('button', { name: 'Revoke' }).focus()
  await page.keyboard.press('Enter')
  await expect(reviewRow(page, 'Quantum Optics Ltd').getByRole('textbox')).toBeFocused()
  await page.keyboard.type('Left the project in November')
  await page.keyboard.press('Enter')
  await reviewRow(page, 'Silver Health').getByRole('button', { name: "Don't know" }).click()
  await page.keyboard.type('Ask the account owner')
  await page.keyboard.press('Tab')
  await expect(page.getByText('3 of 3 decided')).toBeVisible()

  const pack = await signOff(page)
  const { files, text, manifest } = readPack(pack.bytes)
  const manifestSha256 = sha256(files['manifest.json'] ?? new Uint8Array())
  await expect(page.getByRole('status', { name: 'Review signed off' })).toContainText(
    manifestSha256,
  )

  // By hand, as an auditor without Orgscope would: every file's hash is the manifest's …
  for (const file of manifest.files) {
    expect(sha256(files[file.name] ?? new Uint8Array()), file.name).toBe(file.sha256)
  }
  expect(manifest.scope).toMatchObject({ kind: 'user', userId: LI_WEI.userId })
  expect(manifest.reviewer).toMatchObject({ sub: ADA.sub, email: ADA.email })
  expect(manifest.requests).toContainEqual(
    expect.objectContaining({
      path: `/api/v2/users/${encodeURIComponent(LI_WEI.userId)}/organizations`,
      status: 200,
      itemCount: 3,
    }),
  )
  expect(text('decisions.csv')).toContain(',revoke,Left the project in November,')
  // … and the proxy countersigned the manifest's hash, for this admin, with its published key.
  const keys = (await (
    await request.get(`${PROXY_ORIGIN}/.well-known/orgscope-countersign-keys.json`)
  ).json()) as JSONWebKeySet
  const { payload } = await compactVerify(text('countersignature.jws'), createLocalJWKSet(keys))
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
    sha256: manifestSha256,
    admin: { sub: ADA.sub, email: ADA.email },
    iss: 'orgscope-proxy',
  })

  // On /verify: intact, then one byte changed in memberships.csv, named.
  await page.goto(toVerify())
  const chooser = page.getByLabel('Choose an evidence pack')
  await chooser.setInputFiles({
    name: pack.fileName,
    mimeType: 'application/zip',
    buffer: pack.bytes,
  })
  await expect(page.getByRole('heading', { level: 2, name: 'Intact' })).toBeVisible()
  const csv = new Uint8Array(files['memberships.csv'] ?? [])
  csv[csv.length - 3] = (csv[csv.length - 3] ?? 0) ^ 1
  const tampered = zipSync({ ...files, 'memberships.csv': csv })
  await chooser.setInputFiles({
    name: 'tampered.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(tampered),
  })
  await expect(page.getByRole('heading', { level: 2, name: 'Changed' })).toBeVisible()
  await expect(page.getByText('memberships.csv changed.')).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'decisions.csv: intact' })).toBeVisible()

  // Next cycle: the revoke was carried out, and Li Wei joined Three Members.
  const revokedLine = text('decisions.csv')
    .split(/\r?\n/)
    .find((line) => line.includes(',revoke,'))
  expect(revokedLine).toBeDefined()
  // user_id, user_email, organization_id, …: Li Wei's id holds no comma.
  const quantum = String(revokedLine?.split(',')[2])
  await removeMembership(request, { userId: LI_WEI.userId, organizationId: quantum })
  await addMembership(request, {
    userId: LI_WEI.userId,
    organizationId: THREE_MEMBER_ORGANIZATION.id,
    roles: ['Org Admin'],
  })
  await goToUserOrganizations(page, LI_WEI.userId)
  await expect(page.getByText('Three Members', { exact: true })).toBeVisible()
  await page
    .getByLabel('Choose an earlier evidence file')
    .setInputFiles({ name: pack.fileName, mimeType: 'application/zip', buffer: pack.bytes })
  const changes = page.getByRole('region', { name: 'Changes since the earlier file' })
  await expect(changes).toContainText('1 membership added, 1 removed')
  await expect(changes.getByRole('row').filter({ hasText: 'Revoked last time' })).toContainText(
    'Access removed',
  )
  await expect(changes.getByRole('row').filter({ hasText: 'Added' })).toContainText('Three Members')
})
