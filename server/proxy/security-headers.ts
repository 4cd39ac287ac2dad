/**
 * Security headers. Every response gets `nosniff` and `no-referrer`; API answers (JSON, and the
 * upstream's bodies relayed as they are, which may be an HTML error page) also get `no-store`
 * and a CSP that lets them do nothing if a browser ever renders one. The SPA gets its own CSP.
 */

export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
}

/**
 * The SPA's policy. Scripts only from us (Vite builds no inline script). Styles also inline:
 * Mantine sets style attributes. Images from us or any https: host (organization logos), never
 * data: (a hostile logo). The tenant is called (tokens, /userinfo), framed (silent sign-in's
 * hidden iframe) and posted to (its login form) — nothing else is, but the API: `'self'` when the
 * proxy serves the SPA beside it, its origin when it lives elsewhere (`vite preview`).
 */
export function spaContentSecurityPolicy(tenantOrigin: string, apiSource = "'self'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https:",
    `connect-src ${[...new Set([apiSource, tenantOrigin])].join(' ')}`,
    `frame-src ${tenantOrigin}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action 'self' ${tenantOrigin}`,
  ].join('; ')
}

export function spaSecurityHeaders(
  tenantOrigin: string,
  apiSource?: string,
): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy': spaContentSecurityPolicy(tenantOrigin, apiSource),
  }
}
