import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { toUserOrganizations } from '@/lib/routes'
import { renderApp } from '@/testing/render'

const AWKWARD_IDS = [
  'samlp|acme-saml|nobody@acme.com',
  'oauth2|partner/eu|a/b',
  'auth0|what?#fragment',
  'auth0|100%25-legit%',
  'auth0|a%41b',
  'waad|Zoë Ørsted 名前 🦊',
  'auth0|plus+and space',
]

describe('routes', () => {
  it('shows the search page at /', async () => {
    renderApp({ route: '/' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Find a user' })).toBeVisible()
  })

  it.each(AWKWARD_IDS)('decodes the user id %j exactly once', async (userId) => {
    renderApp({ route: toUserOrganizations(userId) })

    // None of these users exist: the tenant's 404 proves the id reached it intact, and the
    // page names the id exactly as the admin asked for it.
    expect(await screen.findByRole('heading', { level: 1, name: userId })).toBeVisible()
    expect(await screen.findByRole('alert')).toHaveTextContent(`User id as sent: ${userId}`)
  })

  it('builds one encoded path segment per id', () => {
    expect(toUserOrganizations('samlp|acme-saml|jane@acme.com')).toBe(
      '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations',
    )
    expect(toUserOrganizations('a/b?c#d%e')).toBe('/users/a%2Fb%3Fc%23d%25e/organizations')
  })

  it('accepts an id typed into the address bar without encoding', async () => {
    renderApp({ route: '/users/auth0|42/organizations' })

    expect(await screen.findByRole('heading', { level: 1, name: 'auth0|42' })).toBeVisible()
  })

  it('explains a malformed encoding instead of crashing', async () => {
    renderApp({ route: '/users/auth0%7Cbad%E0%A4/organizations' })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This link does not name a valid user id')
    expect(within(alert).getByText('auth0%7Cbad%E0%A4')).toBeVisible()
    expect(within(alert).getByRole('link', { name: 'Find the user with search' })).toHaveAttribute(
      'href',
      '/',
    )
  })

  it('shows "Page not found" with a way back for an unknown address', async () => {
    const { user } = renderApp({ route: '/nope/nothing-here' })

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible()

    await user.click(screen.getByRole('link', { name: 'Back to search' }))

    expect(await screen.findByRole('heading', { name: 'Find a user' })).toBeVisible()
  })
})
