import { useAuth0 } from '@auth0/auth0-react'
import { useState } from 'react'
import { useReturnTo } from './use-return-to'

/**
 * "Sign in again" for a 401: through the tenant and back to this very page. loginWithRedirect can
 * fail before it leaves the page (no WebCrypto on plain http, a blocked redirect): that failure is
 * returned for the page to show, not swallowed.
 */
export function useSignInAgain(): { signInAgain: () => void; signInError: unknown } {
  const { loginWithRedirect } = useAuth0()
  const returnTo = useReturnTo()
  const [signInError, setSignInError] = useState<unknown>(undefined)
  const signInAgain = () => {
    setSignInError(undefined)
    loginWithRedirect({ appState: { returnTo } }).catch(setSignInError)
  }
  return { signInAgain, signInError }
}
