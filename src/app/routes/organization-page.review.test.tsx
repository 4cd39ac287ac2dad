import { screen, within } from '@testing-library/react'
import { unzipSync } from 'fflate'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { toOrganization } from '@/lib/routes'
import { sha256Hex } from '@/lib/export/hash'
import { captureDownloads } from '@/testing/downloads'
import { withGenerousRateLimits } from '@/testing/generous-rate-limits'
import { dataRows, seeded } from '@/testing/memberships-page'
import { ADA, renderApp, type RenderOptions } from '@/testing/render'
import { server, tenant, tenantUrl } from '@/testing/server'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// An access review of one organization's members, as an admin does it: a decision per member (a
// reason for revoke and don't know), the reviewer's own member row left for another admin, sign-off
// into an organization-scoped pack, a review that survives a reload, and next time the comparison.

const { threeMemberships: trio } = NAMED_USERS
/** Granite Wellness GmbH: five members, Tess Trio among them. */
const organization = (() => {
  const second = seeded(trio.userId)[1]
  if (!second) throw new Error('The seed changed')
  return second
})()
const members = tenant.data.membersByOrganizationId.get(organization.id) ?? []
if (members.length !== 5) throw new Error('The seed changed')
const others = members.filter((member) => member.user_id !== trio.userId)

withGenerousRateLimits()

function openOrganization(options: RenderOptions = {}) {
  return renderApp({ route: toOrganization(organization.id), strict: true, ...options })
}

async function reviewTable() {
  return screen.findByRole('table', { name: 'Access review' }, { timeout: 5000 })
}

function rowFor(table: HTMLElement, userId: string) {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(userId))
  if (!row) throw new Error(`No row for ${userId}`)
  return within(row)
}

async function startReview(options: RenderOptions = {}) {
  const view = openOrganization(options)
  await screen.findByText('5 members', undefined, { timeout: 5000 })
  await view.user.click(
    await screen.findByRole('button', { name: 'Start access review' }, { timeout: 5000 }),
  )
  return { view, table: await reviewTable() }
}

/** Signed in as an admin whose email is Tess Trio's: her member row is the reviewer's own. */
const tessesAdmin = { ...ADA, email: trio.email.toUpperCase() }

async function read(blob: Blob) {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
  const text = (name: string) => new TextDecoder().decode(files[name])
  return { files, text, manifest: JSON.parse(text('manifest.json')) as Record<string, unknown> }
}

async function signOff(view: ReturnType<typeof openOrganization>) {
  await view.user.click(screen.getByRole('button', { name: 'Sign off and download evidence pack' }))
  return screen.findByRole('status', { name: 'Review signed off' }, { timeout: 5000 })
}

describe('an access review of an organization’s members', { timeout: 30_000 }, () => {
  it('takes a decision per member, leaves the reviewer’s own row to another admin, and signs off into an organization pack', async () => {
    const downloads = captureDownloads()
    const { view, table } = await startReview({ signedInAs: tessesAdmin })
    const [keep, revoke, unsure, rest] = others
    if (!keep || !revoke || !unsure || !rest) throw new Error('The seed changed')

    // Tess's row is the reviewer's own (same email, another case): no decision controls there,
    // and a bulk apply does not reach it.
    expect(
      rowFor(table, trio.userId).getByText('Your own access: another admin reviews it'),
    ).toBeVisible()
    expect(
      rowFor(table, trio.userId).queryByRole('button', { name: 'Keep' }),
    ).not.toBeInTheDocument()
    expect(screen.getByText('0 of 4 decided')).toBeVisible()
    expect(screen.getByText(/1 row about your own account, left for another admin/)).toBeVisible()

    await view.user.click(rowFor(table, keep.user_id).getByRole('button', { name: 'Keep' }))
    await view.user.click(rowFor(table, revoke.user_id).getByRole('button', { name: 'Revoke' }))
    expect(
      rowFor(table, revoke.user_id).getByText('Write a reason to save this decision.'),
    ).toBeVisible()
    await view.user.keyboard('Left the company{Enter}')
    await view.user.click(rowFor(table, unsure.user_id).getByRole('button', { name: "Don't know" }))
    await view.user.keyboard('Ask their manager')
    await view.user.tab()
    expect(await screen.findByText('3 of 4 decided')).toBeVisible()
    // Sign-off waits for the last member.
    expect(
      screen.getByRole('button', { name: 'Sign off and download evidence pack' }),
    ).toBeDisabled()
    expect(screen.getByText('1 row still to decide.')).toBeVisible()
    await view.user.click(rowFor(table, rest.user_id).getByRole('button', { name: 'Keep' }))
    expect(await screen.findByText('4 of 4 decided')).toBeVisible()

    const notice = await signOff(view)
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    const { files, text, manifest } = await read(pack)
    const manifestHash = await sha256Hex(new Uint8Array(files['manifest.json'] ?? []))
    expect(within(notice).getByText(manifestHash)).toBeVisible()
    expect(manifest).toMatchObject({
      mode: 'direct',
      reviewer: { sub: ADA.sub },
      scope: { kind: 'organization', organizationId: organization.id },
      population: { rows: 5, total: 5, complete: true, capped: false, rolesComplete: true },
      countersignature: { unsigned: true },
    })
    // The requests that listed these members, and none about anything else.
    const requests = manifest.requests as { path: string; status: number; itemCount: number }[]
    const about = `/api/v2/organizations/${encodeURIComponent(organization.id)}`
    expect(requests).toContainEqual(
      expect.objectContaining({ path: `${about}/members`, status: 200, itemCount: 5 }),
    )
    expect(requests.every((request) => request.path.startsWith(about))).toBe(true)

    const decisions = text('decisions.csv').trim().split(/\r?\n/)
    expect(decisions).toHaveLength(6)
    const line = (userId: string) => decisions.find((each) => each.startsWith(`${userId},`)) ?? ''
    expect(line(revoke.user_id)).toContain(`,${organization.id},`)
    expect(line(revoke.user_id)).toContain(',revoke,Left the company,')
    expect(line(unsure.user_id)).toContain(',unsure,Ask their manager,')
    // The reviewer's own row: undecided, flagged for the auditor.
    expect(line(trio.userId)).toMatch(/,,,,,self-review$/)
    // A plain CSV of every member: the header, then one row each.
    expect(text('memberships.csv').trim().split(/\r?\n/)).toHaveLength(6)
  })

  it('survives a reload, and is gone once discarded', async () => {
    const { view, table } = await startReview()
    const [first] = others
    if (!first) throw new Error('The seed changed')
    await view.user.click(rowFor(table, first.user_id).getByRole('button', { name: 'Keep' }))
    expect(await screen.findByText('1 of 5 decided')).toBeVisible()
    view.unmount()

    const { user: reopened } = openOrganization()
    const restored = await reviewTable()
    expect(rowFor(restored, first.user_id).getByRole('button', { name: 'Keep' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByText('1 of 5 decided')).toBeVisible()
    await reopened.click(screen.getByRole('button', { name: 'Discard review' }))
    await reopened.click(screen.getByRole('button', { name: 'Discard' }))
    expect(await screen.findByRole('button', { name: 'Start access review' })).toBeVisible()
    expect(screen.getByRole('table', { name: 'Members' })).toBeVisible()
  })

  it('sorts like the members table, and applies one decision to the members the filter shows', async () => {
    const { view, table } = await startReview()
    await view.user.click(within(table).getByRole('button', { name: 'User ID' }))
    await view.user.click(within(table).getByRole('button', { name: 'User ID' }))
    const descending = members
      .map((member) => member.user_id)
      .sort()
      .reverse()
    await vi.waitFor(() =>
      expect(
        dataRows(table).map((row) => descending.find((id) => row.textContent?.includes(id))),
      ).toEqual(descending),
    )

    const [target] = others
    if (!target?.email) throw new Error('The seed changed')
    await view.user.type(screen.getByRole('textbox', { name: 'Filter' }), target.email)
    await vi.waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2))
    await view.user.click(screen.getByRole('button', { name: 'Apply to 1 row' }))
    expect(await screen.findByText('1 of 5 decided')).toBeVisible()
    expect(rowFor(table, target.user_id).getByRole('button', { name: 'Keep' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })

  it('compares with the last pack: the member revoked then is gone now', async () => {
    const downloads = captureDownloads()
    const { view, table } = await startReview()
    const [revoked] = others
    if (!revoked) throw new Error('The seed changed')
    await view.user.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Reviewed with the account owner',
    )
    await view.user.click(screen.getByRole('button', { name: 'Apply to 5 rows' }))
    // The row holds the bulk reason: a revoke keeps it until the reason is written anew.
    await view.user.click(rowFor(table, revoked.user_id).getByRole('button', { name: 'Revoke' }))
    const reason = rowFor(table, revoked.user_id).getByRole('textbox')
    await view.user.clear(reason)
    await view.user.type(reason, 'No longer works there{Enter}')
    expect(await screen.findByText("Keep 4 · Revoke 1 · Don't know 0")).toBeVisible()
    await signOff(view)
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    view.unmount()

    // Next cycle: the tenant no longer lists the revoked member.
    server.use(
      http.get(tenantUrl('/api/v2/organizations/:id/members'), async ({ request }) => {
        const page = (await (await tenant.fetch(request)).json()) as {
          members: { user_id: string }[]
          total?: number
        }
        const members = page.members.filter((member) => member.user_id !== revoked.user_id)
        return HttpResponse.json({
          ...page,
          members,
          ...(page.total === undefined ? {} : { total: page.total - 1 }),
        })
      }),
    )
    const { user: nextCycle } = openOrganization()
    await screen.findByText('4 members', undefined, { timeout: 5000 })
    await nextCycle.upload(
      await screen.findByLabelText('Choose an earlier evidence file'),
      new File([pack], 'last-quarter.zip', { type: 'application/zip' }),
    )
    const changes = await screen.findByRole(
      'region',
      { name: 'Changes since the earlier file' },
      { timeout: 5000 },
    )
    expect(changes).toHaveTextContent(
      '0 memberships added, 1 removed; roles gained in 0, lost in 0',
    )
    const changeTable = within(changes).getByRole('table', { name: 'Changes' })
    expect(
      within(changeTable).getByRole('columnheader', { name: 'Member (user id)' }),
    ).toBeVisible()
    const revokedRow = within(changeTable)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes('Revoked last time'))
    expect(revokedRow).toHaveTextContent(revoked.user_id)
    expect(revokedRow).toHaveTextContent('No longer works there')
    expect(revokedRow).toHaveTextContent('Access removed')
  })

  it('compares with a plain members CSV, and refuses a file about another organization', async () => {
    const view = openOrganization()
    await screen.findByText('5 members', undefined, { timeout: 5000 })
    const input = await screen.findByLabelText('Choose an earlier evidence file')
    // The members export's table alone names no organization: it is read as this one's.
    const csv = [
      'user_id,name,email',
      ...members.map((member) => `${member.user_id},x,${member.email ?? ''}`),
      'auth0|gone,Gone Member,gone@example.com',
    ].join('\n')
    await view.user.upload(input, new File([csv], 'members.csv', { type: 'text/csv' }))
    const changes = await screen.findByRole('region', { name: 'Changes since the earlier file' })
    expect(changes).toHaveTextContent('0 memberships added, 1 removed')
    expect(within(changes).getByRole('table', { name: 'Changes' })).toHaveTextContent('auth0|gone')

    const elsewhere = JSON.stringify({
      provenance: { subject: { organizationId: 'org_somewhereElse' } },
      columns: ['user_id', 'name', 'email'],
      rows: [{ user_id: trio.userId, name: 'Tess Trio', email: trio.email }],
    })
    await view.user.upload(input, new File([elsewhere], 'other.json', { type: 'application/json' }))
    expect(
      await screen.findByText(
        `other.json is about org_somewhereElse, not ${organization.id}: open that page to compare.`,
      ),
    ).toBeVisible()
  })
})
