/**
 * Whether auth0-spa-js's "signed in" marker is set: the cookie `auth0.<client id>.is.authenticated`
 * (a flag, never a token) that the SDK keeps while the admin is signed in. The SDK removes it when
 * the admin signs out, and when a silent sign-in finds the tenant's session gone. Read before the
 * SDK's session check, then "signed out after it" means the session ended, not a first visit.
 */
export function hasSignedInMarker(clientId: string): boolean {
  const name = `auth0.${clientId}.is.authenticated=`
  return document.cookie.split(';').some((cookie) => cookie.trim().startsWith(name))
}
