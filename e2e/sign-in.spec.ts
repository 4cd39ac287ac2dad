import { expect, test } from '@playwright/test'
import { ADA, assertSignedInAs, fillTenantSignIn, goToSignedIn } from './support/auth'
import { JWT_SHAPE } from './support/security'

test('an admin signs in through the tenant and sees their name', async ({ page, baseURL }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: `Account: ${ADA.name}` })).toHaveCount(0)
  await page.getByRole('button', { name: 'Sign in' }).click()

  // The tenant, on its own origin, asks for the credentials: the app never sees them.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/)
  expect(new URL(page.url()).origin).not.toBe(new URL(baseURL ?? '').origin)
  await fillTenantSignIn(page, ADA)

  await assertSignedInAs(page, ADA)
  // The authorization code and state never linger in the address bar.
  expect(page.url()).not.toMatch(/[?&](code|state)=/)
  // Tokens live in the SDK's memory only: nothing JWT-shaped in web storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).not.toMatch(JWT_SHAPE)
})

test('a wrong password is refused on the sign-in page', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await fillTenantSignIn(page, { ...ADA, password: 'not-the-password' })
  await expect(page.getByRole('alert')).toHaveText(/wrong email or password/i)
})

test('a reload keeps the admin signed in', async ({ page }) => {
  await goToSignedIn(page, '/')
  await page.reload()
  await assertSignedInAs(page, ADA)
})

test('a deep link survives sign-in', async ({ page }) => {
  const userId = 'samlp|acme-saml|jane@acme.com'
  const deepLink = `/users/${encodeURIComponent(userId)}/organizations`
  await goToSignedIn(page, deepLink)
  await expect(page).toHaveURL(deepLink)
})

test('signing out ends the tenant session too', async ({ page }) => {
  await goToSignedIn(page, '/')
  await page.getByRole('button', { name: `Account: ${ADA.name}` }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()

  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  // Signed out on purpose: nothing "ended" to explain.
  await expect(page.getByText('Your session has ended')).toHaveCount(0)
  // Had only the page forgotten the admin, the tenant would sign them straight back in.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: /sign in to orgscope/i })).toBeVisible()
})

test('when the tenant session has ended, a reload says so, and signing in returns to the same page', async ({
  page,
  context,
}) => {
  const deepLink = `/users/${encodeURIComponent('samlp|acme-saml|jane@acme.com')}/organizations`
  await goToSignedIn(page, deepLink)
  await expect(page.getByRole('table', { name: 'Organizations' })).toBeVisible()

  // The tenant forgets the session (it expired): only its own cookie goes.
  await context.clearCookies({ name: 'local_tenant_session' })
  await page.reload()

  await expect(page.getByRole('alert')).toContainText('Your session has ended')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await fillTenantSignIn(page, ADA)
  await expect(page).toHaveURL(deepLink)
  await expect(page.getByRole('table', { name: 'Organizations' })).toBeVisible()
})
