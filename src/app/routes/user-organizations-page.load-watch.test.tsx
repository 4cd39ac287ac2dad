import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toUserOrganizations } from '@/lib/routes'
import { holdRequests } from '@/testing/held-requests'
import { renderApp } from '@/testing/render'
import { server, tenant, tenantUrl } from '@/testing/server'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

/**
 * No load stops silently: a list that stops arriving says so and resumes on "Try again", and one
 * cause of failure shows one alert for the whole page.
 */

const { thousandMemberships, threeMemberships } = NAMED_USERS

// A test here moves the page's clock 16 s on and back: a bucket of its own for each test, large
// enough that the tenant's rate limit never notices the jump back.
const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  vi.useRealTimers()
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit })
})

/** Every page after the first waits until released. */
function holdLaterPages() {
  return holdRequests(
    '/api/v2/users/:id/organizations',
    (url) => url.searchParams.get('page') !== '0',
  )
}

async function expectAllOrganizations(count: number) {
  const table = screen.getByRole('table', { name: 'Organizations' })
  await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(count + 1)), {
    timeout: 10_000,
  })
  expect(screen.queryByRole('progressbar', { name: /^Loaded/ })).not.toBeInTheDocument()
}

describe('a list that stops arriving', () => {
  it('says the API is slow after a few seconds, offers "Try again" after 15 s, and resumes', async () => {
    // The page's clock can be moved on; the network keeps real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true })
    const pages = holdLaterPages()
    const { user } = renderApp({ route: toUserOrganizations(thousandMemberships.userId) })
    expect(await screen.findByText('Loaded 50 of 1,000', {}, { timeout: 5000 })).toBeVisible()

    act(() => void vi.advanceTimersByTime(5_000))
    expect(screen.getByText(/The Management API is slow to answer\. Still waiting/)).toBeVisible()

    act(() => void vi.advanceTimersByTime(11_000))
    const alert = screen
      .getAllByRole('alert')
      .find((element) => element.textContent?.includes('No answer from the Management API'))
    expect(alert).toBeDefined()
    expect(alert).toHaveTextContent(
      'Loaded 50 of 1,000 organizations; the rest has not arrived. The list is incomplete',
    )

    vi.useRealTimers()
    pages.release()
    await user.click(within(alert as HTMLElement).getByRole('button', { name: 'Try again' }))
    await expectAllOrganizations(1000)
    expect(screen.queryByText(/No answer from the Management API/)).not.toBeInTheDocument()
  }, 20_000)

  it('a load cancelled while the page is open says it stopped, and "Try again" finishes it', async () => {
    const pages = holdLaterPages()
    const { user, queryClient } = renderApp({
      route: toUserOrganizations(thousandMemberships.userId),
    })
    expect(await screen.findByText('Loaded 50 of 1,000', {}, { timeout: 5000 })).toBeVisible()

    await act(() => queryClient.cancelQueries())

    const alert = await screen.findByRole('alert', {
      name: /Loading stopped before the list was complete/,
    })
    expect(alert).toHaveTextContent('Loaded 50 of 1,000 organizations; the rest has not arrived')

    pages.release()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await expectAllOrganizations(1000)
  }, 20_000)
})

describe('one cause, one alert', () => {
  it('shows one alert when the network is down for the user and the list, and its "Try again" brings back both', async () => {
    // The user's record and the list both meet a dropped network; once it is back, a handler
    // that answers nothing hands the request on to the tenant.
    let down = true
    server.use(
      http.get(tenantUrl('/api/v2/users/*'), () => (down ? HttpResponse.error() : undefined)),
    )
    const { user } = renderApp({ route: toUserOrganizations(threeMemberships.userId) })

    const alert = await screen.findByRole('alert', { name: /Can't reach the Management API/ })
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1))
    expect(
      screen.getByText(
        'The organizations could not be loaded either, for the same reason (see above).',
      ),
    ).toBeVisible()

    down = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(
      await screen.findByRole('heading', { level: 1, name: threeMemberships.name }),
    ).toBeVisible()
    await expectAllOrganizations(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
