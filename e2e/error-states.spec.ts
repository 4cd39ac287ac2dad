import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { SCENARIO_USERS } from '../server/local-tenant/seed/scenarios'
import { toUserOrganizations } from '../src/lib/routes'
import { ADA, SAM, storageStateFor } from './support/auth'
import { assertAlert, assertOrganizationsTotal, goToUserOrganizations } from './support/app'

test.describe('as Ada, who holds every scope', () => {
  test.use({ storageState: storageStateFor(ADA) })

  test('401 Invalid token: "Sign in again" comes back to the same page', async ({ page }) => {
    const user = SCENARIO_USERS['invalid-token']
    await goToUserOrganizations(page, user.userId)
    const alert = await assertAlert(page, '401', 'Invalid token')
    await alert.getByRole('button', { name: 'Sign in again' }).click()
    // The tenant session is still alive, so the round trip is silent and lands on this page.
    await expect(page).toHaveURL(toUserOrganizations(user.userId))
    await assertAlert(page, '401', 'Invalid token')
  })

  test('401 Invalid signature', async ({ page }) => {
    await goToUserOrganizations(page, SCENARIO_USERS['invalid-signature'].userId)
    const alert = await assertAlert(
      page,
      '401',
      'Invalid signature received for JSON Web Token validation.',
    )
    await expect(alert.getByRole('button', { name: 'Sign in again' })).toBeVisible()
  })

  test('403 insufficient_scope names the missing scope', async ({ page }) => {
    await goToUserOrganizations(page, SCENARIO_USERS['insufficient-scope'].userId)
    await assertAlert(page, '403', 'insufficient_scope', 'read:organizations')
  })

  test('404: the user was deleted; back to search', async ({ page }) => {
    await goToUserOrganizations(page, SCENARIO_USERS.deleted.userId)
    const alert = await assertAlert(page, '404')
    await alert.getByRole('button', { name: 'Back to search' }).first().click()
    await expect(page).toHaveURL('/')
  })

  test('400 invalid_uri shows the id as sent', async ({ page }) => {
    const user = SCENARIO_USERS['invalid-uri']
    await goToUserOrganizations(page, user.userId)
    await assertAlert(page, '400', 'invalid_uri', user.userId)
  })

  test('429 counts down to the reset and retries by itself', async ({ page }) => {
    await goToUserOrganizations(page, SCENARIO_USERS['rate-limited'].userId)
    await assertAlert(page, '429', /retrying in \d+ s/i)
    await assertOrganizationsTotal(page, '3 organizations')
    await expect(page.getByRole('alert').filter({ hasText: '429' })).toHaveCount(0)
  })

  for (const [scenario, status] of [
    ['server-error', '500'],
    ['bad-gateway', '502'],
    ['empty-body', '503'],
  ] as const) {
    test(`${status} from the server offers "Try again"`, async ({ page }) => {
      await goToUserOrganizations(page, SCENARIO_USERS[scenario].userId)
      const alert = await assertAlert(page, status)
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible({
        timeout: 20_000,
      })
    })
  }

  test('a malformed body is its own error, not a crash', async ({ page }) => {
    await goToUserOrganizations(page, SCENARIO_USERS.malformed.userId)
    const alert = await assertAlert(page, /shape/i)
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  })
})

test.describe('as Sam, who lacks read:organizations', () => {
  test.use({ storageState: storageStateFor(SAM) })

  test('the real scope check answers 403 and names read:organizations', async ({ page }) => {
    await goToUserOrganizations(page, NAMED_USERS.threeMemberships.userId)
    await assertAlert(page, '403', 'read:organizations')
  })
})
