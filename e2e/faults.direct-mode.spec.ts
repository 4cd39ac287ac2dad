import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { toUserOrganizations } from '../src/lib/routes'
import { assertAlert, assertOrganizationsTotal } from './support/app'
import { ADA, goToSignedIn } from './support/auth'
import { expect, openUserFromSearch, test } from './support/faults'

// Direct mode: the SPA calls the tenant's Management API with the admin's own token, so the
// tenant itself can refuse that token. The direct server runs direct-mode.spec.ts alongside, so
// the switch here is for one user only (one no other spec opens there).

test('session expiry mid-use: a refused token (401), "Sign in again", and back on the same page with its data', async ({
  page,
  faults,
}) => {
  const { oneMembership, samlUser } = NAMED_USERS
  await goToSignedIn(page, '/', ADA)
  await openUserFromSearch(page, oneMembership.userId)
  await assertOrganizationsTotal(page, '1 organization')

  // The tenant stops accepting every token issued until now, for the next user the admin opens.
  await faults.set({ userId: samlUser.userId, rejectTokensIssuedBefore: 'now' })
  await page.goBack()
  await openUserFromSearch(page, samlUser.userId)

  const alert = await assertAlert(
    page,
    '401',
    'Invalid token',
    'Your session is no longer accepted',
  )
  await alert.getByRole('button', { name: 'Sign in again' }).click()

  // The tenant session still lives: the round trip is silent and lands on the same page.
  await expect(page).toHaveURL(toUserOrganizations(samlUser.userId))
  await assertOrganizationsTotal(page, '2 organizations')
  await expect(page.getByRole('alert')).toHaveCount(0)
})
