/** What an incoming X-Request-Id may look like to be kept: a UUID, a trace id, nothing more. */
const WELL_FORMED = /^[A-Za-z0-9._:+/=-]{1,128}$/

/**
 * The id that ties a response to its audit line: the caller's (a load balancer's or the SPA's)
 * when it is well formed, else a fresh UUID.
 */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get('X-Request-Id')
  return incoming !== null && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID()
}
