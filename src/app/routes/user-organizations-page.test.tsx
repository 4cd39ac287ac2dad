import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Route } from 'wouter'
import { ManagementApiProvider } from '@/features/auth/management-api-context'
import { organizationQueries } from '@/features/organizations/api'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'
import { routePatterns, toUserOrganizations } from '@/lib/routes'
import { dataRows, openUser, organizationsTable, seeded } from '@/testing/memberships-page'
import { findAlert } from '@/testing/find-alert'
import { renderWithProviders, SAM } from '@/testing/render'
import { server, tenant, TENANT_API_BASE_URL, tenantUrl } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import type { Organization } from '../../../server/local-tenant/seed/types'
import { SCENARIO_USERS, type ScenarioName } from '../../../server/local-tenant/seed/scenarios'
import UserOrganizationsPage from './user-organizations-page'

const {
  noMemberships,
  oneMembership,
  threeMemberships,
  manyMemberships,
  thousandMemberships,
  overflowMemberships,
  edgeCaseOrganizations,
  slashAndUnicodeId,
  reservedCharactersId,
} = NAMED_USERS

const ORGANIZATIONS_PATH = tenantUrl('/api/v2/users/:userId/organizations')

function cellTexts(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '')
}

/** The src of every image (logos are decorative, alt="": no role or text finds them). */
function imageSources(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('img'), (image) => image.getAttribute('src') ?? '')
}

/** Every inline style attribute: where a hostile colour would end up if it were trusted. */
function inlineStyles(container: HTMLElement): string[] {
  return Array.from(
    container.querySelectorAll('[style]'),
    (element) => element.getAttribute('style') ?? '',
  )
}

const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  // Every test starts with a full bucket; the loads here are far bigger than real browsing.
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, {
    rateLimit: defaultRateLimit,
    latencyMs: 0,
    checkpointPaging: true,
  })
})

describe('a user with memberships', () => {
  it('lists the three memberships with display name, name and id, under the user', async () => {
    openUser(threeMemberships.userId)

    const table = await organizationsTable()
    expect(await screen.findByText('3 organizations')).toBeVisible()
    const rows = dataRows(table)
    expect(rows).toHaveLength(3)
    seeded(threeMemberships.userId).forEach((organization, index) => {
      const row = rows[index] as HTMLElement
      expect(row).toHaveAttribute('aria-rowindex', String(index + 2))
      const [, displayName, name, id] = cellTexts(row)
      // Without a display name, the name stands in.
      expect(displayName).toBe(organization.display_name ?? organization.name)
      expect(name).toBe(organization.name)
      expect(id).toBe(organization.id)
    })
    expect(table).toHaveAttribute('aria-rowcount', '4')
    expect(
      await screen.findByRole('heading', { level: 1, name: threeMemberships.name }),
    ).toBeVisible()
    await waitFor(() =>
      expect(document.title).toBe(`${threeMemberships.name} · Organizations · Orgscope`),
    )
    expect(screen.getByRole('link', { name: 'Back to search' })).toHaveAttribute('href', '/')
  })

  it('says "1 organization" for a single membership', async () => {
    openUser(oneMembership.userId)

    expect(await screen.findByText('1 organization')).toBeVisible()
    expect(dataRows(await organizationsTable())).toHaveLength(1)
  })

  it('says "No organizations" for a user who has none', async () => {
    openUser(noMemberships.userId)

    expect(await screen.findByText('No organizations')).toBeVisible()
    expect(screen.queryByRole('table', { name: 'Organizations' })).not.toBeInTheDocument()
  })

  it('copies an organization id from its row', async () => {
    const { user } = openUser(oneMembership.userId)
    const [organization] = seeded(oneMembership.userId)

    const row = dataRows(await organizationsTable())[0] as HTMLElement
    await user.click(within(row).getByRole('button', { name: 'Copy organization id' }))

    await expect(navigator.clipboard.readText()).resolves.toBe(organization?.id)
    expect(screen.getByText(`Copied organization id ${organization?.id}`)).toHaveAttribute(
      'role',
      'status',
    )
  })

  it('skeletons first, then shows "Loaded N of 1,000" while pages arrive', async () => {
    setManagementApiSettings(tenant, { latencyMs: 40 })
    openUser(thousandMemberships.userId)

    expect(await screen.findByRole('status', { name: 'Loading organizations' })).toBeVisible()
    const progress = await screen.findByRole('progressbar', { name: /^Loaded \d+ of 1,000$/ })
    expect(progress).toHaveAttribute('aria-valuemax', '1000')
    expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    expect(await screen.findByText('1,000 organizations')).toBeVisible()
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument(), {
      timeout: 5000,
    })
  })

  it('keeps the DOM small at 1000 rows: a bounded window of rows, the full size in aria-rowcount', async () => {
    openUser(thousandMemberships.userId)

    const table = await organizationsTable()
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '1001'), { timeout: 5000 })
    const rows = dataRows(table)
    expect(rows.length).toBeGreaterThan(5)
    // Spacer rows included: everything that is a <tr>.
    expect(within(table).getAllByRole('row', { hidden: true }).length).toBeLessThan(60)
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2')
  })

  it('lists every one of 1,200 memberships by checkpoint, saying why the pages come one by one', async () => {
    setManagementApiSettings(tenant, { latencyMs: 20 })
    openUser(overflowMemberships.userId)

    expect(
      await screen.findByRole('progressbar', { name: /^Loaded [\d,]+ of 1,200$/ }),
    ).toBeInTheDocument()
    expect(screen.getByText('Past 1,000, pages of 100 come one after another')).toBeInTheDocument()
    const table = await organizationsTable()
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '1201'), { timeout: 10_000 })
    expect(screen.getByText('1,200 organizations')).toBeVisible()
    expect(screen.queryByText(/Showing the first/)).toBeNull()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('on a tenant without checkpoint paging, says only the first 1,000 of 1,200 show, why, and what would show the rest', async () => {
    setManagementApiSettings(tenant, { checkpointPaging: false })
    openUser(overflowMemberships.userId)

    expect(await screen.findByText('1,200 organizations')).toBeVisible()
    const table = await organizationsTable()
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '1001'), { timeout: 5000 })
    expect(
      screen.getByText(
        'Showing the first 1,000 of 1,200 — this tenant does not page past 1,000 by checkpoint',
      ),
    ).toBeVisible()
    const reason = screen.getByText(/^The Management API lists at most 1,000 memberships by page/)
    expect(reason).toHaveTextContent(
      /on this tenant it refused checkpoint paging \(400: .*Additional properties not allowed: take'\)\. A tenant/,
    )
    expect(reason).toHaveTextContent(/accepts from and take on this endpoint shows every one/)
  })
})

describe('filter and sort', () => {
  it('filters in memory by display name, name, id and metadata, ignoring case', async () => {
    const { user } = openUser(manyMemberships.userId)
    const table = await organizationsTable()
    await screen.findByText('150 organizations')
    const target = seeded(manyMemberships.userId)[17] as Organization
    const requestsBefore = listRequests().length

    await user.type(screen.getByRole('textbox', { name: 'Filter' }), target.id.toUpperCase())

    await waitFor(() => expect(dataRows(table)).toHaveLength(1))
    expect(within(dataRows(table)[0] as HTMLElement).getByText(target.id)).toBeVisible()
    expect(screen.getByText(`Showing 1 matching “${target.id.toUpperCase()}”`)).toBeVisible()
    expect(table).toHaveAttribute('aria-rowcount', '2')
    // The list is not asked for again (rows coming into view look up their roles, nothing else).
    expect(listRequests()).toHaveLength(requestsBefore)
  })

  it('says so when the filter hides every organization, and clears it', async () => {
    const { user } = openUser(threeMemberships.userId)
    await organizationsTable()

    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'no such thing')

    expect(await screen.findByText('No organizations match “no such thing”')).toBeVisible()
    expect(screen.queryByRole('table', { name: 'Organizations' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    expect(dataRows(await organizationsTable())).toHaveLength(3)
  })

  it('sorts by a column from its header button, ascending then descending', async () => {
    const { user } = openUser(threeMemberships.userId)
    const table = await organizationsTable()
    const names = seeded(threeMemberships.userId).map((organization) => organization.name)
    const ascending = [...names].sort((a, b) => a.localeCompare(b))
    const header = within(table).getByRole('columnheader', { name: 'Name' })
    expect(header).not.toHaveAttribute('aria-sort')

    await user.click(within(header).getByRole('button', { name: 'Name' }))

    expect(header).toHaveAttribute('aria-sort', 'ascending')
    expect(dataRows(table).map((row) => cellTexts(row)[2])).toEqual(ascending)

    await user.click(within(header).getByRole('button', { name: 'Name' }))

    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(dataRows(table).map((row) => cellTexts(row)[2])).toEqual([...ascending].reverse())
    expect(within(table).getByRole('columnheader', { name: 'Display name' })).not.toHaveAttribute(
      'aria-sort',
    )
  })
})

describe('filter and sort in the address', () => {
  it('a link with ?filter=&sort=&dir= opens with that filter in the box and that sort', async () => {
    const organizations = seeded(manyMemberships.userId)
    const target = organizations[17] as Organization
    // "org_" and one more character: a few of the 150 organizations, by id (no name holds "org_").
    const filter = target.id.slice(0, 5)
    const expected = organizations
      .filter((organization) => organization.id.toLowerCase().includes(filter.toLowerCase()))
      .map((organization) => organization.name)
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' }))
    expect(expected.length).toBeGreaterThan(1)
    openUser(manyMemberships.userId, {
      route: `${toUserOrganizations(manyMemberships.userId)}?filter=${encodeURIComponent(filter)}&sort=name&dir=desc`,
    })

    const table = await organizationsTable()
    expect(screen.getByRole('textbox', { name: 'Filter' })).toHaveValue(filter)
    expect(within(table).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await waitFor(() => expect(dataRows(table).map((row) => cellTexts(row)[2])).toEqual(expected))
  })

  it('ignores a sort the table does not have', async () => {
    openUser(threeMemberships.userId, {
      route: `${toUserOrganizations(threeMemberships.userId)}?sort=password&dir=desc`,
    })

    const table = await organizationsTable()
    for (const header of within(table).getAllByRole('columnheader'))
      expect(header).not.toHaveAttribute('aria-sort')
  })

  it('writes the filter and the sort into the address, replacing the entry', async () => {
    const { user, location } = openUser(threeMemberships.userId)
    const table = await organizationsTable()
    const entries = location.history.length

    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'org_')
    await waitFor(() => expect(location.history.at(-1)).toContain('filter=org_'))
    await user.click(within(table).getByRole('button', { name: 'Display name' }))
    await user.click(within(table).getByRole('button', { name: 'Display name' }))

    expect(location.history.at(-1)).toBe(
      `${toUserOrganizations(threeMemberships.userId)}?filter=org_&sort=displayName&dir=desc`,
    )
    expect(location.history).toHaveLength(entries)
    await user.clear(screen.getByRole('textbox', { name: 'Filter' }))
    await waitFor(() =>
      expect(location.history.at(-1)).toBe(
        `${toUserOrganizations(threeMemberships.userId)}?sort=displayName&dir=desc`,
      ),
    )
  })
})

describe('untrusted organization data', () => {
  it('renders hostile names, metadata, logos and colours as inert text', async () => {
    const { user } = openUser(edgeCaseOrganizations.userId)
    const table = await organizationsTable()
    expect(await screen.findByText('24 organizations')).toBeVisible()

    const filterBox = screen.getByRole('textbox', { name: 'Filter' })

    await user.type(filterBox, 'holdings')
    await waitFor(() => expect(dataRows(table)).toHaveLength(1))
    expect(within(table).getByText('<script>alert("xss")</script> Holdings')).toBeVisible()
    expect(within(table).getByText('<script>alert(document.cookie)</script>')).toBeVisible()

    // javascript:, data:, http: and protocol-relative logos: initials, never an image.
    await user.clear(filterBox)
    await user.type(filterBox, 'logo')
    await waitFor(() => expect(dataRows(table)).toHaveLength(4))
    expect(imageSources(table)).toEqual([])

    await user.clear(filterBox)
    await user.type(filterBox, 'hostile')
    await waitFor(() => expect(dataRows(table)).toHaveLength(1))
    expect(imageSources(table)).toEqual(['https://cdn.example.com/logos/hostile-colors.png'])
    // The colours are shown as text and never become a style.
    expect(within(table).getByText('red;background:url(javascript:alert(1))')).toBeVisible()
    expect(within(table).getByText('expression(alert(1))')).toBeVisible()

    await user.clear(filterBox)
    await waitFor(() => expect(dataRows(table).length).toBeGreaterThan(10))
    for (const style of inlineStyles(table)) {
      expect(style).not.toMatch(/javascript|expression|url\(/i)
    }
  })

  it('isolates right-to-left names so they cannot reorder the text around them', async () => {
    openUser(edgeCaseOrganizations.userId)
    const table = await organizationsTable()

    const hebrew = await within(table).findByText('חברת הגליל בע״מ')
    expect(hebrew).toHaveAttribute('dir', 'auto')
    expect(within(table).getByText('شركة النخيل للتجارة الإلكترونية')).toHaveAttribute(
      'dir',
      'auto',
    )
  })
})

describe('awkward user ids', () => {
  it.each([slashAndUnicodeId, reservedCharactersId])(
    'loads the memberships of $userId from its deep link',
    async ({ userId, name }) => {
      openUser(userId)

      expect(await screen.findByText('2 organizations')).toBeVisible()
      expect(dataRows(await organizationsTable())).toHaveLength(2)
      expect(screen.getByRole('heading', { level: 1, name })).toBeVisible()
    },
  )
})

describe('switching users', () => {
  it("never shows the previous user's rows, and cancels their requests", async () => {
    setManagementApiSettings(tenant, { latencyMs: 30 })
    const { location, queryClient } = openUser(thousandMemberships.userId)
    await screen.findByRole('progressbar', { name: /^Loaded/ })
    const thousandKey = organizationQueries.forUser(
      null as never,
      thousandMemberships.userId,
    ).queryKey

    act(() => location.navigate(toUserOrganizations(threeMemberships.userId)))

    const table = await organizationsTable()
    await waitFor(() => expect(dataRows(table)).toHaveLength(3))
    const shownIds = dataRows(table).map((row) => cellTexts(row)[3])
    expect(shownIds).toEqual(seeded(threeMemberships.userId).map((organization) => organization.id))
    expect(queryClient.getQueryState(thousandKey)?.fetchStatus).toBe('idle')
  })
})

describe('failures', () => {
  function openScenario(scenario: ScenarioName) {
    return openUser(SCENARIO_USERS[scenario].userId)
  }

  it.each([
    ['invalid-token', 'Invalid token'],
    ['invalid-signature', 'Invalid signature received for JSON Web Token validation.'],
  ] as const)(
    '401 (%s): shows the message and signs in again, back to this page',
    async (scenario, message) => {
      const { user, auth } = openScenario(scenario)

      const alert = await findAlert(message)
      expect(alert).toHaveTextContent('HTTP 401')
      expect(alert).toHaveTextContent('Your session is no longer accepted')
      await user.click(within(alert).getByRole('button', { name: 'Sign in again' }))

      expect(auth.loginWithRedirect).toHaveBeenCalledWith({
        appState: { returnTo: toUserOrganizations(SCENARIO_USERS[scenario].userId) },
      })
    },
  )

  it('403: names the missing read:organizations scope', async () => {
    openScenario('insufficient-scope')

    const alert = await findAlert('HTTP 403')
    expect(alert).toHaveTextContent('Missing permission: read:organizations')
    expect(alert).toHaveTextContent('insufficient_scope')
  })

  it('403 for an admin without read:organizations, while the user header still loads', async () => {
    openUser(threeMemberships.userId, { signedInAs: SAM })

    const alert = await findAlert('HTTP 403')
    expect(alert).toHaveTextContent('read:organizations')
    expect(screen.getByRole('heading', { level: 1, name: threeMemberships.name })).toBeVisible()
  })

  it('404: the user does not exist, with a way back to search', async () => {
    const { user, location } = openScenario('deleted')

    const alert = await findAlert('The user does not exist.')
    expect(alert).toHaveTextContent('HTTP 404')
    expect(alert).toHaveTextContent('User not found — the user may have been deleted')
    // One answer, once: the memberships would only repeat it.
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    await user.click(within(alert).getByRole('button', { name: 'Back to search' }))

    expect(location.history.at(-1)).toBe('/')
  })

  it('400 invalid_uri: shows the user id as sent', async () => {
    openScenario('invalid-uri')

    const alert = await findAlert('HTTP 400')
    expect(alert).toHaveTextContent('The user id was not a valid path')
    expect(within(alert).getByText(SCENARIO_USERS['invalid-uri'].userId)).toBeVisible()
    expect(within(alert).getByRole('button', { name: 'Back to search' })).toBeVisible()
  })

  it('429: counts down to the reset, then retries by itself and shows the rows', async () => {
    const { queryClient } = openScenario('rate-limited')
    // The app's own retry policy (test clients have none); the query may already have started
    // under the test default, so it starts over under this one, inside the same 429 episode.
    queryClient.setDefaultOptions({
      queries: {
        retry: shouldRetryRequest,
        retryDelay: (count, error) => retryDelayMs(count, error),
      },
    })
    act(() => void queryClient.resetQueries({ queryKey: organizationQueries.all() }))

    const alert = await findAlert('HTTP 429')
    expect(alert).toHaveTextContent('Rate limited by the Management API')
    expect(within(alert).getByText(/^Retrying in \d/)).toBeVisible()

    expect(await screen.findByText('3 organizations', {}, { timeout: 10_000 })).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  }, 15_000)

  it.each([
    ['server-error', 'HTTP 500', 'An internal server error occurred.'],
    ['bad-gateway', 'HTTP 502', 'without a Management API error body'],
    ['empty-body', 'HTTP 503', 'with an empty body'],
    ['malformed', "The answer wasn't in the shape Orgscope expects", 'organizations'],
  ] as const)('%s: explains the failure and offers Try again', async (scenario, title, detail) => {
    openScenario(scenario)

    const alert = await findAlert(title)
    expect(alert).toHaveTextContent(detail)
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible()
  })

  it('Try again after a 500 loads the memberships once the server recovers', async () => {
    let failing = true
    server.use(
      http.get(ORGANIZATIONS_PATH, () =>
        failing
          ? HttpResponse.json(
              { statusCode: 500, error: 'Internal Server Error', message: 'Boom' },
              { status: 500 },
            )
          : undefined,
      ),
    )
    const { user } = openUser(threeMemberships.userId)

    const alert = await findAlert('HTTP 500')
    failing = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(dataRows(await organizationsTable())).toHaveLength(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('time-out: says how long it waited, with Try again', async () => {
    renderWithProviders(
      <ManagementApiProvider baseUrl={TENANT_API_BASE_URL} timeoutMs={300}>
        <Route path={routePatterns.userOrganizations} component={UserOrganizationsPage} />
      </ManagementApiProvider>,
      { route: toUserOrganizations(SCENARIO_USERS.slow.userId) },
    )

    const alert = await findAlert("The Management API didn't answer within 300 ms")
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible()
  })

  it('a failed refresh keeps the rows on screen, marked as stale', async () => {
    const { queryClient } = openUser(threeMemberships.userId)
    const table = await organizationsTable()
    await screen.findByText('3 organizations')
    server.use(http.get(ORGANIZATIONS_PATH, () => new HttpResponse(null, { status: 503 })))

    await act(() => queryClient.refetchQueries({ queryKey: ['organizations'] }))

    const alert = await findAlert('HTTP 503')
    expect(alert).toHaveTextContent(/Results from \d\d:\d\d:\d\d are still shown/)
    expect(dataRows(table)).toHaveLength(3)
  })
})

/** Every Management API request the tenant receives in the current test. */
const tenantRequests: string[] = []
beforeEach(() => {
  tenantRequests.length = 0
  server.events.on('request:start', ({ request }) => {
    if (request.url.startsWith(TENANT_API_BASE_URL)) tenantRequests.push(request.url)
  })
})
afterEach(() => {
  server.events.removeAllListeners('request:start')
})

/** The requests for memberships lists, roles lookups left out. */
function listRequests(): string[] {
  return tenantRequests.filter((url) => new URL(url).pathname.endsWith('/organizations'))
}
