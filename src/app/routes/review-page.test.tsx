import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { REVIEW_COLUMNS } from '@/features/review/review-export'
import { parseCsv } from '@/lib/export/csv'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'
import { toReview } from '@/lib/routes'
import { holdRequests } from '@/testing/held-requests'
import { renderApp, type RenderAppResult } from '@/testing/render'
import { requestsSent } from '@/testing/requests-sent'
import { captureDownloads } from '@/testing/downloads'
import { faults, server, tenantUrl } from '@/testing/server'
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
  const name = `Looked up ${total} of ${total} ${total === 1 ? 'entry' : 'entries'}`
  expect(await screen.findByRole('progressbar', { name }, { timeout: 8000 })).toBeVisible()
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull())
}

/**
 * Each rendered data row as [user id, organization id]; "" for a user in no organization. The
 * table is virtualized: only the rows in view (about 20 in jsdom) are rendered.
 */
function tableRows(): [string, string][] {
  const table = screen.getByRole('table', { name: 'Memberships under review' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
      // A user in no organization: one cell says so across the organization and roles columns.
      return [cells[1] ?? '', cells.length === 9 ? (cells[7] ?? '') : '']
    })
}

/** What the progress says under its bar: users found, entries failed, waiting. */
function progressStatus(): string {
  const status = screen
    .getAllByRole('status')
    .find((element) => element.textContent?.includes(' found · '))
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
    // Entries, users and failures counted apart: one email found two accounts.
    expect(progressStatus()).toBe('4 users found · 2 entries failed')
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
      expect(progressStatus()).toBe(
        '2 users found · 0 entries failed · 1 entry not reviewed (cancelled)',
      ),
    )
    expect(tableRows()).toEqual([[noMemberships.userId, '']])

    faults.clear(manyMemberships.userId)
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await finished(2)
    expect(screen.getByText('151 rows for 2 users')).toBeVisible()
    // One table of all 151 rows (no pages), of which only those in view are rendered.
    const table = screen.getByRole('table', { name: 'Memberships under review' })
    expect(table).toHaveAttribute('aria-rowcount', String(151 + 1))
    expect(tableRows().length).toBeLessThan(40)
    expect(screen.queryByRole('button', { name: 'Next rows' })).toBeNull()
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
      expect(progressStatus()).toBe(
        '2 users found · 0 entries failed · 1 entry not reviewed (cancelled)',
      ),
    )

    pages.release()
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await finished(2)
    expect(progressStatus()).toBe('2 users found · 0 entries failed')
    expect(screen.getByText('151 rows for 2 users')).toBeVisible()
  }, 20_000)

  it('Retry failed asks the API again: an email no account had a moment ago is found once it does', async () => {
    // The first answer for Tess's email says no account has it, as before she was created; after
    // that the tenant answers, and she exists.
    server.use(
      http.get(tenantUrl('/api/v2/users-by-email'), () => HttpResponse.json([]), { once: true }),
    )
    const { user } = openReview()
    await review(user, [threeMemberships.email])
    await finished(1)
    expect(failureItems()).toEqual([`${threeMemberships.email}No user with this email.`])
    expect(progressStatus()).toBe('0 users found · 1 entry failed')

    // Within the cache's freshness: a cached "no such user" would be the same failure again.
    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    await finished(1)

    expect(tableRows()).toHaveLength(threeMemberships.memberships)
    expect(progressStatus()).toBe('1 user found · 0 entries failed')
    expect(screen.queryByRole('region', { name: 'Lookups that failed' })).toBeNull()
  })

  it('counts entries, users and failed memberships apart: one email with two accounts is one entry', async () => {
    faults.set({ userId: sharedEmailGoogle.userId, fail500Times: 1 })
    const { user } = openReview()
    await review(user, [sharedEmailDatabase.email])

    // The bar counts the one entry, never "2 of 1 users".
    await finished(1)
    expect(progressStatus()).toBe('2 users found · 0 entries failed · memberships of 1 user failed')
    expect(screen.getByText('2 rows for 1 user')).toBeVisible()
  })

  it('sorts on every column by its header, in the URL, and never puts the pasted list there', async () => {
    const { user, location } = openReview()
    await review(user, [sharedEmailDatabase.email, threeMemberships.userId])
    await finished(2)
    const table = screen.getByRole('table', { name: 'Memberships under review' })
    const orgIds = () => tableRows().map(([, organizationId]) => organizationId)
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
    const ascending = [...orgIds()].sort(collator.compare)

    const header = within(table).getByRole('columnheader', { name: 'Organization ID' })
    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    expect(orgIds()).toEqual(ascending)

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(orgIds()).toEqual(ascending.toReversed())
    expect(location.history.at(-1)).toBe('/review?sort=organizationId&dir=desc')

    // Every column sorts but Roles, as on the memberships table: roles load row by row, so a
    // sort on them would order the rows by which ones happen to be loaded.
    const headers = within(table).getAllByRole('columnheader')
    expect(headers.map((cell) => cell.textContent)).toEqual([
      'User',
      'User ID',
      'Last login',
      'Blocked',
      'Connection',
      'Organization',
      'Organization name',
      'Organization ID',
      'Roles',
    ])
    for (const cell of headers.slice(0, -1)) {
      expect(within(cell).getByRole('button')).toBeVisible()
    }
    expect(within(headers.at(-1) as HTMLElement).queryByRole('button')).toBeNull()
    // What was pasted is personal data: no address the page went to holds any of it.
    for (const path of location.history) {
      expect(path).not.toContain(encodeURIComponent(sharedEmailDatabase.email))
      expect(path).not.toContain(sharedEmailDatabase.email)
      expect(path).not.toContain(encodeURIComponent(threeMemberships.userId))
    }
  })

  it('a shared link brings its filter and sort with it', async () => {
    const { user } = openReview({
      route: `${toReview()}?filter=google-oauth2&sort=organizationId&dir=desc`,
    })
    await review(user, [sharedEmailDatabase.email])
    await finished(1)

    expect(screen.getByRole('textbox', { name: 'Filter' })).toHaveValue('google-oauth2')
    expect(screen.getByText('Showing 4 matching \u201cgoogle-oauth2\u201d')).toBeVisible()
    const rows = tableRows()
    expect(rows.map(([userId]) => userId)).toEqual(Array(4).fill(sharedEmailGoogle.userId))
    const ids = rows.map(([, organizationId]) => organizationId)
    expect(ids).toEqual(
      [...ids].sort(new Intl.Collator('en', { numeric: true }).compare).toReversed(),
    )
    expect(screen.getByRole('columnheader', { name: 'Organization ID' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
  })

  it('keeps refused lines as evidence: counted on screen, listed with line and reason in the export', async () => {
    const saved = captureDownloads()
    const { user } = openReview()
    await review(user, [threeMemberships.userId, 'just a name', 'Pat Twin'])
    await finished(1)

    expect(
      screen.getByText(
        '2 lines of the list refused: neither a user id nor an email (listed in the export)',
      ),
    ).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }))
    await screen.findByText(/^Downloaded/)

    const { provenance, rows } = JSON.parse(await (saved[0] as Blob).text()) as {
      provenance: { review: { refused: unknown[] } }
      rows: Record<string, unknown>[]
    }
    expect(provenance.review.refused).toEqual([
      { line: 2, text: 'just a name', reason: 'neither a user id nor an email' },
      { line: 3, text: 'Pat Twin', reason: 'neither a user id nor an email' },
    ])
    // Each row carries the account context a reviewer reads risk from.
    expect(rows[0]).toMatchObject({
      user_connection: 'Username-Password-Authentication',
      user_blocked: 'false',
    })
  })

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
    const exported = records.map((record) => [record[1], record[7]])
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
