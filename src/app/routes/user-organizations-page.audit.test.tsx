import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MEMBERSHIPS_EXPORT_COLUMNS } from '@/features/organizations/memberships-export'
import { parseCsv } from '@/lib/export/csv'
import { dataRows, openUser, organizationsTable, seeded } from '@/testing/memberships-page'
import { captureDownloads } from '@/testing/downloads'
import { ADA, RAE, TEST_DASHBOARD_URL } from '@/testing/render'
import { server, tenant, tenantUrl } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { buildRoleScenarios } from '../../../server/local-tenant/seed/roles'

// The memberships page as an auditor uses it: roles per row, Dashboard links, freshness and the
// export of what is on screen.

const { threeMemberships, manyMemberships, office365User: liWei } = NAMED_USERS
const [forbiddenRow, failingRow] = buildRoleScenarios(tenant.data.membershipsByUserId)
const ROLES_PATH = tenantUrl('/api/v2/organizations/:orgId/members/:userId/roles')
const ROLES_COLUMN = 4

/** The rendered data row of an organization (by its id), or an error. */
function rowOf(table: HTMLElement, organizationId: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(organizationId))
  if (!row) throw new Error(`No row for ${organizationId}`)
  return row
}

function rolesCellOf(table: HTMLElement, organizationId: string): HTMLElement {
  const cell = within(rowOf(table, organizationId)).getAllByRole('cell')[ROLES_COLUMN]
  if (!cell) throw new Error(`The row for ${organizationId} has no roles cell`)
  return cell
}

const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit, latencyMs: 0 })
  vi.restoreAllMocks()
  server.events.removeAllListeners('request:start')
})

describe('roles per membership', () => {
  it("shows each membership's roles, and says so when there are none", async () => {
    openUser(threeMemberships.userId)
    const table = await organizationsTable()
    const [first, , third] = seeded(threeMemberships.userId)

    await waitFor(() =>
      expect(rolesCellOf(table, first?.id ?? '')).toHaveTextContent('Member, Org Admin'),
    )
    await waitFor(() => expect(rolesCellOf(table, third?.id ?? '')).toHaveTextContent('No roles'))
    expect(screen.getByRole('columnheader', { name: 'Roles' })).toBeVisible()
  })

  it('a 403 names the missing scope in its row; the other rows and the table stay', async () => {
    if (!forbiddenRow || !failingRow) throw new Error('The seed has no role scenarios')
    openUser(liWei.userId)
    const table = await organizationsTable()
    const [first] = seeded(liWei.userId)

    await waitFor(() =>
      expect(rolesCellOf(table, forbiddenRow.organizationId)).toHaveTextContent(
        'Needs read:organization_member_roles',
      ),
    )
    expect(
      within(rolesCellOf(table, forbiddenRow.organizationId)).queryByRole('button'),
    ).not.toBeInTheDocument()
    await waitFor(() =>
      expect(rolesCellOf(table, first?.id ?? '')).toHaveTextContent('Member, Org Admin'),
    )
    expect(screen.getByText('3 organizations')).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // Not every lookup was refused: the row says it, and no notice speaks for all of them.
    expect(screen.queryByRole('status', { name: /^Roles not shown/ })).not.toBeInTheDocument()
  })

  it('a 500 in one row offers Retry there, which loads the roles once the tenant recovers', async () => {
    if (!failingRow) throw new Error('The seed has no role scenarios')
    const { user } = openUser(liWei.userId)
    const table = await organizationsTable()

    const retry = await within(rolesCellOf(table, failingRow.organizationId)).findByRole(
      'button',
      { name: 'Retry' },
      { timeout: 5000 },
    )
    expect(rolesCellOf(table, failingRow.organizationId)).toHaveTextContent('Failed (500)')

    server.use(http.get(ROLES_PATH, () => HttpResponse.json([{ id: 'rol_1', name: 'Auditor' }])))
    await user.click(retry)
    await waitFor(() =>
      expect(rolesCellOf(table, failingRow.organizationId)).toHaveTextContent('Auditor'),
    )
  })

  it('an admin without read:organization_member_roles sees the memberships; one notice above the table names the scope and its grant', async () => {
    openUser(threeMemberships.userId, { signedInAs: RAE })
    const table = await organizationsTable()

    const notice = await screen.findByRole('status', {
      name: 'Roles not shown: missing permission read:organization_member_roles',
    })
    // The tests run in direct mode (render.tsx): the grant is the Management API's.
    expect(notice).toHaveTextContent('Auth0 Management API → Machine to Machine Applications')
    expect(notice).not.toHaveTextContent('User Management → Roles')
    for (const organization of seeded(threeMemberships.userId)) {
      await waitFor(() =>
        expect(rolesCellOf(table, organization.id)).toHaveTextContent(/^No permission/),
      )
      expect(rolesCellOf(table, organization.id)).not.toHaveTextContent('Needs')
    }
    expect(screen.getAllByRole('status', { name: /^Roles not shown/ })).toHaveLength(1)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('freshness and the Auth0 Dashboard', () => {
  it('says when the list was fetched, with the lag note, and Refresh fetches it again', async () => {
    const { user } = openUser(threeMemberships.userId)
    await organizationsTable()
    let listRequests = 0
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/organizations')) listRequests += 1
    })

    // The date, the time and the zone on screen; the UTC instant (as exports record it) in the title.
    const asOf = await screen.findByText(
      /^As of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d GMT([+-]\d{1,2}(:\d\d)?)? · just now\. Auth0 membership lists can lag/,
    )
    expect(asOf).toBeVisible()
    expect(asOf.title).toMatch(/^Fetched \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(UTC\)$/)
    await user.click(screen.getByRole('button', { name: 'Refresh' }))

    await waitFor(() => expect(listRequests).toBe(1))
    // The complete list stays on screen while it is fetched again.
    expect(screen.getByRole('table', { name: 'Organizations' })).toBeVisible()
  })

  it('links the user and each organization to the Auth0 Dashboard, in a new tab', async () => {
    openUser(threeMemberships.userId)
    const table = await organizationsTable()
    const [first] = seeded(threeMemberships.userId)
    const name = first?.display_name ?? first?.name ?? ''

    const userLink = await screen.findByRole('link', { name: 'Open in Auth0 Dashboard' })
    expect(userLink).toHaveAttribute(
      'href',
      `${TEST_DASHBOARD_URL}/users/${btoa(encodeURIComponent(threeMemberships.userId)).replace(/=+$/, '')}`,
    )
    const organizationLink = within(table).getByRole('link', {
      name: `Open ${name} in Auth0 Dashboard`,
    })
    expect(organizationLink).toHaveAttribute(
      'href',
      `${TEST_DASHBOARD_URL}/organizations/${first?.id}/overview`,
    )
    for (const link of [userLink, organizationLink]) {
      expect(link).toHaveAttribute('target', '_blank')
      expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    }
  })
})

describe('export', () => {
  it('downloads exactly the rows on screen after a filter, with the provenance', async () => {
    const saved = captureDownloads()
    const { user } = openUser(manyMemberships.userId)
    const table = await organizationsTable()
    await screen.findByText('150 organizations')

    await user.type(screen.getByRole('textbox', { name: 'Filter' }), '7')
    await waitFor(() => expect(screen.getByText(/^Showing \d+ matching “7”$/)).toBeVisible())
    const onScreen = dataRows(table).map((row) => within(row).getAllByRole('cell')[3]?.textContent)
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV — the table only' }))

    // Building and hashing 150 rows can take more than a second on a busy machine.
    const status = await screen.findByText(/^Downloaded/, {}, { timeout: 5000 })
    expect(status).toHaveTextContent(
      /orgscope-memberships-auth0_6650a1f0c0ffee0000000150-\d{8}-\d{6}Z\.csv/,
    )
    expect(status).toHaveTextContent(/SHA-256 [0-9a-f]{64}/)
    // The CSV is the table alone: one header row, then the rows.
    const [header, ...records] = parseCsv((await saved[0]?.text()) ?? '')
    expect(header).toEqual(MEMBERSHIPS_EXPORT_COLUMNS)
    const ids = records.map((record) => record[3])
    // Every row the table holds (it renders only a window of them), in its order, and no other.
    expect(table).toHaveAttribute('aria-rowcount', String(ids.length + 1))
    expect(ids.slice(0, onScreen.length)).toEqual(onScreen)

    // The JSON carries the provenance, with the account context from the user's record.
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(
      await screen.findByRole('menuitem', { name: 'JSON — the table with its provenance' }),
    )
    await waitFor(() => expect(saved).toHaveLength(2))
    const { provenance } = JSON.parse((await saved[1]?.text()) ?? '{}') as {
      provenance: Record<string, unknown>
    }
    expect(provenance).toMatchObject({
      subject: { userId: manyMemberships.userId, email: manyMemberships.email },
      exportedBy: ADA.email,
      filter: '7',
      filtered: true,
      rowsExported: ids.length,
      totalRows: 150,
      listComplete: true,
      wholeListExported: false,
    })
    expect(provenance.subject).toHaveProperty('blocked')
    expect(provenance.subject).toHaveProperty('connection')
    expect(provenance.subject).toHaveProperty('lastLogin')
    expect(provenance.fetchedUntil).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    // Two exports of a 150-row list, each built, hashed and saved: more than the default 5 s.
  }, 15_000)

  it('gives the 403 as the reason for roles that were refused, not "not loaded"', async () => {
    const saved = captureDownloads()
    const { user } = openUser(threeMemberships.userId, { signedInAs: RAE })
    await organizationsTable()
    await screen.findByRole('status', { name: /^Roles not shown/ })

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await screen.findByText(/^Downloaded/)

    const { provenance, rows } = JSON.parse((await saved[0]?.text()) ?? '{}') as {
      provenance: { note: string; rolesComplete: boolean }
      rows: { roles_status: string }[]
    }
    const statuses = rows.map((row) => row.roles_status)
    expect(statuses).toEqual(
      seeded(threeMemberships.userId).map(
        () => 'HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles',
      ),
    )
    expect(provenance.note).toBe(
      'Roles: not in the file for 3 of 3 rows (3 refused); roles_status says why for each.',
    )
    expect(provenance.rolesComplete).toBe(false)
  })

  it('is off, saying why, while the list is still loading', async () => {
    setManagementApiSettings(tenant, { latencyMs: 400 })
    openUser(manyMemberships.userId)
    await organizationsTable()

    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled()
    expect(
      screen.getByText('Export is available once every organization has loaded.'),
    ).toBeVisible()
    await screen.findByText('150 organizations', {}, { timeout: 5000 })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled())
  })
})
