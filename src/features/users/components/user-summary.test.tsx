import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { User } from '@/lib/management-api/schemas'
import { renderWithProviders } from '@/testing/render'
import { UserSummary, UserSummarySkeleton } from './user-summary'

const jane: User = {
  user_id: 'samlp|acme-saml|jane@acme.com',
  email: 'jane@acme.com',
  email_verified: true,
  name: 'Jane Acme',
  picture: 'https://s.gravatar.com/avatar/abc.png',
  identities: [{ connection: 'acme-saml', provider: 'samlp', user_id: 'jane@acme.com' }],
  last_login: '2025-06-27T12:00:00.000Z',
}

describe('UserSummary', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the name as a heading, the email, the id, the connection and the last login', () => {
    // Only the clock is faked, so "3 days ago" does not depend on the day the test runs.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-06-30T12:00:00.000Z') })
    renderWithProviders(<UserSummary user={jane} />)

    expect(screen.getByRole('heading', { level: 2, name: 'Jane Acme' })).toBeInTheDocument()
    expect(screen.getByText('jane@acme.com')).toBeInTheDocument()
    expect(screen.getByText('samlp|acme-saml|jane@acme.com')).toBeInTheDocument()
    expect(screen.getByText(/acme-saml · samlp/)).toBeInTheDocument()
    const lastLogin = screen.getByText('3 days ago')
    expect(lastLogin).toHaveAttribute('dateTime', '2025-06-27T12:00:00.000Z')
    expect(screen.getByText(/Last login/)).toHaveTextContent(/\(Jun 27, 2025, .*\)/)
    expect(screen.queryByText('Blocked')).not.toBeInTheDocument()
  })

  it('loads an https picture', () => {
    renderWithProviders(<UserSummary user={jane} />)

    expect(screen.getByRole('presentation')).toHaveAttribute('src', jane.picture)
  })

  it.each([
    ['plain http', 'http://images.example.com/a.png'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no picture', undefined],
  ])('shows initials instead of %s', (_label, picture) => {
    renderWithProviders(<UserSummary user={{ ...jane, picture }} />)

    expect(screen.queryByRole('presentation')).not.toBeInTheDocument()
    expect(screen.getByText('JA')).toBeInTheDocument()
  })

  it('copies the exact user id', async () => {
    const { user } = renderWithProviders(<UserSummary user={jane} />)

    await user.click(screen.getByRole('button', { name: 'Copy user id' }))

    expect(await navigator.clipboard.readText()).toBe(jane.user_id)
    expect(await screen.findByText('User id copied')).toBeInTheDocument()
  })

  it('marks a blocked user who never signed in', () => {
    renderWithProviders(<UserSummary user={{ ...jane, last_login: undefined, blocked: true }} />)

    expect(screen.getByText('Blocked')).toBeInTheDocument()
    expect(screen.getByText('Never logged in')).toBeInTheDocument()
  })

  it('renders tenant strings as text, never as markup', () => {
    renderWithProviders(
      <UserSummary user={{ ...jane, name: '<img src=x onerror=alert(1)>', email: undefined }} />,
    )

    expect(
      screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }),
    ).toBeInTheDocument()
  })

  it('falls back to the email, then the id, when there is no name', () => {
    renderWithProviders(<UserSummary user={{ user_id: 'auth0|x' }} titleOrder={1} />)

    expect(screen.getByRole('heading', { level: 1, name: 'auth0|x' })).toBeInTheDocument()
    expect(screen.getByText(/^auth0 ·/)).toHaveTextContent('auth0 · Never logged in')
  })
})

describe('UserSummarySkeleton', () => {
  it('tells assistive technology the user is loading', () => {
    renderWithProviders(<UserSummarySkeleton />)

    expect(screen.getByRole('status', { name: 'Loading user' })).toBeInTheDocument()
  })
})
