import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { captureDownloads } from '@/testing/downloads'
import { LOAD_ALL_ROLES_CONCURRENCY } from '../use-load-all-roles'
import { openUser, organizationsTable } from '@/testing/memberships-page'
import { RAE } from '@/testing/render'
import { server, tenant } from '@/testing/server'
import { setManagementApiSettings } from '../../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../../server/local-tenant/seed/named-users'

// "Load all roles" on a user's page: cost first, then progress, Cancel, Resume, and an export
// whose every row has its roles.

const { edgeCaseOrganizations, threeMemberships } = NAMED_USERS
const TOTAL = edgeCaseOrganizations.memberships
const defaultRateLimit = { ...tenant.config.rateLimit }

beforeEach(() => {
  // A bucket the preview can quote.
  setManagementApiSettings(tenant, { rateLimit: { burst: 20, refillPerSecond: 100 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit, latencyMs: 0 })
  vi.restoreAllMocks()
  server.events.removeAllListeners('request:start')
})

/** The loaded count the status line gives ("Roles loaded for 12 of 24 memberships…"). */
function loadedNow(): number {
  const line = screen.getByText(/^Roles loaded for /)
  const match = /^Roles loaded for (all )?([\d,]+)/.exec(line.textContent ?? '')
  return Number(match?.[2]?.replaceAll(',', '') ?? Number.NaN)
}

describe('Load all roles', () => {
  it('previews the cost, loads with progress, cancels, resumes, and the export then has every role', async () => {
    const saved = captureDownloads()
    const { user } = openUser(edgeCaseOrganizations.userId)
    await organizationsTable()
    await screen.findByText(`${TOTAL} organizations`, {}, { timeout: 5000 })
    // Slow answers, so the run is still going when Cancel is pressed.
    setManagementApiSettings(tenant, { latencyMs: 3000 })
    await user.click(await screen.findByRole('button', { name: 'Load all roles' }))

    const before = loadedNow()
    expect(before).toBeLessThan(TOTAL)
    const preview = screen.getByText(/^Load all roles: /)
    expect(preview).toHaveTextContent(
      new RegExp(
        `^Load all roles: ${TOTAL - before} requests \\(one per membership whose roles are not loaded\\), about .+ at the rate the tenant announces \\(a bucket of 20, refilling .+\\)\\.$`,
      ),
    )

    await user.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(loadedNow()).toBeGreaterThan(before), { timeout: 10_000 })
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(
      await screen.findByText(
        /^Cancelled\. Resume loads the roles still missing\./,
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible()
    const atCancel = loadedNow()
    expect(atCancel).toBeLessThan(TOTAL)
    // Nothing more arrives after Cancel but what was already on its way.
    await new Promise((resolve) => setTimeout(resolve, 3500))
    expect(loadedNow()).toBeLessThanOrEqual(atCancel + LOAD_ALL_ROLES_CONCURRENCY)

    await user.click(screen.getByRole('button', { name: 'Resume' }))
    expect(
      await screen.findByText(
        `Roles loaded for all ${TOTAL} memberships: the export has every row's roles.`,
        {},
        { timeout: 20_000 },
      ),
    ).toBeVisible()
    expect(screen.queryByRole('button', { name: /Load all roles|Resume|Cancel/ })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(saved).toHaveLength(1))
    const { provenance, rows } = JSON.parse((await saved[0]?.text()) ?? '{}') as {
      provenance: { rolesComplete: boolean; rolesStatusCounts: Record<string, number> }
      rows: { roles_status: string }[]
    }
    expect(rows).toHaveLength(TOTAL)
    expect(rows.every((row) => row.roles_status === 'loaded')).toBe(true)
    expect(provenance).toMatchObject({ rolesComplete: true, rolesStatusCounts: { loaded: TOTAL } })
  }, 60_000)

  it('stops at a 403 and says once that the permission is missing', async () => {
    const { user } = openUser(threeMemberships.userId, { signedInAs: RAE })
    await organizationsTable()
    await screen.findByRole('status', { name: /^Roles not shown/ })
    await user.click(await screen.findByRole('button', { name: 'Load all roles' }))
    await user.click(screen.getByRole('button', { name: 'Start' }))

    const alert = await screen.findByRole('alert', { name: 'Roles cannot be loaded' })
    expect(alert).toHaveTextContent('read:organization_member_roles')
    expect(screen.getAllByRole('alert', { name: 'Roles cannot be loaded' })).toHaveLength(1)
    expect(screen.getByText(/^Roles loaded for 0 of 3 memberships/)).toBeVisible()
  })
})
