import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { REVIEW_COLUMNS } from '@/features/review/review-export'
import { parseCsv } from '@/lib/export/csv'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'
import { toReview } from '@/lib/routes'
import { holdRequests } from '@/testing/held-requests'
import { renderApp, type RenderAppResult } from '@/testing/render'
import { requestsSent } from '@/testing/requests-sent'
import { faults } from '@/testing/server'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

const {
  threeMemberships,
  noMemberships,
  sharedEmailDatabase,
  sharedEmailGoogle,
  manyMemberships,
  justCreated,
} = NAMED_USERS

const UNKNOWN_ID = 'auth0|no-such-user-anywhere'
const UNKNOWN_EMAIL = 'nobody-has-this@example.com'

/** The app's own retry policy: a 429 waits for its reset, a 5xx backs off (tests default to none). */
const APP_RETRIES = { retry: shouldRetryRequest, retryDelay: retryDelayMs }

function openReview(options: Parameters<typeof renderApp>[0] = {}) {
  return renderApp({ route: toReview(), ...options })
}

/** The paste box, once the (lazy) page is in. */
function reviewBox(): Promise<HTMLElement> {
  return screen.findByRole('textbox', { name: 'User ids or emails' }, { timeout: 5000 })
}

async function paste(user: RenderAppResult['user'], text: string) {
  await user.click(await reviewBox())
  await user.paste(text)
}

async function review(user: RenderAppResult['user'], lines: string[]) {
  await paste(user, lines.join('\n'))
  await user.click(screen.getByRole('button', { name: 'Review' }))
}

async function finished(total: number) {
  const name = `Reviewed ${total} of ${total} ${total === 1 ? 'user' : 'users'}`
  expect(await screen.findByRole('progressbar', { name }, { timeout: 8000 })).toBeVisible()
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull())
}

/** Each data row as [user id, organization id]; "" for a user in no organization. */
function tableRows(): [string, string][] {
  const table = screen.getByRole('table', { name: 'Memberships under review' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
      // A user in no organization: one cell says so across both organization columns.
      return [cells[1] ?? '', cells.length === 5 ? (cells[3] ?? '') : '']
    })
}

/** What the progress says under its bar: done, failed, waiting. */
function progressStatus(): string {
  const status = screen
    .getAllByRole('status')
    .find((element) => element.textContent?.includes(' done · '))
  return status?.textContent ?? ''
}

function failureItems(): string[] {
  const region = screen.getByRole('region', { name: 'Lookups that failed' })
  return within(region)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '')
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('bulk review', () => {
  it('counts what the list holds as it is typed, and reviews nothing until there is something', async () => {
    const { user } = openReview()
    await reviewBox()
    expect(screen.getByRole('button', { name: 'Review' })).toBeDisabled()

    await paste(user, 'trio@example.com\nTRIO@example.com\njust a name')

    expect(
      await screen.findByText(
        '1 entry · 1 repeat left out · 1 neither a user id nor an email, left out: \u201cjust a name\u201d',
      ),
    ).toBeVisible()
    expect(screen.getByRole('button', { name: 'Review' })).toBeEnabled()
  })

  it('refuses more than 500 entries, saying how many to remove', async () => {
    const { user } = openReview()
    await paste(user, Array.from({ length: 503 }, (_, index) => `u${index}@x.com`).join('\n'))

    // Said on the box itself, so a screen reader hears it there.
    await waitFor(async () =>
      expect(await reviewBox()).toHaveAccessibleDescription(
        expect.stringContaining(
          'A review takes at most 500 entries; this list has 503. Remove 3 and review the rest in another batch.',
        ),
      ),
    )
    expect(screen.getByRole('button', { name: 'Review' })).toBeDisabled()
  })

  it('reads an uploaded CSV into the box, header row and all', async () => {
    const { user } = openReview()
    await reviewBox()
    const file = new File([`name,email\nTess,${threeMemberships.email}\n`], 'people.csv', {
      type: 'text/csv',
    })

    // The button opens the (hidden) file input, which carries the same name.
    await user.upload(screen.getByLabelText('Upload CSV or text', { selector: 'input' }), file)

    expect(await screen.findByText('1 entry')).toBeVisible()
    expect(screen.getByRole('textbox', { name: 'User ids or emails' })).toHaveValue(
      `name,email\nTess,${threeMemberships.email}\n`,
    )
  })

  it('resolves ids and emails, lists every account of a shared email, and keeps failures beside the rows', async () => {
    const { user } = openReview()
    await review(user, [
      threeMemberships.userId,
      sharedEmailDatabase.email,
      noMemberships.email,
      UNKNOWN_ID,
      UNKNOWN_EMAIL,
    ])
    await finished(5)

    const rows = tableRows()
    const usersInRows = rows.map(([userId]) => userId)
    expect(usersInRows.filter((id) => id === threeMemberships.userId)).toHaveLength(3)
    expect(usersInRows.filter((id) => id === sharedEmailDatabase.userId)).toHaveLength(2)
    expect(usersInRows.filter((id) => id === sharedEmailGoogle.userId)).toHaveLength(4)
    // A user in no organization is a row too: that is evidence as well.
    expect(rows).toContainEqual([noMemberships.userId, ''])
    expect(rows).toHaveLength(3 + 2 + 4 + 1)

    expect(failureItems()).toEqual([
      `${UNKNOWN_ID}HTTP 404 Not Found · inexistent_user — The user does not exist.`,
      `${UNKNOWN_EMAIL}No user with this email.`,
    ])
    expect(progressStatus()).toBe('3 done · 2 failed')
  })

  it('looks each email up exactly, finding an account too new for search and every account sharing one', async () => {
    const sent = requestsSent()
    const { user } = openReview()
    await review(user, [justCreated.email, sharedEmailDatabase.email])
    await finished(2)

    const usersInRows = tableRows().map(([userId]) => userId)
    expect(usersInRows.filter((id) => id === justCreated.userId)).toHaveLength(
      justCreated.memberships,
    )
    expect(usersInRows.filter((id) => id === sharedEmailDatabase.userId)).toHaveLength(2)
    expect(usersInRows.filter((id) => id === sharedEmailGoogle.userId)).toHaveLength(4)
    // Users-by-email alone: search would not have found the account created moments ago.
    expect(sent.filter((path) => !path.includes('/organizations')).sort()).toEqual([
      '/api/v2/users-by-email?email=just.created%40example.com',
      '/api/v2/users-by-email?email=pat.twin%40example.com',
    ])
  })

  it('says which emails no account has and which the API refused as not an email', async () => {
    const sent = requestsSent()
    const { user } = openReview()
    await review(user, ['Ops+Audit@Example.com', 'someone@localhost'])
    await finished(2)

    expect(failureItems()).toEqual([
      'Ops+Audit@Example.comNo user with this email.',
      expect.stringMatching(
        /^someone@localhostHTTP 400 Bad Request · invalid_query_string — Query validation error: 'Object didn't pass validation for format email: someone@localhost' on property email/,
      ),
    ])
    // One query value, lowercased, its `+` and `@` encoded.
    expect(sent).toContain('/api/v2/users-by-email?email=ops%2Baudit%40example.com')
  })

  it('waits out a 429 with a countdown and carries on by itself', async () => {
    faults.set({ userId: threeMemberships.userId, rateLimitForMs: 1500 })
    const { user } = openReview({ queries: APP_RETRIES })
    await review(user, [threeMemberships.userId])

    await waitFor(() =>
      expect(progressStatus()).toMatch(/1 waiting for the rate limit, resuming in [1-9] s$/),
    )
    await finished(1)
    expect(tableRows()).toHaveLength(3)
    expect(screen.queryByRole('region', { name: 'Lookups that failed' })).toBeNull()
  })

  it('retries only the failed lookups, keeping what loaded', async () => {
    faults.set({ userId: threeMemberships.userId, fail500Times: 1 })
    const { user } = openReview()
    await review(user, [noMemberships.userId, threeMemberships.userId])
    await finished(2)

    expect(tableRows()).toEqual([[noMemberships.userId, '']])
    expect(failureItems()).toEqual([
      expect.stringContaining(`Memberships: HTTP 500 Internal Server Error`),
    ])
    const asked = faults.requests({ userId: noMemberships.userId }).length

    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    await finished(2)

    expect(tableRows()).toHaveLength(1 + 3)
    expect(screen.queryByRole('region', { name: 'Lookups that failed' })).toBeNull()
    // The user who had loaded was not asked for again.
    expect(faults.requests({ userId: noMemberships.userId })).toHaveLength(asked)
  })

  it('cancels what is in flight, keeps what is done, and resumes the rest', async () => {
    faults.set({ userId: manyMemberships.userId, delayMs: 10_000 })
    const { user } = openReview()
    await review(user, [noMemberships.userId, manyMemberships.userId])
    await waitFor(() => expect(tableRows()).toEqual([[noMemberships.userId, '']]))

    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    await waitFor(() =>
      expect(progressStatus()).toBe('1 done · 0 failed · 1 not reviewed (cancelled)'),
    )
    expect(tableRows()).toEqual([[noMemberships.userId, '']])

    faults.clear(manyMemberships.userId)
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await finished(2)
    expect(screen.getByText('Rows 1–100 of 151')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Next rows' }))
    expect(screen.getByText('Rows 101–151 of 151')).toBeVisible()
    expect(tableRows()).toHaveLength(51)
  })

  it('a user cancelled half-way through their pages is finished by Resume, as if never cancelled', async () => {
    // The first page of Many's memberships answers; the other two wait.
    const pages = holdRequests(
      '/api/v2/users/:id/organizations',
      (url) => url.searchParams.get('page') !== '0',
    )
    const { user } = openReview()
    await review(user, [noMemberships.userId, manyMemberships.userId])
    await waitFor(() => expect(pages.waiting()).toBeGreaterThan(0))

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() =>
      expect(progressStatus()).toBe('1 done · 0 failed · 1 not reviewed (cancelled)'),
    )

    pages.release()
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await finished(2)
    expect(progressStatus()).toMatch(/^2 done · 0 failed/)
    expect(screen.getByText('Rows 1–100 of 151')).toBeVisible()
  }, 20_000)

  it('exports the filtered rows with the review in the provenance', async () => {
    const saved: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob)
      return 'blob:orgscope/review'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { user } = openReview()
    await review(user, [sharedEmailDatabase.email, UNKNOWN_ID])
    await finished(2)

    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'google-oauth2')
    await waitFor(() => expect(tableRows()).toHaveLength(4))
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV — the table only' }))

    expect(await screen.findByText(/^Downloaded/)).toHaveTextContent(
      /orgscope-review-\d{8}-\d{6}Z\.csv · SHA-256 [0-9a-f]{64}/,
    )
    // The CSV is the table alone; the provenance is in the JSON.
    const [header, ...records] = parseCsv(await (saved[0] as Blob).text())
    expect(header).toEqual([...REVIEW_COLUMNS])
    const exported = records.map((record) => [record[1], record[4]])
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await waitFor(() => expect(saved).toHaveLength(2))
    const { provenance } = JSON.parse(await (saved[1] as Blob).text()) as {
      provenance: { review: { entries: string[]; failures: unknown[] } }
    }
    expect(provenance).toMatchObject({
      tenantDomain: 'tenant.test',
      exportedBy: 'ada@orgscope.test',
      filter: 'google-oauth2',
      rowsExported: 4,
      totalRows: 6,
      listComplete: false,
    })
    expect(provenance.review.entries).toEqual([sharedEmailDatabase.email, UNKNOWN_ID])
    expect(provenance.review.failures).toHaveLength(1)
    expect(exported).toEqual(tableRows())
    // Two exports, each built, hashed and saved: more than the default 5 s on a busy machine.
  }, 15_000)
})
