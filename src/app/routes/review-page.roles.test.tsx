import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toReview } from '@/lib/routes'
import { captureDownloads } from '@/testing/downloads'
import { renderApp } from '@/testing/render'
import { reviewUsers } from '@/testing/review-page'
import { tenant } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// The bulk review's roles: a Roles column that fills in for the rows in view, from the same cache
// the user page uses; "Load all roles" over every user × organization, with its cost first and its
// progress; and an export that has every row's roles and says so.

const { threeMemberships, noMemberships, edgeCaseOrganizations } = NAMED_USERS
/** Memberships under review: Tess's 3 and Eddie's 24 (Nora is in no organization). */
const MEMBERSHIPS = threeMemberships.memberships + edgeCaseOrganizations.memberships
const defaultRateLimit = { ...tenant.config.rateLimit }

beforeEach(() => {
  // A bucket the preview can quote.
  setManagementApiSettings(tenant, { rateLimit: { burst: 20, refillPerSecond: 100 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit, latencyMs: 0 })
  vi.restoreAllMocks()
})

/** The loaded count the status line gives ("Roles loaded for 12 of 27 memberships…"). */
function loadedNow(): number {
  const line = screen.getByText(/^Roles loaded for /)
  const match = /^Roles loaded for (all )?([\d,]+)/.exec(line.textContent ?? '')
  return Number(match?.[2]?.replaceAll(',', '') ?? Number.NaN)
}

/** The Roles cell of every rendered row, in order (the last column). */
function rolesCells(): string[] {
  const table = screen.getByRole('table', { name: 'Memberships under review' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').at(-1)?.textContent ?? '')
}

describe("the bulk review's roles", () => {
  it('fills in the rows in view, loads the rest on request with its cost and progress, and exports every role', async () => {
    const saved = captureDownloads()
    const { user } = renderApp({ route: toReview() })
    await reviewUsers(user, [
      threeMemberships.email,
      noMemberships.userId,
      edgeCaseOrganizations.userId,
    ])

    const table = screen.getByRole('table', { name: 'Memberships under review' })
    expect(within(table).getAllByRole('columnheader').at(-1)).toHaveTextContent('Roles')
    // The rows in view look their roles up once they settle; the rows below are not asked for.
    await waitFor(() => expect(loadedNow()).toBeGreaterThan(0))
    await waitFor(() => expect(screen.queryAllByText('Loading…')).toHaveLength(0))
    const inView = loadedNow()
    expect(inView).toBeLessThan(MEMBERSHIPS)
    expect(screen.getByText(/^Roles loaded for /)).toHaveTextContent(
      `Roles loaded for ${inView} of ${MEMBERSHIPS} memberships; the export's roles_status says why each other row has none.`,
    )
    // Tess's rows are first; her first organization holds roles (the seed's cycle: 2, 1, 0, 3).
    expect(rolesCells()[0]).not.toMatch(/^(…|Loading…|No roles)$/)
    // Nora's row says she is in no organization, across the organization and roles columns.
    expect(within(table).getByText('No organizations')).toHaveAttribute('colspan', '4')

    // The cost first: one request per membership not loaded, at the rate the tenant announces.
    await user.click(screen.getByRole('button', { name: 'Load all roles' }))
    expect(screen.getByText(/^Load all roles: /)).toHaveTextContent(
      new RegExp(
        `^Load all roles: ${MEMBERSHIPS - inView} requests \\(one per membership whose roles are not loaded\\), about .+ at the rate the tenant announces \\(a bucket of 20, refilling .+\\)\\.$`,
      ),
    )
    // Slow answers, so the progress is there to see.
    setManagementApiSettings(tenant, { latencyMs: 300 })
    await user.click(screen.getByRole('button', { name: 'Start' }))
    expect(
      await screen.findByRole('progressbar', {
        name: new RegExp(`^Roles loaded for \\d+ of ${MEMBERSHIPS} memberships$`),
      }),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeVisible()
    expect(
      await screen.findByText(
        `Roles loaded for all ${MEMBERSHIPS} memberships: the export has every row's roles.`,
        {},
        { timeout: 15_000 },
      ),
    ).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(saved).toHaveLength(1))
    const { provenance, rows } = JSON.parse((await saved[0]?.text()) ?? '{}') as {
      provenance: { rolesComplete: boolean; rolesStatusCounts: Record<string, number> }
      rows: {
        user_id: string
        organization_id: string | null
        roles: unknown
        roles_status: string | null
      }[]
    }
    expect(rows).toHaveLength(MEMBERSHIPS + 1)
    const memberships = rows.filter((row) => row.organization_id !== null)
    expect(memberships.every((row) => row.roles_status === 'loaded')).toBe(true)
    expect(memberships.every((row) => typeof row.roles === 'object' && row.roles !== null)).toBe(
      true,
    )
    expect(rows.find((row) => row.user_id === noMemberships.userId)).toMatchObject({
      organization_id: null,
      roles: null,
      roles_status: null,
    })
    expect(provenance).toMatchObject({
      rolesComplete: true,
      rolesStatusCounts: { loaded: MEMBERSHIPS },
    })
  }, 40_000)

  it('exports rolesComplete false, and says why, while some rows have no roles', async () => {
    const saved = captureDownloads()
    const { user } = renderApp({ route: toReview() })
    await reviewUsers(user, [threeMemberships.email, edgeCaseOrganizations.userId])
    await waitFor(() => expect(loadedNow()).toBeGreaterThan(0))
    await waitFor(() => expect(screen.queryAllByText('Loading…')).toHaveLength(0))
    const loaded = loadedNow()

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(saved).toHaveLength(1))
    const { provenance } = JSON.parse((await saved[0]?.text()) ?? '{}') as {
      provenance: { rolesComplete: boolean; rolesStatusCounts: object; note: string }
    }
    expect(provenance).toMatchObject({
      rolesComplete: false,
      rolesStatusCounts: { loaded, 'not loaded': MEMBERSHIPS - loaded },
    })
    expect(provenance.note).toContain(
      `Roles: not in the file for ${MEMBERSHIPS - loaded} of ${MEMBERSHIPS} rows`,
    )
  }, 20_000)
})
