import { screen, within } from '@testing-library/react'
import { unzipSync } from 'fflate'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from '@/lib/export/hash'
import { captureDownloads } from '@/testing/downloads'
import { openUser, seeded } from '@/testing/memberships-page'
import { ADA } from '@/testing/render'
import { server, tenant, tenantUrl } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// An access review of one user's memberships, as an admin does it: a decision per row (a reason
// for revoke and don't know), sign-off into an evidence pack, a review that survives a reload,
// the self-review guard, and next time, the comparison with the pack.

const { threeMemberships: trio, overflowMemberships } = NAMED_USERS

const defaultRateLimit = { ...tenant.config.rateLimit }
const defaultCheckpointPaging = tenant.config.checkpointPaging
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, {
    rateLimit: defaultRateLimit,
    checkpointPaging: defaultCheckpointPaging,
  })
  vi.restoreAllMocks()
})

async function reviewTable() {
  return screen.findByRole('table', { name: 'Access review' }, { timeout: 5000 })
}

function rowFor(table: HTMLElement, organizationId: string) {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(organizationId))
  if (!row) throw new Error(`No row for ${organizationId}`)
  return within(row)
}

async function startReview(options: Parameters<typeof openUser>[1] = {}) {
  const app = openUser(trio.userId, { strict: true, ...options })
  await screen.findByText('3 organizations', undefined, { timeout: 5000 })
  await app.user.click(
    await screen.findByRole('button', { name: 'Start access review' }, { timeout: 5000 }),
  )
  return { app, table: await reviewTable() }
}

async function read(blob: Blob) {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
  const text = (name: string) => new TextDecoder().decode(files[name])
  return { files, text, manifest: JSON.parse(text('manifest.json')) as Record<string, unknown> }
}

// Each test is a whole journey of a dozen clicks through the real tenant: more than the default
// 5 s per test on a busy machine, which says nothing about the app.
describe('an access review of a user’s memberships', { timeout: 30_000 }, () => {
  it('takes a decision per row, a reason for revoke and don’t know, and signs off into a verifiable pack', async () => {
    const downloads = captureDownloads()
    const { app, table } = await startReview()
    const [keep, revoke, unsure] = seeded(trio.userId)
    if (!keep || !revoke || !unsure) throw new Error('The seed changed')

    await app.user.click(rowFor(table, keep.id).getByRole('button', { name: 'Keep' }))
    // Revoke without a reason is not saved: the reason box says so and has the focus.
    await app.user.click(rowFor(table, revoke.id).getByRole('button', { name: 'Revoke' }))
    expect(
      rowFor(table, revoke.id).getByText('Write a reason to save this decision.'),
    ).toBeVisible()
    expect(rowFor(table, revoke.id).getByRole('textbox')).toHaveFocus()
    expect(screen.getByText('1 of 3 decided')).toBeVisible()
    await app.user.keyboard('Left the team in November{Enter}')
    await app.user.click(rowFor(table, unsure.id).getByRole('button', { name: "Don't know" }))
    await app.user.keyboard('Ask the account owner')
    await app.user.tab()
    expect(await screen.findByText('3 of 3 decided')).toBeVisible()
    expect(screen.getByText("Keep 1 · Revoke 1 · Don't know 1")).toBeVisible()

    await app.user.click(
      screen.getByRole('button', { name: 'Sign off and download evidence pack' }),
    )
    const notice = await screen.findByRole(
      'status',
      { name: 'Review signed off' },
      { timeout: 5000 },
    )
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    const { files, text, manifest } = await read(pack)

    // The page shows the manifest's hash: the one an auditor checks.
    const manifestHash = await sha256Hex(new Uint8Array(files['manifest.json'] ?? []))
    expect(within(notice).getByText(manifestHash)).toBeVisible()
    expect(manifest).toMatchObject({
      tenant: expect.any(String),
      mode: 'direct',
      reviewer: { sub: ADA.sub, email: ADA.email },
      scope: { kind: 'user', userId: trio.userId },
      population: { rows: 3, total: 3, complete: true, capped: false },
      countersignature: { unsigned: true },
    })
    // Every request that read this user's data, with what came back.
    const requests = manifest.requests as { path: string; status: number; itemCount: number }[]
    expect(requests).toContainEqual(
      expect.objectContaining({
        path: `/api/v2/users/${encodeURIComponent(trio.userId)}/organizations`,
        status: 200,
        itemCount: 3,
      }),
    )
    const decisions = text('decisions.csv').trim().split(/\r?\n/)
    expect(decisions).toHaveLength(4)
    expect(decisions.find((line) => line.includes(revoke.id))).toContain(
      ',revoke,Left the team in November,',
    )
    expect(decisions.find((line) => line.includes(unsure.id))).toContain(
      ',unsure,Ask the account owner,',
    )
    // A plain CSV: the header, then one row per membership.
    expect(text('memberships.csv').trim().split(/\r?\n/)).toHaveLength(4)
    expect(Object.keys(files)).not.toContain('countersignature.jws')
  })

  it('survives a reload, and is gone once discarded', async () => {
    const { app, table } = await startReview()
    const [first] = seeded(trio.userId)
    if (!first) throw new Error('The seed changed')
    await app.user.click(rowFor(table, first.id).getByRole('button', { name: 'Keep' }))
    expect(await screen.findByText('1 of 3 decided')).toBeVisible()
    // Saved after each change; a reload reads it back.
    app.unmount()
    const again = openUser(trio.userId)
    const restored = await reviewTable()
    expect(rowFor(restored, first.id).getByRole('button', { name: 'Keep' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByText('1 of 3 decided')).toBeVisible()
    await again.user.click(screen.getByRole('button', { name: 'Discard review' }))
    await again.user.click(screen.getByRole('button', { name: 'Discard' }))
    expect(await screen.findByRole('button', { name: 'Start access review' })).toBeVisible()
    again.unmount()
    openUser(trio.userId)
    expect(
      await screen.findByRole('button', { name: 'Start access review' }, { timeout: 5000 }),
    ).toBeVisible()
    expect(screen.queryByRole('table', { name: 'Access review' })).not.toBeInTheDocument()
  })

  it('applies one decision to every row the filter shows, but not a revoke without a reason', async () => {
    const { app } = await startReview()
    const select = screen.getByRole('combobox', { name: 'Decide for all 3 rows' })
    await app.user.selectOptions(select, 'revoke')
    await app.user.click(screen.getByRole('button', { name: 'Apply to 3 rows' }))
    expect(screen.getByText('"Revoke" needs a reason.')).toBeVisible()
    expect(screen.getByText('0 of 3 decided')).toBeVisible()
    await app.user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Contract ended')
    await app.user.click(screen.getByRole('button', { name: 'Apply to 3 rows' }))
    expect(await screen.findByText('3 of 3 decided')).toBeVisible()
    expect(screen.getByText("Keep 0 · Revoke 3 · Don't know 0")).toBeVisible()
  })

  it('does not let admins review their own access', async () => {
    openUser(trio.userId, { signedInAs: { ...ADA, sub: trio.userId } })
    const start = await screen.findByRole(
      'button',
      { name: 'Start access review' },
      { timeout: 5000 },
    )
    expect(start).toBeDisabled()
    expect(
      screen.getByText('This is your own account: another admin must review your access.'),
    ).toBeVisible()
  })

  it('compares with the last pack: what was revoked is gone, what is new is listed', async () => {
    const downloads = captureDownloads()
    const { app, table } = await startReview()
    const [kept, revoked, other] = seeded(trio.userId)
    if (!kept || !revoked || !other) throw new Error('The seed changed')
    await app.user.click(rowFor(table, kept.id).getByRole('button', { name: 'Keep' }))
    await app.user.click(rowFor(table, other.id).getByRole('button', { name: 'Keep' }))
    await app.user.click(rowFor(table, revoked.id).getByRole('button', { name: 'Revoke' }))
    await app.user.keyboard('No longer a customer{Enter}')
    await app.user.click(
      await screen.findByRole('button', { name: 'Sign off and download evidence pack' }),
    )
    await screen.findByText('Review signed off', undefined, { timeout: 5000 })
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    app.unmount()

    // Next cycle: the revoked membership is gone.
    const remaining = seeded(trio.userId).filter((organization) => organization.id !== revoked.id)
    server.use(
      http.get(tenantUrl('/api/v2/users/:userId/organizations'), () =>
        HttpResponse.json({ organizations: remaining, start: 0, limit: 50, total: 2 }),
      ),
    )
    const next = openUser(trio.userId)
    await screen.findByText('2 organizations', undefined, { timeout: 5000 })
    await next.user.upload(
      await screen.findByLabelText('Choose an earlier evidence file'),
      new File([pack], 'last-quarter.zip', { type: 'application/zip' }),
    )
    const changes = await screen.findByRole(
      'region',
      { name: 'Changes since the earlier file' },
      { timeout: 5000 },
    )
    expect(changes).toHaveTextContent('0 memberships added, 1 removed')
    const revokedRow = within(within(changes).getByRole('table', { name: 'Changes' }))
      .getAllByRole('row')
      .find((row) => row.textContent?.includes('Revoked last time'))
    expect(revokedRow).toHaveTextContent('No longer a customer')
    expect(revokedRow).toHaveTextContent('Access removed')
  })

  it('neither compares nor signs off a list cut at the API’s cap: it is part of the population', async () => {
    setManagementApiSettings(tenant, { checkpointPaging: false })
    const app = openUser(overflowMemberships.userId)
    expect(
      await screen.findByText(/^Showing the first 1,000 of 1,200/, undefined, { timeout: 10_000 }),
    ).toBeVisible()
    expect(
      await screen.findByRole('button', { name: 'Choose an earlier evidence file' }),
    ).toBeDisabled()
    expect(screen.getByText(/^Not available: this list stops at the API’s 1,000 cap/)).toBeVisible()

    await app.user.click(screen.getByRole('button', { name: 'Start access review' }))
    expect(
      await screen.findByRole('button', { name: 'Sign off and download evidence pack' }),
    ).toBeDisabled()
    expect(
      screen.getByText(/^Sign-off is not possible: this list stops at the API’s 1,000 cap/),
    ).toBeVisible()
  })
})
