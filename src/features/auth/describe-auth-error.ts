export interface AuthErrorDescription {
  /** The OAuth error code when there is one (`access_denied`, `login_required`, …). */
  code: string | undefined
  /** The authorization server's own words, shown as text. */
  message: string
  /** What the admin can do about it. */
  nextStep: string
}

const NEXT_STEPS: Record<string, string> = {
  access_denied:
    'The tenant refused the sign-in (for example, consent was declined or a rule blocked it). ' +
    'If you should have access, ask a tenant owner to check your account, then try again.',
  login_required: 'Your session with the tenant has ended. Sign in again to continue.',
  consent_required:
    'Orgscope needs your consent to read users and organizations. Try again and accept.',
  // The SDK found no sign-in of ours to finish: the response was replayed (reload, Back) or the
  // sign-in began in another tab or browser.
  missing_transaction:
    'This sign-in response was already used or started elsewhere (for example after a reload). ' +
    'Sign in again from here.',
  state_mismatch: 'This sign-in response does not match the one Orgscope started. Sign in again.',
}

const DEFAULT_NEXT_STEP =
  'Try again. If it keeps failing, check that this page’s address is an allowed callback URL and ' +
  'web origin of the Orgscope application in your tenant.'

/**
 * auth0-spa-js errors carry the OAuth `error` code and `error_description` (as `message`);
 * anything else thrown during sign-in is described by its message alone.
 */
export function describeAuthError(error: Error): AuthErrorDescription {
  const code =
    'error' in error && typeof error.error === 'string' && error.error !== ''
      ? error.error
      : undefined
  const message = error.message.trim() !== '' ? error.message : (code ?? 'Sign-in failed.')
  return { code, message, nextStep: (code && NEXT_STEPS[code]) || DEFAULT_NEXT_STEP }
}
