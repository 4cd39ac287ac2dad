import { OAuthError } from '@auth0/auth0-react'
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderApp } from '@/testing/render'
import { SPA_CLIENT_ID } from '../../../server/local-tenant/config'

describe('signed out', () => {
  it('shows the product, what it does, and a "Sign in" button', async () => {
    renderApp({ signedInAs: null })

    expect(screen.getByRole('heading', { level: 1, name: 'Orgscope' })).toBeVisible()
    expect(screen.getByText(/see every organization they belong to/)).toBeVisible()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
    expect(screen.queryByRole('button', { name: /^Account/ })).not.toBeInTheDocument()
  })

  it('signs in with the deep link as returnTo, so the admin comes back to it', async () => {
    const deepLink = '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations?filter=acme'
    const { user, auth } = renderApp({ signedInAs: null, route: deepLink })

    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(auth.loginWithRedirect).toHaveBeenCalledExactlyOnceWith({
      appState: { returnTo: deepLink },
    })
  })

  it('shows an error from the tenant as an alert, with a retry that signs in again', async () => {
    const { user, auth, location } = renderApp({
      signedInAs: null,
      route: '/?error=access_denied&error_description=User%20did%20not%20consent&state=abc',
      auth: { error: new OAuthError('access_denied', 'User did not consent') },
    })

    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Sign-in did not complete')
    expect(alert).toHaveTextContent('access_denied')
    expect(alert).toHaveTextContent('User did not consent')
    expect(alert).toHaveTextContent(/ask a tenant owner/)
    // Read once; a reload must not replay it as "Invalid state".
    expect(location.history).toEqual(['/'])

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    // The failed attempt's ?error=…&state=… is not part of where the admin wanted to go.
    expect(auth.loginWithRedirect).toHaveBeenCalledExactlyOnceWith({ appState: { returnTo: '/' } })
  })

  it('explains when sign-in cannot even start', async () => {
    const { user, auth } = renderApp({ signedInAs: null })
    auth.loginWithRedirect.mockRejectedValueOnce(new Error('crypto.subtle is not available'))

    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('crypto.subtle is not available')
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  })
})

describe('when the session ended since the last visit', () => {
  const marker = `auth0.${SPA_CLIENT_ID}.is.authenticated`
  afterEach(() => {
    document.cookie = `${marker}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  })

  it('says the session has ended when the SDK had marked the admin signed in', () => {
    document.cookie = `${marker}=true; path=/`
    renderApp({ signedInAs: null })

    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended')
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  })

  it('greets a first visit (or a deliberate sign-out, which clears the mark) without it', () => {
    renderApp({ signedInAs: null })

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
    expect(screen.queryByText('Your session has ended')).not.toBeInTheDocument()
  })
})

describe('while the session is being checked', () => {
  it('shows a quiet loading state, neither the landing nor the app', () => {
    renderApp({ auth: { isLoading: true } })

    expect(screen.getByRole('status', { name: 'Checking your session' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument()
    expect(screen.queryByRole('banner')).not.toBeInTheDocument()
  })
})

describe('signed in', () => {
  it('shows the shell with the admin and the page', async () => {
    renderApp()

    expect(await screen.findByRole('heading', { name: 'Find a user' })).toBeVisible()
    expect(screen.getByRole('button', { name: 'Account: Ada Admin' })).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument()
  })
})
