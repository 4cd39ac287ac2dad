import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '@/lib/export/hash'
import { toReview } from '@/lib/routes'
import { captureDownloads } from '@/testing/downloads'
import { withGenerousRateLimits } from '@/testing/generous-rate-limits'
import { holdRequests } from '@/testing/held-requests'
import { openUser, seeded } from '@/testing/memberships-page'
import { ADA, renderApp } from '@/testing/render'
import { reviewUsers } from '@/testing/review-page'
import { server, tenant, tenantUrl } from '@/testing/server'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// "Compare with last time" on the bulk review: last quarter's pack of the same users, compared
// with the review run again — memberships added and removed across users, and whether what was
// revoked then is gone. A file about one user is a different population and is refused there, as
// a bulk review's file is on a user's page.

const { threeMemberships: trio, blockedNeverLoggedIn: bea } = NAMED_USERS
/** Ada, signed in under Tess's account: Tess's rows are her own, so only Bea's is decided. */
const ADA_AS_TESS = { ...ADA, sub: trio.userId }
const [beasOrganization] = seeded(bea.userId)
const [tessFirst] = seeded(trio.userId)
if (!beasOrganization || !tessFirst) throw new Error('The seed changed')

withGenerousRateLimits()

/** The tenant, but without one membership: as before it was granted, or after it was removed. */
function withoutMembership(userId: string, organizationId: string) {
  server.use(
    http.get(tenantUrl('/api/v2/users/:id/organizations'), async ({ request, params }) => {
      const body = (await (await tenant.fetch(request)).json()) as unknown
      if (params.id !== userId) return HttpResponse.json(body as object)
      const keep = (list: { id: string }[]) => list.filter(({ id }) => id !== organizationId)
      if (Array.isArray(body)) return HttpResponse.json(keep(body as { id: string }[]))
      const page = body as { organizations: { id: string }[]; total?: number }
      return HttpResponse.json({
        ...page,
        organizations: keep(page.organizations),
        ...(page.total === undefined ? {} : { total: page.total - 1 }),
      })
    }),
  )
}

const openReview = () => renderApp({ route: toReview(), signedInAs: ADA_AS_TESS, strict: true })

describe('compare with last time on the bulk review', { timeout: 40_000 }, () => {
  it('compares with last quarter’s pack: a membership added, one removed, and the revoked one gone', async () => {
    const downloads = captureDownloads()
    // Last quarter Tess was not yet in her first organization.
    withoutMembership(trio.userId, tessFirst.id)
    const { user: lastQuarter, unmount } = openReview()
    await reviewUsers(lastQuarter, [trio.email, bea.userId])
    await lastQuarter.click(
      await screen.findByRole('button', { name: 'Start access review' }, { timeout: 5000 }),
    )
    const table = await screen.findByRole('table', { name: 'Access review' })
    const beaRow = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes(bea.userId))
    if (!beaRow) throw new Error('No row for Bea')
    await lastQuarter.click(within(beaRow).getByRole('button', { name: 'Revoke' }))
    await lastQuarter.keyboard('Blocked since March{Enter}')
    expect(await screen.findByText('1 of 1 decided')).toBeVisible()
    await lastQuarter.click(
      screen.getByRole('button', { name: 'Sign off and download evidence pack' }),
    )
    await screen.findByRole('status', { name: 'Review signed off' }, { timeout: 5000 })
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    unmount()

    // This quarter: Tess is in all three; Bea's access was revoked.
    server.resetHandlers()
    withoutMembership(bea.userId, beasOrganization.id)
    const { user: thisQuarter } = openReview()
    await reviewUsers(thisQuarter, [trio.email, bea.userId])
    await thisQuarter.upload(
      await screen.findByLabelText('Choose an earlier evidence file'),
      new File([pack], 'last-quarter.zip', { type: 'application/zip' }),
    )
    const changes = await screen.findByRole(
      'region',
      { name: 'Changes since the earlier file' },
      { timeout: 5000 },
    )
    expect(changes).toHaveTextContent('1 membership added, 1 removed')
    const changeTable = within(changes).getByRole('table', { name: 'Changes' })
    expect(
      within(changeTable).getByRole('columnheader', { name: 'User in organization' }),
    ).toBeVisible()
    const rowOf = (kind: string) =>
      within(changeTable)
        .getAllByRole('row')
        .find((row) => row.textContent?.startsWith(kind))
    // Each change names the user and the organization.
    expect(rowOf('Added')).toHaveTextContent(
      `${trio.email} in ${tessFirst.display_name ?? tessFirst.name}`,
    )
    expect(rowOf('Removed')).toHaveTextContent(
      `${bea.email} in ${beasOrganization.display_name ?? beasOrganization.name}`,
    )
    const revoked = rowOf('Revoked last time')
    expect(revoked).toHaveTextContent(bea.email)
    expect(revoked).toHaveTextContent('Blocked since March')
    expect(revoked).toHaveTextContent('Access removed')

    // The comparison's own export names both sides: the earlier file by name and hash, and when
    // this review's data was fetched.
    await thisQuarter.click(within(changes).getByRole('button', { name: 'Export' }))
    await thisQuarter.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(downloads).toHaveLength(2))
    const { provenance, rows } = JSON.parse((await downloads[1]?.text()) ?? '{}') as {
      provenance: { earlier: { fileName: string; sha256: string }; current: { fetchedAt: string } }
      rows: { change: string; user_id: string; remediation_status: string | null }[]
    }
    expect(provenance.earlier).toMatchObject({
      fileName: 'last-quarter.zip',
      sha256: await sha256Hex(new Uint8Array(await pack.arrayBuffer())),
    })
    expect(Number.isNaN(Date.parse(provenance.current.fetchedAt))).toBe(false)
    expect(rows.map(({ change, user_id }) => [change, user_id])).toEqual([
      ['added', trio.userId],
      ['removed', bea.userId],
      ['revoke decided earlier', bea.userId],
    ])
  })

  it('is off while the review runs: the users not looked up yet would read as removed', async () => {
    const bea$ = holdRequests('/api/v2/users/:id/organizations', (url) =>
      url.pathname.endsWith(`/users/${encodeURIComponent(bea.userId)}/organizations`),
    )
    const { user } = openReview()
    await user.click(
      await screen.findByRole('textbox', { name: 'User ids or emails' }, { timeout: 5000 }),
    )
    await user.paste([trio.email, bea.userId].join('\n'))
    await user.click(screen.getByRole('button', { name: 'Review' }))
    await waitFor(() => expect(bea$.waiting()).toBeGreaterThan(0), { timeout: 5000 })
    // Tess's rows are in; Bea's list is still on its way.
    expect(
      await screen.findByText('Available once the whole list has loaded.', {}, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Choose an earlier evidence file' })).toBeDisabled()

    bea$.release()
    await screen.findByRole('progressbar', { name: 'Looked up 2 of 2 entries' }, { timeout: 8000 })
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Choose an earlier evidence file' })).toBeEnabled(),
    )
  })

  it('is off while a lookup has no answer, not for an email no account has', async () => {
    // Bea's list fails every time: what she holds is unknown, and would read as removed.
    server.use(
      http.get(tenantUrl('/api/v2/users/:id/organizations'), async ({ request, params }) =>
        params.id === bea.userId
          ? HttpResponse.json({ statusCode: 500, error: 'Internal Server Error' }, { status: 500 })
          : tenant.fetch(request),
      ),
    )
    const { user } = openReview()
    await reviewUsers(user, [trio.email, bea.userId, 'nobody-here@example.test'])
    expect(
      await screen.findByText(
        'Not available: 1 lookup failed without an answer, so what they hold would read as removed. Retry them first.',
        {},
        { timeout: 8000 },
      ),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Choose an earlier evidence file' })).toBeDisabled()

    // Answered this time: only the email no account has is left, and that is an answer.
    server.resetHandlers()
    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    await waitFor(
      () =>
        expect(
          screen.getByRole('button', { name: 'Choose an earlier evidence file' }),
        ).toBeEnabled(),
      { timeout: 8000 },
    )
  })

  it('a user’s page refuses a bulk review’s export: it is about many users', async () => {
    const { user } = openUser(trio.userId, { strict: true })
    const csv = [
      'input,user_id,user_email,organization_id,organization_name',
      `${trio.email},${trio.userId},${trio.email},${tessFirst.id},${tessFirst.name}`,
      `${bea.userId},${bea.userId},${bea.email},${beasOrganization.id},${beasOrganization.name}`,
    ].join('\n')
    const input = await screen.findByRole(
      'button',
      { name: 'Choose an earlier evidence file' },
      { timeout: 5000 },
    )
    await waitFor(() => expect(input).toBeEnabled(), { timeout: 5000 })
    await user.upload(
      screen.getByLabelText('Choose an earlier evidence file'),
      new File([csv], 'review.csv', { type: 'text/csv' }),
    )
    expect(
      await screen.findByText('review.csv is a bulk review’s, of many users', { exact: false }),
    ).toBeVisible()
    expect(screen.queryByRole('region', { name: 'Changes since the earlier file' })).toBeNull()
  })

  it('refuses a file about one user: everyone else would read as added', async () => {
    const { user } = openReview()
    await reviewUsers(user, [trio.email, bea.userId])
    const oneUser = JSON.stringify({
      provenance: { subject: { userId: trio.userId } },
      columns: ['id', 'name'],
      rows: seeded(trio.userId).map(({ id, name }) => ({ id, name })),
    })
    await user.upload(
      await screen.findByLabelText('Choose an earlier evidence file'),
      new File([oneUser], 'tess.json', { type: 'application/json' }),
    )
    expect(
      await screen.findByText(
        `tess.json is about ${trio.userId} alone`,
        { exact: false },
        { timeout: 5000 },
      ),
    ).toBeVisible()
    expect(screen.queryByRole('region', { name: 'Changes since the earlier file' })).toBeNull()
  })
})
