/** The origin of an absolute http(s) URL without credentials; undefined for anything else. */
export function httpOriginOf(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  if (parsed.username !== '' || parsed.password !== '') return undefined
  return parsed.origin
}

/**
 * Whether `url` lives on one of `allowedOrigins`. Parsed origins are compared, never string
 * prefixes: `http://app.test.evil.example/` and `http://app.test@evil.example/` both start with
 * `http://app.test` yet belong to someone else.
 */
export function isOnAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = httpOriginOf(url)
  return origin !== undefined && allowedOrigins.some((allowed) => httpOriginOf(allowed) === origin)
}
