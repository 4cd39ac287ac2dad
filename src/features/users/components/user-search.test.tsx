import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { server, tenantUrl } from '@/testing/server'
import { NAMED_USERS } from '../../../../server/local-tenant/seed/named-users'
import { UserSearch } from './user-search'

const { samlUser } = NAMED_USERS

function searchBox() {
  return screen.getByRole('searchbox', { name: 'Search users' })
}

function fakeUser(index: number) {
  return { user_id: `auth0|fake${index}`, email: `fake${index}@example.com`, name: `Fake ${index}` }
}

describe('UserSearch', () => {
  it('reports hover and keyboard focus on a result as intent to open that user', async () => {
    const onResultIntent = vi.fn()
    const { user } = renderWithProviders(<UserSearch onResultIntent={onResultIntent} />, {
      route: '/?q=jane%40acme.com',
    })

    const link = await screen.findByRole('link', { name: /jane@acme\.com/ })
    await user.hover(link)
    expect(onResultIntent).toHaveBeenLastCalledWith(samlUser.userId)

    onResultIntent.mockClear()
    await user.click(searchBox())
    await user.keyboard('{ArrowDown}')
    expect(onResultIntent).toHaveBeenCalledWith(samlUser.userId)
  })

  it('shows who each result is: name, email, id, connection and last login', async () => {
    renderWithProviders(<UserSearch />, { route: '/?q=jane%40acme.com' })

    const link = await screen.findByRole('link', { name: 'Jane Acme, jane@acme.com' })
    expect(link).toHaveAccessibleDescription(
      expect.stringMatching(/^samlp\|acme-saml\|jane@acme\.com · acme-saml · samlp · Last login /),
    )
  })

  it('marks a blocked user that never signed in', async () => {
    renderWithProviders(<UserSearch />, { route: '/?q=blocked%40example.com' })

    const link = await screen.findByRole('link', {
      name: 'Bea Blocked, blocked@example.com, blocked',
    })
    expect(within(link).getByText('Blocked')).toBeInTheDocument()
    expect(within(link).getByText('Never logged in')).toBeInTheDocument()
  })

  it('pages through the results and keeps the page in the URL', async () => {
    const { user, location } = renderWithProviders(<UserSearch />, { route: '/?q=%40gmail.com' })

    const status = await screen.findByText(/^[\d,]+ users$/)
    const total = Number(status.textContent?.replace(/\D/g, ''))
    expect(total).toBeGreaterThan(20)
    expect(screen.getByText(/showing 1–20/)).toBeInTheDocument()
    // The pager sits above and below the list.
    for (const previous of screen.getAllByRole('button', { name: 'Previous' })) {
      expect(previous).toBeDisabled()
    }

    const [, nextBelowTheList] = screen.getAllByRole('button', { name: 'Next' })
    await user.click(nextBelowTheList as HTMLElement)

    expect(await screen.findByText(/showing 21–/)).toBeInTheDocument()
    expect(location.history.at(-1)).toBe('/?q=%40gmail.com&page=2')
  })

  it('says when Auth0 will only page through the first 1,000 results', async () => {
    server.use(
      http.get(tenantUrl('/api/v2/users'), () =>
        HttpResponse.json({
          start: 0,
          limit: 20,
          length: 20,
          total: 5000,
          users: Array.from({ length: 20 }, (_, index) => fakeUser(index)),
        }),
      ),
    )
    renderWithProviders(<UserSearch />, { route: '/?q=fake' })

    expect(await screen.findByText('5,000 users')).toBeInTheDocument()
    expect(screen.getByText(/only pages through the first 1,000 results/)).toBeInTheDocument()
    expect(screen.getAllByText('Page 1 of 50')).not.toHaveLength(0)
  })

  it('shows the rate limit while retrying, keeping the previous results visible', async () => {
    // The start of an email: a search (a complete one would be looked up by email instead).
    const { user, queryClient } = renderWithProviders(<UserSearch />, { route: '/?q=pat.twin' })
    const results = await screen.findByRole('list', { name: 'Search results' })
    // The app's policy retries a 429 once the window resets; the test client retries quickly.
    queryClient.setQueryDefaults(['users'], { retry: 1, retryDelay: 300 })
    server.use(
      http.get(
        tenantUrl('/api/v2/users'),
        () =>
          HttpResponse.json(
            {
              statusCode: 429,
              error: 'Too Many Requests',
              message: 'Global limit has been reached',
              errorCode: 'too_many_requests',
            },
            {
              status: 429,
              headers: {
                'X-RateLimit-Limit': '10',
                'X-RateLimit-Remaining': '0',
                'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 1),
              },
            },
          ),
        { once: true },
      ),
    )

    await user.type(searchBox(), '{Backspace}')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Rate limited by the Management API')
    expect(alert).toHaveTextContent('Limit 10 · 0 remaining')
    expect(alert).toHaveTextContent(/still shown/)
    expect(results).toBeInTheDocument()
    expect(results).toHaveAttribute('aria-busy', 'true')

    // The session's pacer holds the retry until the reset the 429 announced (up to 2 s ahead).
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), {
      timeout: 3000,
    })
    expect(screen.getByRole('list', { name: 'Search results' })).toHaveAttribute(
      'aria-busy',
      'false',
    )
  })

  it('offers to sign in again, back to the same search, when the token is refused', async () => {
    server.use(
      http.get(tenantUrl('/api/v2/users'), () =>
        HttpResponse.json(
          { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' },
          { status: 401 },
        ),
      ),
    )
    const { user, auth } = renderWithProviders(<UserSearch />, { route: '/?q=jane' })

    const alert = await screen.findByRole('alert')
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }))

    expect(auth.loginWithRedirect).toHaveBeenCalledWith({ appState: { returnTo: '/?q=jane' } })
  })

  it('follows the URL when it changes from outside, e.g. the home link', async () => {
    const { location } = renderWithProviders(<UserSearch />, { route: '/?q=jane' })
    expect(searchBox()).toHaveValue('jane')

    location.navigate('/')

    await waitFor(() => expect(searchBox()).toHaveValue(''))
    expect(await screen.findByRole('button', { name: 'jane@acme.com' })).toBeInTheDocument()
  })
})
