import { expect, type APIRequestContext } from '@playwright/test'
import { portsOf } from '../../server/local-environment/ports'
import type {
  ChangedMembership,
  MembershipChange,
} from '../../server/local-tenant/management/membership-changes'

/**
 * A spec changes a membership in the local tenant and then sees the difference in the app: a thin
 * client for /__faults/memberships (server/local-tenant/management/membership-control.ts), which
 * every e2e tenant serves (`npm start` turns it on). By default the main run's tenant; pass
 * `tenantOrigin` for another (a project's `faultsTenantOrigin`). Roles are role names
 * (`Member`, `Org Admin`, …). Undo what a test changed with `resetMemberships` (or the faults
 * fixture's reset, on a tenant with fault control), so the next test sees the seed.
 */
const E2E_TENANT_ORIGIN = `http://127.0.0.1:${portsOf('e2e').tenant}`

export async function addMembership(
  request: APIRequestContext,
  change: MembershipChange,
  tenantOrigin = E2E_TENANT_ORIGIN,
): Promise<ChangedMembership> {
  const response = await request.post(`${tenantOrigin}/__faults/memberships`, { data: change })
  expect(response.ok(), await response.text()).toBe(true)
  return ((await response.json()) as { membership: ChangedMembership }).membership
}

export async function removeMembership(
  request: APIRequestContext,
  membership: { userId: string; organizationId: string },
  tenantOrigin = E2E_TENANT_ORIGIN,
): Promise<void> {
  const query = new URLSearchParams(membership)
  const response = await request.delete(`${tenantOrigin}/__faults/memberships?${query}`)
  expect(response.ok(), await response.text()).toBe(true)
}

/** Every membership change undone: the seeded memberships again. */
export async function resetMemberships(
  request: APIRequestContext,
  tenantOrigin = E2E_TENANT_ORIGIN,
): Promise<void> {
  const response = await request.delete(`${tenantOrigin}/__faults/memberships`)
  expect(response.ok(), await response.text()).toBe(true)
}
