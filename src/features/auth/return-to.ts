import type { AppState } from '@auth0/auth0-react'

/** Query parameters the authorization server appends to redirect_uri; never part of a deep link. */
const AUTH_RESPONSE_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri']

/**
 * The deep link to come back to after sign-in: the current path and query, minus any leftovers of
 * a failed sign-in (`?error=access_denied&state=…`) so retrying does not carry them around.
 * `search` is raw (still encoded, without the `?`); it is only rebuilt when something is removed,
 * so an untouched query keeps its exact encoding.
 */
export function returnToFor(path: string, search: string): string {
  const params = new URLSearchParams(search)
  const leftovers = AUTH_RESPONSE_PARAMS.filter((name) => params.has(name))
  if (leftovers.length === 0) return search ? `${path}?${search}` : path
  for (const name of leftovers) params.delete(name)
  const rest = params.toString()
  return rest ? `${path}?${rest}` : path
}

/**
 * `appState.returnTo` comes back through the authorization server and the URL: treat it as
 * untrusted. Only a path on our own origin is followed — `https://evil.example`, `//evil.example`
 * and `/\evil.example` (which browsers read as `//`) all land on `/` instead.
 */
export function safeReturnTo(returnTo: unknown, origin: string): string {
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(returnTo, origin)
  } catch {
    return '/'
  }
  if (url.origin !== origin) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * auth0-react calls this after it has exchanged the code. Replacing (not pushing) the history
 * entry removes `?code=…&state=…` from the address bar and from Back; wouter listens to
 * replaceState, so the router follows. Module-level, so its identity never changes (auth0-react
 * re-creates its init callback when it does).
 */
export function onRedirectCallback(appState?: AppState): void {
  const target = safeReturnTo(appState?.returnTo, window.location.origin)
  window.history.replaceState(null, '', target)
}
