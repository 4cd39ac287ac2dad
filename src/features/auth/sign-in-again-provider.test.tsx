import { OAuthError } from '@auth0/auth0-react'
import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ApiErrorAlert, SignInAgainFailure } from '@/components/api-error-alert'
import { renderWithProviders } from '@/testing/render'

/** A page as the routes lay one out: where "Sign in again" failures show, then its own failure. */
function Page() {
  return (
    <>
      <SignInAgainFailure />
      <ApiErrorAlert error={new OAuthError('login_required', 'Login required')} />
    </>
  )
}

const CANNOT_START = 'crypto.subtle is not available'

describe('SignInAgainProvider', () => {
  it('gives every alert below it "Sign in again", back to the page the admin is on', async () => {
    const { user, auth } = renderWithProviders(<Page />, { route: '/?q=jane' })

    const alert = screen.getByRole('alert', { name: 'Your session is no longer accepted' })
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }))

    expect(auth.loginWithRedirect).toHaveBeenCalledExactlyOnceWith({
      appState: { returnTo: '/?q=jane' },
    })
  })

  it('shows why sign-in could not start on the page it was tried from, and not on the next', async () => {
    const { user, auth, location } = renderWithProviders(<Page />, { route: '/?q=jane' })
    auth.loginWithRedirect.mockRejectedValueOnce(new Error(CANNOT_START))

    await user.click(screen.getByRole('button', { name: 'Sign in again' }))
    expect(await screen.findByText(CANNOT_START)).toBeInTheDocument()

    act(() => location.navigate('/?q=ada'))
    expect(screen.getByText(CANNOT_START)).toBeInTheDocument()

    act(() => location.navigate('/review'))
    expect(screen.queryByText(CANNOT_START)).not.toBeInTheDocument()
  })
})
