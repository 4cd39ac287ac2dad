import { createContext, use } from 'react'

/**
 * "Sign in again" after the session was refused (a 401, a token the SDK cannot renew): through
 * the tenant and back to the page the admin is on. The auth feature provides it once for the
 * signed-in app; every ApiErrorAlert reads it here, so no page hands it down to its alerts.
 */
export interface SignInAgain {
  /** Absent outside the signed-in app: the alert then offers no "Sign in again". */
  signInAgain?: () => void
  /**
   * Why the last "Sign in again" failed before it left the page (no WebCrypto on plain http, a
   * blocked redirect), for the page to show; dropped when the admin goes to another page.
   */
  signInError?: unknown
}

export const SignInAgainContext = createContext<SignInAgain>({})

export function useSignInAgain(): SignInAgain {
  return use(SignInAgainContext)
}
