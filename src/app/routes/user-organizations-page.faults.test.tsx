import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Route } from 'wouter'
import { ManagementApiProvider } from '@/features/auth/management-api-context'
import { isManagementApiError } from '@/lib/management-api/errors'
import { retryDelayMs, shouldRetryRequest } from '@/lib/management-api/retry'
import { routePatterns, toUserOrganizations } from '@/lib/routes'
import { findAlert } from '@/testing/find-alert'
import { renderApp, renderWithProviders, type RenderOptions } from '@/testing/render'
import { faults, tenant, TENANT_API_BASE_URL } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import UserOrganizationsPage from './user-organizations-page'

/**
 * Faults, through the whole page and the real local tenant: its fault switches make it drop
 * connections, answer late, 500, 429 or refuse the token, and each test says what the admin sees
 * and, where it matters, what the tenant was asked (`faults.requests`).
 */

const { threeMemberships, oneMembership, manyMemberships, thousandMemberships } = NAMED_USERS

/** The app's retry policy (docs/design.md), with back-off shortened so tests stay quick. */
const appPolicy: RenderOptions['queries'] = {
  retry: shouldRetryRequest,
  retryDelay: (count, error) =>
    isManagementApiError(error) && error.status === 429 ? retryDelayMs(count, error) : 30,
}

function openUser(userId: string, options: RenderOptions = {}) {
  return renderApp({ route: toUserOrganizations(userId), queries: appPolicy, ...options })
}

/** The list is complete: the table counts every row, and no progress bar is left. */
async function expectCompleteList(count: number, timeout = 5000) {
  const table = await screen.findByRole('table', { name: 'Organizations' }, { timeout })
  await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(count + 1)), {
    timeout,
  })
  expect(screen.queryByRole('progressbar', { name: /^Loaded/ })).not.toBeInTheDocument()
}

const pagesAsked = (userId: string) =>
  faults.requests({ userId, endpoint: 'listUserOrganizations' }).map((request) => request.page)

const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit, latencyMs: 0 })
})

describe('a connection dropped mid-way through the pages', () => {
  it('keeps the rows it has, says the connection failed, and "Try again" fetches only the missing pages', async () => {
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 1 })
    const { user } = openUser(manyMemberships.userId)

    // After the policy's retries, the failure is final: "Try again" appears.
    await screen.findByRole('button', { name: 'Try again' }, { timeout: 5000 })
    const alert = await findAlert("Can't reach the Management API")
    expect(screen.getByRole('progressbar', { name: 'Loaded 50 of 150' })).toBeVisible()
    expect(screen.getByRole('table', { name: 'Organizations' })).toHaveAttribute(
      'aria-rowcount',
      '51',
    )

    faults.clear(manyMemberships.userId)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    await expectCompleteList(150)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // Page 0 was fetched once: the retry finished the list instead of starting it over.
    expect(pagesAsked(manyMemberships.userId).filter((page) => page === 0)).toHaveLength(1)
  })

  it('when the connection comes back, the automatic retry finishes the list with no error left', async () => {
    faults.set({
      userId: manyMemberships.userId,
      dropConnectionAfterPages: 1,
      dropConnectionTimes: 2,
    })
    openUser(manyMemberships.userId)

    await expectCompleteList(150)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(faults.requests({ userId: manyMemberships.userId }).map((r) => r.outcome)).toContain(
      'dropped',
    )
  })
})

describe('an answer slower than the client time-out', () => {
  it('shows the time-out state with "Try again" after the policy’s tries; nothing hangs', async () => {
    faults.set({ userId: threeMemberships.userId, delayMs: 10_000 })
    const { user } = renderWithProviders(
      <ManagementApiProvider baseUrl={TENANT_API_BASE_URL} timeoutMs={150}>
        <Route path={routePatterns.userOrganizations} component={UserOrganizationsPage} />
      </ManagementApiProvider>,
      { route: toUserOrganizations(threeMemberships.userId), queries: appPolicy },
    )

    const alert = await findAlert("The Management API didn't answer within 150 ms")
    await waitFor(() =>
      expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible(),
    )
    // The first try and two retries, each given up by the client (and so ended at the tenant).
    await waitFor(() =>
      expect(
        faults
          .requests({ userId: threeMemberships.userId, endpoint: 'listUserOrganizations' })
          .map((request) => request.outcome),
      ).toEqual(['aborted', 'aborted', 'aborted']),
    )

    faults.clear(threeMemberships.userId)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await expectCompleteList(3)
  })

  it('while it retries, the alert says it is retrying, with no button to press', async () => {
    faults.set({ userId: threeMemberships.userId, delayMs: 10_000 })
    renderWithProviders(
      <ManagementApiProvider baseUrl={TENANT_API_BASE_URL} timeoutMs={150}>
        <Route path={routePatterns.userOrganizations} component={UserOrganizationsPage} />
      </ManagementApiProvider>,
      {
        route: toUserOrganizations(threeMemberships.userId),
        queries: { ...appPolicy, retryDelay: 5000 },
      },
    )

    const alert = await findAlert("The Management API didn't answer within 150 ms")
    expect(within(alert).getByText(/^Retrying in \d/)).toBeVisible()
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  })
})

describe('a malformed page mid-way', () => {
  it('shows its own error, and keeps the rows fetched before it', async () => {
    faults.set({ userId: manyMemberships.userId, malformedPage: 1 })
    openUser(manyMemberships.userId, { queries: { ...appPolicy } })

    const alert = await findAlert("The answer wasn't in the shape Orgscope expects")
    expect(alert).toHaveTextContent('What did not fit:')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible()
    expect(screen.getByRole('table', { name: 'Organizations' })).toBeVisible()
    expect(screen.getByRole('progressbar', { name: /^Loaded (50|100) of 150$/ })).toBeVisible()
    // Not retried: the same answer would come back.
    expect(pagesAsked(manyMemberships.userId).filter((page) => page === 1)).toHaveLength(1)
  })
})

describe('500, then success', () => {
  it('recovers by itself: the rows show and no error is left', async () => {
    faults.set({ userId: manyMemberships.userId, fail500Times: 2 })
    openUser(manyMemberships.userId)

    await expectCompleteList(150)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(
      faults
        .requests({ userId: manyMemberships.userId, endpoint: 'listUserOrganizations' })
        .map((request) => request.outcome),
    ).toEqual([500, 500, 200, 200, 200])
  })

  it('says "Retrying" while it waits for the next try', async () => {
    faults.set({ userId: threeMemberships.userId, fail500Times: 1 })
    openUser(threeMemberships.userId, { queries: { ...appPolicy, retryDelay: 800 } })

    const alert = await findAlert('HTTP 500')
    expect(within(alert).getByText(/^Retrying in \d/)).toBeVisible()
    await expectCompleteList(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('a 429 storm', () => {
  it('counts down, tries at most once per window, and loads the list when the storm passes', async () => {
    faults.set({ userId: threeMemberships.userId, rateLimitForMs: 3000, rateLimitWindowSeconds: 2 })
    openUser(threeMemberships.userId)

    const alert = await findAlert('HTTP 429')
    expect(alert).toHaveTextContent('Rate limited by the Management API')
    expect(within(alert).getByText(/^Retrying in \d/)).toBeVisible()

    await expectCompleteList(3, 10_000)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    const refused = faults
      .requests({ userId: threeMemberships.userId, endpoint: 'listUserOrganizations' })
      .filter((request) => request.outcome === 429)
    const windows = new Set(refused.map((request) => request.rateLimitReset))
    expect(refused.length).toBeGreaterThanOrEqual(2)
    expect(windows.size).toBe(refused.length)
  }, 15_000)
})

describe('switching users quickly', () => {
  it("shows only the last user's rows, and the earlier users' requests are cancelled", async () => {
    faults.set({ userId: thousandMemberships.userId, delayMs: 300 })
    faults.set({ userId: manyMemberships.userId, delayMs: 300 })
    const { location } = openUser(thousandMemberships.userId)
    await screen.findByRole('progressbar', { name: 'Loaded 50 of 1,000' }, { timeout: 5000 })

    const switchedAt = Date.now()
    act(() => location.navigate(toUserOrganizations(manyMemberships.userId)))
    await waitFor(() => expect(pagesAsked(manyMemberships.userId)).toEqual([0]))
    act(() => location.navigate(toUserOrganizations(oneMembership.userId)))

    await expectCompleteList(1)
    const table = screen.getByRole('table', { name: 'Organizations' })
    const [seededOnly] = tenant.data.membershipsByUserId.get(oneMembership.userId) ?? []
    expect(within(table).getByText(seededOnly?.id ?? '(none)')).toBeVisible()
    // The earlier users' requests ended unanswered, and no more were sent for them.
    for (const userId of [thousandMemberships.userId, manyMemberships.userId]) {
      await waitFor(() => {
        const requests = faults.requests({ userId, endpoint: 'listUserOrganizations' })
        expect(requests.every((request) => request.endedAt !== undefined)).toBe(true)
      })
    }
    // Page 0 of the first user had arrived; the pages in flight were cut off, none came after.
    const thousand = faults.requests({
      userId: thousandMemberships.userId,
      endpoint: 'listUserOrganizations',
    })
    expect(thousand.filter((request) => request.startedAt > switchedAt)).toEqual([])
    expect(thousand.filter((request) => request.outcome === 200).map((r) => r.page)).toEqual([0])
    expect(thousand.slice(1).every((request) => request.outcome === 'aborted')).toBe(true)
    expect(thousand.length).toBeGreaterThan(1)
    expect(
      faults
        .requests({ userId: manyMemberships.userId, endpoint: 'listUserOrganizations' })
        .map((request) => request.outcome),
    ).toEqual(['aborted'])
  })
})

describe('session expiry mid-use', () => {
  it('401: "Sign in again" returns to this page, where the data loads with the new session', async () => {
    const { location, auth, unmount } = openUser(threeMemberships.userId)
    await expectCompleteList(3)

    // The tenant stops accepting the token the admin has: every token issued until now.
    const cutoff = (Math.floor(Date.now() / 1000) + 1) * 1000
    faults.set({ rejectTokensIssuedBefore: cutoff })
    act(() => location.navigate(toUserOrganizations(oneMembership.userId)))

    const alert = await findAlert('HTTP 401')
    expect(alert).toHaveTextContent('Your session is no longer accepted')
    // The page's two requests are refused one after the other; the alert the first refusal shows
    // can be replaced by the page's own when the second lands, and a click on the replaced one
    // reaches nothing. The button is taken from the screen in the instant it is clicked.
    fireEvent.click(
      within(await findAlert('HTTP 401')).getByRole('button', { name: 'Sign in again' }),
    )
    const returnTo = toUserOrganizations(oneMembership.userId)
    expect(auth.loginWithRedirect).toHaveBeenCalledWith({ appState: { returnTo } })

    // Back from the tenant with a new session, whose token is issued after the cutoff.
    unmount()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutoff - Date.now())))
    openUser(oneMembership.userId)
    await expectCompleteList(1)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
