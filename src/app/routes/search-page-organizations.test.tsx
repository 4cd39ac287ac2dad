import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toOrganization } from '@/lib/routes'
import { holdRequests } from '@/testing/held-requests'
import { renderApp, SAM } from '@/testing/render'
import { requestsSent } from '@/testing/requests-sent'
import { server, tenant, tenantUrl } from '@/testing/server'
import { formatNumber } from '@/lib/format'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { LARGE_ORGANIZATION } from '../../../server/local-tenant/seed/large-organization'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

// On the directory's first page (it lists by name), so found without loading all ~6,300.
const beijing = tenant.data.organizations.find(({ name }) => name === 'beijing-xingchen')
if (!beijing?.display_name) throw new Error('The seed lost beijing-xingchen.')
const LINK_NAME = `${beijing.display_name}, organization`
/** The directory's first page, beside the users' search, on a busy machine. */
const FIRST_PAGE = { timeout: 5_000 }
/** Every page of the directory, ~64 answers through MSW, on a busy machine. */
const WHOLE_DIRECTORY = { timeout: 25_000 }

// The whole directory is ~64 requests: without room in the tenant's rate limit, the test after
// it would wait for the bucket to refill (the tests share one tenant).
const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit })
})

async function searchBox() {
  return screen.findByRole('searchbox', { name: 'Search users' })
}

function organizationsGroup() {
  return screen.getByRole('region', { name: 'Organizations' })
}

describe('search page: organizations', () => {
  it.each([
    ['name', 'Beijing-Xing'],
    ['display name', '星辰科技'],
    ['id', beijing.id.slice(4, 12)],
  ])('finds an organization by its %s, marked as one and linking to its page', async (_, text) => {
    renderApp({ route: `/?q=${encodeURIComponent(text)}` })

    const link = await screen.findByRole('link', { name: LINK_NAME }, FIRST_PAGE)
    expect(link).toHaveAttribute('href', `/organizations/${encodeURIComponent(beijing.id)}`)
    expect(within(link).getByText('Organization')).toBeVisible()
    expect(link).toHaveAccessibleDescription(`${beijing.name} · ${beijing.id}`)
  })

  it('shows an org_ id at once, looked up directly, while the list is still loading', async () => {
    const { id, display_name: displayName } = LARGE_ORGANIZATION
    // The first page (by offset) answers; the checkpoint pages past it wait.
    const held = holdRequests('/api/v2/organizations', (url) => url.searchParams.has('take'))
    renderApp({ route: `/?q=${id}` })

    const link = await screen.findByRole(
      'link',
      { name: `${displayName}, organization` },
      FIRST_PAGE,
    )
    expect(link).toHaveAttribute('href', toOrganization(id))
    const group = organizationsGroup()
    expect(
      await within(group).findByText(
        `Searched 100 of ${formatNumber(tenant.data.organizations.length)} organizations…`,
        {},
        FIRST_PAGE,
      ),
    ).toBeVisible()
    expect(within(group).getByText('1 match so far')).toBeInTheDocument()
    held.release()
  })

  it('opens an organization result with the keyboard, as a user result', async () => {
    const { user, location } = renderApp({ route: '/' })

    await user.type(await searchBox(), beijing.name)
    const link = await screen.findByRole('link', { name: LINK_NAME }, FIRST_PAGE)
    await user.click(await searchBox())
    await user.keyboard('{ArrowDown}')
    expect(link).toHaveFocus()

    await user.keyboard('{Enter}')
    await waitFor(() => expect(location.history.at(-1)).toBe(toOrganization(beijing.id)))
  })

  it('says when no organization matches once all are searched, beside the users’ empty state', async () => {
    renderApp({ route: '/?q=zz-nobody-is-called-this' })

    expect(
      await screen.findByText('No users match “zz-nobody-is-called-this”', {}, FIRST_PAGE),
    ).toBeInTheDocument()
    expect(screen.getByText(/first few letters/)).toBeInTheDocument()
    expect(
      await screen.findByText(
        'No organizations match “zz-nobody-is-called-this”',
        {},
        WHOLE_DIRECTORY,
      ),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        `Searched all ${formatNumber(tenant.data.organizations.length)} organizations`,
      ),
    ).toBeVisible()
    expect(screen.getByText('0 matches')).toBeInTheDocument()
  }, 30_000)

  it('does not load the organizations for a complete email', async () => {
    const sent = requestsSent()
    renderApp({ route: `/?q=${encodeURIComponent(NAMED_USERS.samlUser.email)}` })

    expect(
      await screen.findByRole('link', { name: /jane@acme\.com/ }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Organizations' })).not.toBeInTheDocument()
    expect(sent.filter((path) => path.startsWith('/api/v2/organizations'))).toEqual([])
  })

  it('without read:organizations, shows the users as before and one line about organizations', async () => {
    renderApp({ route: '/?q=jane', signedInAs: SAM })

    expect(
      await screen.findByRole('link', { name: /jane@acme\.com/ }, { timeout: 5000 }),
    ).toBeInTheDocument()
    const group = organizationsGroup()
    expect(
      await within(group).findByText(
        /^Organizations are not searched: HTTP 403 .*read:organizations/,
        {},
        FIRST_PAGE,
      ),
    ).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(within(group).queryByText(/^Searched/)).not.toBeInTheDocument()
  })

  it('shows a server failure of the organizations with Try again, which recovers', async () => {
    server.use(
      http.get(
        tenantUrl('/api/v2/organizations'),
        () =>
          HttpResponse.json(
            { statusCode: 500, error: 'Internal Server Error', message: 'Directory down' },
            { status: 500 },
          ),
        { once: true },
      ),
    )
    const { user } = renderApp({ route: `/?q=${encodeURIComponent(beijing.name)}` })

    const alert = await within(
      await screen.findByRole('region', { name: 'Organizations' }, FIRST_PAGE),
    ).findByRole('alert', {}, FIRST_PAGE)
    expect(alert).toHaveTextContent('500')
    expect(alert).toHaveTextContent('Directory down')

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('link', { name: LINK_NAME }, FIRST_PAGE)).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
