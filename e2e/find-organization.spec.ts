import { expect, test } from '@playwright/test'
import { seedTenantData } from '../server/local-tenant/seed/seed'
import { toOrganization } from '../src/lib/routes'
import { ADA, storageStateFor } from './support/auth'
import { fillSearch, goToSearch } from './support/screens'

test.use({ storageState: storageStateFor(ADA) })

/** An organization of the seed, with the display name its result is named by. */
function seededOrganization(name: string) {
  const organization = seedTenantData().organizations.find((seeded) => seeded.name === name)
  if (!organization?.display_name) throw new Error(`The seed lost ${name}.`)
  return { ...organization, displayName: organization.display_name }
}

test('support finds an organization by its name, marked as one, and opens its page', async ({
  page,
}) => {
  // On the organizations' first page (they list by name): found before the rest has loaded.
  const beijing = seededOrganization('beijing-xingchen')
  await goToSearch(page)
  await fillSearch(page, beijing.name)

  const organizations = page.getByRole('region', { name: 'Organizations' })
  const result = organizations.getByRole('link', { name: `${beijing.displayName}, organization` })
  await expect(result.getByText('Organization', { exact: true })).toBeVisible()
  await result.click()

  await expect(page).toHaveURL(toOrganization(beijing.id))
})
