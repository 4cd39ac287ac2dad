import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MEMBERS_EXPORT_COLUMNS } from '@/features/organizations/members-export'
import { parseCsv } from '@/lib/export/csv'
import { sha256Hex } from '@/lib/export/hash'
import { toOrganization, toUserOrganizations } from '@/lib/routes'
import { captureDownloads } from '@/testing/downloads'
import { dataRows, openUser, organizationsTable, seeded } from '@/testing/memberships-page'
import { MO, RAE, renderApp } from '@/testing/render'
import { server, tenant, tenantUrl } from '@/testing/server'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { HUNDRED_FIFTY_MEMBER_ORGANIZATION } from '../../../server/local-tenant/seed/organization-page'

// The organization page: who is in an organization, with which roles, and the way there and back.

const { threeMemberships } = NAMED_USERS
const MEMBERS_PATH = tenantUrl('/api/v2/organizations/:id/members')
/** The first organization of Tess Trio, and its members as the tenant lists them. */
function anOrganization() {
  const organization = seeded(threeMemberships.userId)[0]
  if (!organization) throw new Error('Tess Trio has no organization')
  const members = tenant.data.membersByOrganizationId.get(organization.id) ?? []
  return { organization, members }
}

function openOrganization(organizationId: string, options: Parameters<typeof renderApp>[0] = {}) {
  return renderApp({ route: toOrganization(organizationId), ...options })
}

async function membersTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Members' }, { timeout: 5000 })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the organization page', () => {
  it('heads the page with the organization and lists every member with their roles', async () => {
    const { organization, members } = anOrganization()
    openOrganization(organization.id)

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: organization.display_name ?? organization.name,
      }),
    ).toBeVisible()
    expect(screen.getByText(organization.id)).toBeVisible()
    const table = await membersTable()
    await screen.findByText(`${members.length} member${members.length === 1 ? '' : 's'}`)
    expect(table).toHaveAttribute('aria-rowcount', String(members.length + 1))
    const tess = dataRows(table).find((row) => row.textContent?.includes(threeMemberships.userId))
    if (!tess) throw new Error('Tess Trio has no row')
    expect(within(tess).getByRole('link', { name: threeMemberships.name })).toHaveAttribute(
      'href',
      toUserOrganizations(threeMemberships.userId),
    )
    // Tess's first organization gives her Member and Org Admin (seed/roles.ts).
    expect(tess).toHaveTextContent('Member, Org Admin')
  })

  it('counts members per role, and a role filter keeps only those who hold it', async () => {
    const { organization } = anOrganization()
    const { user } = openOrganization(organization.id)
    const table = await membersTable()
    const roles = screen.getByRole('group', { name: 'Filter by role' })
    const orgAdmin = within(roles).getByRole('button', { name: /^Org Admin/ })

    await user.click(orgAdmin)
    expect(orgAdmin).toHaveAttribute('aria-pressed', 'true')
    const count = Number(orgAdmin.textContent?.replace(/\D/g, ''))
    await waitFor(() => expect(dataRows(table)).toHaveLength(count))
    for (const row of dataRows(table)) expect(row).toHaveTextContent('Org Admin')

    await user.click(within(roles).getByRole('button', { name: /^No role/ }))
    for (const row of dataRows(table)) expect(row).toHaveTextContent('No role')
  })

  it('writes the role filter, text filter and sort into the address', async () => {
    const { organization } = anOrganization()
    const { user, location } = openOrganization(organization.id)
    const table = await membersTable()
    const roles = screen.getByRole('group', { name: 'Filter by role' })

    await user.click(within(roles).getByRole('button', { name: /^Org Admin/ }))
    await user.click(within(table).getByRole('button', { name: 'Email' }))
    await user.click(within(table).getByRole('button', { name: 'Email' }))
    // Every Org Admin matches "admin" (the filter reads role names too).
    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'admin')
    await waitFor(() =>
      expect(location.history.at(-1)).toBe(
        `${toOrganization(organization.id)}?role=Org+Admin&sort=email&dir=desc&filter=admin`,
      ),
    )
    await user.click(within(roles).getByRole('button', { name: /^No role/ }))
    expect(location.history.at(-1)).toBe(
      `${toOrganization(organization.id)}?sort=email&dir=desc&filter=admin&role=`,
    )
  })

  it('a link with role, filter and sort opens with all three', async () => {
    // 40 of its 150 members hold Org Admin.
    const { id } = HUNDRED_FIFTY_MEMBER_ORGANIZATION
    openOrganization(id, {
      route: `${toOrganization(id)}?role=Org+Admin&sort=email&dir=desc&filter=admin`,
    })
    const table = await membersTable()
    const roles = screen.getByRole('group', { name: 'Filter by role' })

    expect(within(roles).getByRole('button', { name: /^Org Admin/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByRole('textbox', { name: 'Filter' })).toHaveValue('admin')
    expect(within(table).getByRole('columnheader', { name: 'Email' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    const emails = dataRows(table).map(
      (row) => (row as HTMLTableRowElement).cells[2]?.textContent ?? '',
    )
    expect(emails.length).toBeGreaterThan(1)
    expect(emails).toEqual(
      [...emails].sort((a, b) => b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' })),
    )
    for (const row of dataRows(table)) expect(row).toHaveTextContent('Org Admin')
  })

  it('a link with ?role= (empty) keeps only the members without a role', async () => {
    const { organization } = anOrganization()
    openOrganization(organization.id, { route: `${toOrganization(organization.id)}?role=` })
    const table = await membersTable()
    const roles = screen.getByRole('group', { name: 'Filter by role' })

    expect(within(roles).getByRole('button', { name: /^No role/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    for (const row of dataRows(table)) expect(row).toHaveTextContent('No role')
  })

  it('a membership row opens its organization, and a member row opens that user', async () => {
    const { organization } = anOrganization()
    const { user, location } = openUser(threeMemberships.userId)
    const memberships = await organizationsTable()

    await user.click(
      within(memberships).getByRole('link', {
        name: organization.display_name ?? organization.name,
      }),
    )
    const members = await membersTable()
    expect(location.history.at(-1)).toBe(toOrganization(organization.id))

    await user.click(within(members).getByRole('link', { name: threeMemberships.name }))
    await organizationsTable()
    expect(location.history.at(-1)).toBe(toUserOrganizations(threeMemberships.userId))
  })

  it('an unknown organization is one 404 alert with its id as sent, and no members table', async () => {
    openOrganization('org_doesNotExist')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Organization not found — it may have been deleted')
    expect(alert).toHaveTextContent('HTTP 404')
    expect(alert).toHaveTextContent('Organization id as sent: org_doesNotExist')
    expect(screen.queryByRole('table', { name: 'Members' })).not.toBeInTheDocument()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('an admin without read:organization_members sees the organization and a 403 naming it', async () => {
    const { organization } = anOrganization()
    openOrganization(organization.id, { signedInAs: RAE })

    await screen.findByRole('heading', { level: 1 })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Missing permission: read:organization_members')
    expect(alert).toHaveTextContent('HTTP 403')
    expect(screen.queryByRole('table', { name: 'Members' })).not.toBeInTheDocument()
  })

  it('without read:organization_member_roles the members still load, said once above them', async () => {
    const { organization, members } = anOrganization()
    openOrganization(organization.id, { signedInAs: MO })

    const table = await membersTable()
    expect(
      await screen.findByRole('status', {
        name: 'Roles not shown: missing permission read:organization_member_roles',
      }),
    ).toBeVisible()
    expect(dataRows(table)).toHaveLength(members.length)
    for (const row of dataRows(table)) expect(row).toHaveTextContent('No permission')
    expect(screen.queryByRole('group', { name: 'Filter by role' })).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a 500 on the members shows the failure with Try again, which loads them', async () => {
    const { organization, members } = anOrganization()
    server.use(
      http.get(
        MEMBERS_PATH,
        () =>
          HttpResponse.json(
            { statusCode: 500, error: 'Internal Server Error', message: 'boom' },
            { status: 500 },
          ),
        { once: true },
      ),
    )
    const { user } = openOrganization(organization.id)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The Management API ran into an error')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    const table = await membersTable()
    await waitFor(() => expect(dataRows(table)).toHaveLength(members.length))
  })

  it('a 429 on the members counts down to the reset and then loads them by itself', async () => {
    const { organization, members } = anOrganization()
    const reset = Math.ceil(Date.now() / 1000) + 1
    server.use(
      http.get(
        MEMBERS_PATH,
        () =>
          HttpResponse.json(
            {
              statusCode: 429,
              error: 'Too Many Requests',
              message: 'Global limit has been reached',
              errorCode: 'too_many_requests',
            },
            {
              status: 429,
              headers: {
                'X-RateLimit-Limit': '10',
                'X-RateLimit-Remaining': '0',
                'X-RateLimit-Reset': String(reset),
              },
            },
          ),
        { once: true },
      ),
    )
    openOrganization(organization.id, { queries: { retry: undefined, retryDelay: undefined } })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Rate limited by the Management API')
    expect(alert).toHaveTextContent(/Retrying in|Retrying now/)
    const table = await membersTable()
    await waitFor(() => expect(dataRows(table)).toHaveLength(members.length), { timeout: 5000 })
  })
})

describe('export of the members', () => {
  it('downloads the rows in view with the provenance and the SHA-256 shown', async () => {
    const saved = captureDownloads()
    const { organization } = anOrganization()
    const { user } = openOrganization(organization.id)
    const table = await membersTable()
    const roles = screen.getByRole('group', { name: 'Filter by role' })
    await user.click(within(roles).getByRole('button', { name: /^Member/ }))
    const shown = dataRows(table).map((row) => within(row).getAllByRole('cell')[3]?.textContent)

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV — the table only' }))
    const status = await screen.findByText(/^Downloaded/)
    const bytes = new Uint8Array((await saved[0]?.arrayBuffer()) ?? new ArrayBuffer(0))
    expect(status).toHaveTextContent(`SHA-256 ${await sha256Hex(bytes)}`)
    const text = new TextDecoder().decode(bytes)
    // One header row, then the rows: no provenance in a CSV.
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual([...MEMBERS_EXPORT_COLUMNS])
    expect(rows.map((record) => record[0])).toEqual(shown.map((id) => id ?? ''))
    for (const record of rows) expect(record[3]).toMatch(/=Member(;|$)/)

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(saved).toHaveLength(2))
    const { provenance } = JSON.parse((await saved[1]?.text()) ?? '{}') as {
      provenance: Record<string, unknown>
    }
    expect(provenance).toMatchObject({
      subject: { organizationId: organization.id, organizationName: organization.name },
      roleFilter: 'Member',
      filtered: true,
      listComplete: true,
      wholeListExported: false,
      rolesComplete: true,
      rowsExported: shown.length,
    })
    // The members endpoint has no last login or blocked state: the file says so.
    expect(provenance.accountContext).toMatch(/^Not available from this endpoint/)
    // Two exports, each built, hashed and saved: more than the default 5 s on a busy machine.
  }, 15_000)
})
