/**
 * The one reading of an Auth0 domain setting (VITE_AUTH0_DOMAIN, AUTH0_DOMAIN) and of an origin,
 * for the SPA's config, vite.config.ts and the proxy. It lives in src/lib because the SPA may not
 * import server/, while the proxy may import a module that, like this one, is pure: no imports, no
 * DOM, only the URL global both Node and browsers have.
 */

export type Parsed<T> = T | { problem: string }

export interface TenantDomain {
  /** What auth0-react gets: the bare host as given (the SDK adds https://), or the origin. */
  domain: string
  /** e.g. `https://travel0.us.auth0.com` or `http://127.0.0.1:4010`: no trailing slash. */
  origin: string
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
const BARE_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i

/**
 * `travel0.us.auth0.com` (https implied, as auth0-spa-js does) or a full origin like
 * `http://127.0.0.1:4010`, trailing slashes ignored. Anything with a path, query or credentials is
 * a mistake worth naming: the SDK would silently build wrong URLs from it.
 */
export function parseTenantDomain(raw: string): Parsed<TenantDomain> {
  const value = raw.trim().replace(/\/+$/, '')
  if (SCHEME.test(value)) {
    const origin = parseOrigin(value)
    return typeof origin === 'string' ? { domain: origin, origin } : origin
  }
  try {
    if (BARE_HOST.test(value)) return { domain: value, origin: new URL(`https://${value}`).origin }
  } catch {
    // A port out of range: worded as any other malformed host.
  }
  return {
    problem: 'must be a host like "travel0.us.auth0.com" or an origin like "http://127.0.0.1:4010"',
  }
}

/** The tenant's origin, or undefined if the setting is not one `parseTenantDomain` accepts. */
export function originOfDomain(raw: string): string | undefined {
  const parsed = parseTenantDomain(raw)
  return 'origin' in parsed ? parsed.origin : undefined
}

/** `value` if it is exactly an http(s) origin (scheme://host[:port], at most a trailing slash). */
export function parseOrigin(value: string): Parsed<string> {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { problem: 'is not a valid URL' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `must use https:// or http://, not ${url.protocol}//` }
  }
  // The origin, not the raw value: no trailing slash, or the SDK's `${domain}/authorize` breaks.
  if (value.toLowerCase().replace(/\/$/, '') !== url.origin) {
    return { problem: `must be a bare host or an origin without a path, e.g. "${url.origin}"` }
  }
  return url.origin
}
