import { expect, test } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { ADA, storageStateFor } from './support/auth'
import { assertOrganizationsTotal, goToUserOrganizations } from './support/app'
import { addMembership, removeMembership, resetMemberships } from './support/membership-changes'
import { rolesCellOf } from './support/memberships'

test.use({ storageState: storageStateFor(ADA) })

test.afterEach(({ request }) => resetMemberships(request))

const TRIO = NAMED_USERS.threeMemberships.userId
/** Three Members: Tess Trio is not one of them in the seed. */
const THREE_MEMBERS = 'org_threeMembers0001'

test('a membership added to, then removed from, the tenant shows on the next load', async ({
  page,
  request,
}) => {
  // Three loads of the page, each listing the memberships and their roles.
  test.setTimeout(120_000)
  await goToUserOrganizations(page, TRIO)
  await assertOrganizationsTotal(page, '3 organizations')

  await addMembership(request, { userId: TRIO, organizationId: THREE_MEMBERS, roles: ['Auditor'] })
  await page.reload()
  await assertOrganizationsTotal(page, '4 organizations')
  await expect(rolesCellOf(page, THREE_MEMBERS)).toContainText('Auditor')

  await removeMembership(request, { userId: TRIO, organizationId: THREE_MEMBERS })
  await page.reload()
  await assertOrganizationsTotal(page, '3 organizations')
  await expect(rolesCellOf(page, THREE_MEMBERS)).toHaveCount(0)
})
