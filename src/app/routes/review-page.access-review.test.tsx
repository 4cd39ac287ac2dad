import { screen, within } from '@testing-library/react'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { toReview } from '@/lib/routes'
import { captureDownloads } from '@/testing/downloads'
import { withGenerousRateLimits } from '@/testing/generous-rate-limits'
import { ADA, renderApp } from '@/testing/render'
import { reviewUsers } from '@/testing/review-page'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// An access review on the bulk review: a decision per user × organization, hints from each user's
// record, the reviewer's own rows left for another admin, work that resumes when the same list is
// pasted again, and a sign-off into an evidence pack scoped to the users reviewed.

const { threeMemberships: trio, blockedNeverLoggedIn: bea, noMemberships: nora } = NAMED_USERS
/** Ada, signed in under Tess's account: Tess's rows are her own. */
const ADA_AS_TESS = { ...ADA, sub: trio.userId }

withGenerousRateLimits()

/** The rendered rows of the access review's table (the header row left out). */
function reviewRows(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1)
}

describe('an access review on the bulk review', { timeout: 30_000 }, () => {
  it('decides per membership, leaves the reviewer’s own rows, shows hints, and signs off into a users pack', async () => {
    const downloads = captureDownloads()
    const { user } = renderApp({ route: toReview(), signedInAs: ADA_AS_TESS })
    const entries = [trio.email, bea.userId, nora.userId]
    await reviewUsers(user, entries)
    await user.click(screen.getByRole('button', { name: 'Start access review' }))
    const table = await screen.findByRole('table', { name: 'Access review' })

    // Memberships only: Tess's three and Bea's one; Nora, in no organization, has nothing to decide.
    const rows = reviewRows(table)
    expect(rows).toHaveLength(trio.memberships + bea.memberships)
    const tess = rows.filter((row) => row.textContent?.includes(trio.userId))
    const [beaRow] = rows.filter((row) => row.textContent?.includes(bea.userId))
    if (!beaRow) throw new Error('No row for Bea')
    for (const row of tess) {
      expect(within(row).getByText('Your own access: another admin reviews it')).toBeVisible()
    }
    // Bea's record: blocked, never signed in.
    expect(within(beaRow).getByText('Blocked · Never logged in')).toBeVisible()
    expect(screen.getByText('0 of 1 decided')).toBeVisible()

    await user.click(within(beaRow).getByRole('button', { name: 'Revoke' }))
    await user.keyboard('Blocked since March{Enter}')
    expect(await screen.findByText('1 of 1 decided')).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Sign off and download evidence pack' }))
    await screen.findByRole('status', { name: 'Review signed off' }, { timeout: 5000 })
    const [pack] = downloads
    if (!pack) throw new Error('Nothing was downloaded')
    const files = unzipSync(new Uint8Array(await pack.arrayBuffer()))
    const text = (name: string) => new TextDecoder().decode(files[name])
    const manifest = JSON.parse(text('manifest.json')) as Record<string, unknown>
    expect(manifest).toMatchObject({
      reviewer: { sub: trio.userId, email: ADA.email },
      scope: { kind: 'users', entries, refusedInput: [] },
      // Every row of every list, Nora's included; every list whole.
      population: { rows: trio.memberships + bea.memberships + 1, complete: true, capped: false },
    })
    const requests = manifest.requests as { path: string }[]
    for (const userId of [trio.userId, bea.userId]) {
      expect(requests.map(({ path }) => path)).toContain(
        `/api/v2/users/${encodeURIComponent(userId)}/organizations`,
      )
    }
    const decisions = text('decisions.csv').trim().split(/\r?\n/)
    expect(decisions).toHaveLength(1 + trio.memberships + bea.memberships)
    expect(decisions.find((line) => line.includes(bea.userId))).toContain(
      ',revoke,Blocked since March,',
    )
    // Tess's rows: undecided, flagged as the reviewer's own.
    const tessLines = decisions.filter((line) => line.includes(trio.userId))
    expect(tessLines).toHaveLength(trio.memberships)
    for (const line of tessLines) expect(line).toContain('self-review')
  })

  it('resumes when the same list is pasted again in another order', async () => {
    const { user, unmount } = renderApp({ route: toReview() })
    await reviewUsers(user, [bea.userId, trio.email])
    await user.click(screen.getByRole('button', { name: 'Start access review' }))
    const table = await screen.findByRole('table', { name: 'Access review' })
    const [beaRow] = reviewRows(table).filter((row) => row.textContent?.includes(bea.userId))
    if (!beaRow) throw new Error('No row for Bea')
    await user.click(within(beaRow).getByRole('button', { name: 'Keep' }))
    expect(await screen.findByText('1 of 4 decided')).toBeVisible()
    unmount()

    const { user: sameAdmin } = renderApp({ route: toReview() })
    await reviewUsers(sameAdmin, [trio.email, bea.userId])
    const restored = await screen.findByRole('table', { name: 'Access review' }, { timeout: 5000 })
    const [restoredBea] = reviewRows(restored).filter((row) =>
      row.textContent?.includes(bea.userId),
    )
    if (!restoredBea) throw new Error('No row for Bea')
    expect(within(restoredBea).getByRole('button', { name: 'Keep' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByText('1 of 4 decided')).toBeVisible()
  })
})
