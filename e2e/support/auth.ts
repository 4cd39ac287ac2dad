import { expect, type Page } from '@playwright/test'
import { DEMO_ADMINS, type TenantAdmin } from '../../server/local-tenant/config'

// The tenant's own demo admins (config.ts), so a renamed admin or new password reaches the specs.
/** Every scope. */
export const ADA = DEMO_ADMINS[0] as TenantAdmin
/** Lacks read:organizations. */
export const SAM = DEMO_ADMINS[1] as TenantAdmin
/** Reads memberships but not the roles in them, nor an organization's members. */
export const RAE = DEMO_ADMINS[2] as TenantAdmin
/** Reads memberships and an organization's members, but no roles (fields=roles answers 403). */
export const MO = DEMO_ADMINS[3] as TenantAdmin
type Admin = Pick<TenantAdmin, 'email' | 'name' | 'password'>

/** On the tenant's sign-in page: types the credentials and continues. */
export async function fillTenantSignIn(page: Page, admin: Admin) {
  await expect(page.getByRole('heading', { name: /sign in to orgscope/i })).toBeVisible()
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Continue' }).click()
}

/**
 * Opens `path` signed out, signs in through the tenant, and waits until the shell is back. The
 * shell gets `timeout` (30 s), not a screen's 10: a sign-in is three page loads and a token
 * exchange, and on a busy 2-core machine running three dev servers that alone took 10–20 s.
 * A dev server's first sign-in (warm-up.setup.ts) gets more: it bundles the app on demand.
 */
export async function goToSignedIn(
  page: Page,
  path: string,
  admin: Admin = ADA,
  { timeout = 30_000 }: { timeout?: number } = {},
) {
  await page.goto(path)
  await page.getByRole('button', { name: 'Sign in' }).click({ timeout })
  await fillTenantSignIn(page, admin)
  await expect(page.getByRole('button', { name: `Account: ${admin.name}` })).toBeVisible({
    timeout,
  })
}

export async function assertSignedInAs(page: Page, admin: Admin) {
  await expect(page.getByRole('button', { name: `Account: ${admin.name}` })).toBeVisible()
}

/**
 * Where auth.setup.ts leaves an admin's signed-in browser state for specs to start from. One
 * folder per E2E_PORT_OFFSET: runs sharing a checkout each sign in to their own tenant, whose
 * session cookie another run's tenant would not know.
 */
export function storageStateFor(admin: Admin) {
  return `e2e/.auth/${process.env.E2E_PORT_OFFSET ?? '0'}/${admin.email}.json`
}
