import { errors, jwtVerify, type JWTPayload } from 'jose'
import { issuerOf, managementAudienceOf } from '../config'
import type { TenantContext } from '../context'
import {
  type Auth0Error,
  badAudience,
  expiredToken,
  insufficientScope,
  invalidSignature,
  invalidToken,
  missingAuthentication,
} from './errors'

/** Who is calling, once the bearer token has been checked. */
export interface Principal {
  subject: string
  /** The token's `azp`: the application calling, which is what rate limits count. */
  clientId: string
  scopes: ReadonlySet<string>
  /** The token's `iat` (seconds since the epoch), if it has one. */
  issuedAt: number | undefined
}

const BEARER = /^Bearer +(\S+) *$/i

/**
 * Checks `Authorization: Bearer <jwt>` the way the Management API does: RS256 signed by the
 * tenant's key, unexpired, for the Management API audience, from the tenant's issuer. Throws a
 * Auth0Error carrying Auth0's message for whichever check failed first.
 */
export async function authenticate(
  request: Request,
  context: Pick<TenantContext, 'config' | 'key' | 'now'>,
): Promise<Principal> {
  const token = BEARER.exec(request.headers.get('Authorization') ?? '')?.[1]
  if (token === undefined) throw missingAuthentication()

  let payload: JWTPayload
  try {
    // The clock is the tenant's, so tests that move `now` also move token expiry.
    ;({ payload } = await jwtVerify(token, context.key.publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(context.now()),
    }))
  } catch (error) {
    throw verificationError(error)
  }

  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? [])
  if (audiences.length === 0) throw invalidToken()
  if (!audiences.includes(managementAudienceOf(context.config))) {
    throw badAudience(audiences)
  }
  if (payload.iss !== issuerOf(context.config) || typeof payload.sub !== 'string') {
    throw invalidToken()
  }
  const scope = typeof payload.scope === 'string' ? payload.scope : ''
  return {
    subject: payload.sub,
    clientId: typeof payload.azp === 'string' ? payload.azp : payload.sub,
    scopes: new Set(scope.split(' ').filter((s) => s.length > 0)),
    issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
  }
}

function verificationError(error: unknown): Auth0Error {
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalidSignature()
  if (error instanceof errors.JWTExpired) return expiredToken()
  // Not a JWT, not JSON, alg other than RS256, nbf in the future: all "Invalid token" to Auth0.
  return invalidToken()
}

export function requireScope(principal: Principal, scope: string): void {
  if (!principal.scopes.has(scope)) throw insufficientScope(scope)
}
