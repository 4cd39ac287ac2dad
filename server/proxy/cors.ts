import { errorResponse, originNotAllowed } from './auth0-errors'
import { API_SECURITY_HEADERS } from './security-headers'

/** Response headers a page on an allowed origin may read: the rate-limit UI needs them. */
const EXPOSED_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'X-Request-Id',
] as const

const PREFLIGHT_MAX_AGE_SECONDS = 600

/** What a page may send: the API's lookups (the default), or a countersign request. */
export interface PreflightAllowance {
  methods: string
  headers: string
}

const LOOKUP_PREFLIGHT: PreflightAllowance = {
  methods: 'GET',
  headers: 'Authorization, X-Request-Id',
}

/** The one POST (app.ts, countersigner.ts), whose JSON body makes the browser ask first. */
export const COUNTERSIGN_PREFLIGHT: PreflightAllowance = {
  methods: 'POST',
  headers: 'Authorization, Content-Type, X-Request-Id',
}

/** A preflight's answer depends on what it asks as well as on who asks. */
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'

export interface Cors {
  /**
   * The CORS headers for an answer to `request`: none unless its origin is allowed, but always
   * Vary. An OPTIONS request's answer (a preflight's, or an error in its place) gets the
   * preflight's Vary and no Expose-Headers, so the common exit cannot undo `preflight`'s headers.
   */
  headersFor: (request: Request) => Record<string, string>
  /** The answer to an OPTIONS request, allowing the lookups' GET unless told otherwise. */
  preflight: (request: Request, allowance?: PreflightAllowance) => Response
}

/**
 * CORS for the configured origins only. Bearer tokens, not cookies, so credentials are never
 * allowed; the only method is GET and the only request headers are the token and a request id,
 * but on the countersign path (POST with a JSON body).
 */
export function createCors(allowedOrigins: readonly string[]): Cors {
  const allowed = new Set(allowedOrigins)
  const originOf = (request: Request): string | undefined => {
    const origin = request.headers.get('Origin')
    return origin !== null && allowed.has(origin) ? origin : undefined
  }

  return {
    headersFor(request): Record<string, string> {
      const origin = originOf(request)
      // Vary either way: a cache must not hand one origin's answer to another.
      if (request.method === 'OPTIONS') {
        return origin === undefined
          ? { Vary: PREFLIGHT_VARY }
          : { 'Access-Control-Allow-Origin': origin, Vary: PREFLIGHT_VARY }
      }
      if (origin === undefined) return { Vary: 'Origin' }
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
        Vary: 'Origin',
      }
    },
    preflight(request, allowance = LOOKUP_PREFLIGHT) {
      const origin = originOf(request)
      if (origin === undefined)
        return errorResponse(originNotAllowed(request.headers.get('Origin')))
      return new Response(null, {
        status: 204,
        headers: {
          ...API_SECURITY_HEADERS,
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': allowance.methods,
          'Access-Control-Allow-Headers': allowance.headers,
          'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
          Vary: PREFLIGHT_VARY,
        },
      })
    },
  }
}
