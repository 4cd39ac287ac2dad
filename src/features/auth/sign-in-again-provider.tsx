import { useAuth0 } from '@auth0/auth0-react'
import { useMemo, useState, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import { SignInAgainContext } from '@/lib/sign-in-again'
import { useReturnTo } from './use-return-to'

/**
 * "Sign in again" for every alert below (`useSignInAgain`): loginWithRedirect back to this very
 * page. It can fail before it leaves the page (no WebCrypto on plain http, a blocked redirect):
 * that failure is handed to the page to show, not swallowed, and belongs to the page it happened
 * on.
 */
export function SignInAgainProvider({ children }: { children: ReactNode }) {
  const { loginWithRedirect } = useAuth0()
  const returnTo = useReturnTo()
  const [path] = useLocation()
  const [failed, setFailed] = useState<{ path: string; error: unknown }>()
  // Leaving the page drops its failure, as the page's own state would go with it.
  if (failed && failed.path !== path) setFailed(undefined)
  const value = useMemo(
    () => ({
      signInAgain: () => {
        setFailed(undefined)
        loginWithRedirect({ appState: { returnTo } }).catch((error: unknown) =>
          setFailed({ path, error }),
        )
      },
      signInError: failed?.error,
    }),
    [loginWithRedirect, returnTo, path, failed],
  )
  return <SignInAgainContext value={value}>{children}</SignInAgainContext>
}
