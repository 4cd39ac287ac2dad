import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose'
import {
  badAudience,
  expiredToken,
  invalidSignature,
  invalidToken,
  missingAuthentication,
  signingKeysUnavailable,
  upstreamTimeout,
  type Auth0Error,
} from './auth0-errors'
import { ADMIN_EMAIL_CLAIM } from '../shared/admin-claims'
import type { TenantEndpoints } from './config'
import type { Fetch } from './fetch'

/** The admin behind a checked token. */
export interface Admin {
  sub: string
  /** Only if the token carries one (Auth0 access tokens do only through an Action). */
  email: string | undefined
  /**
   * The `permissions` claim, which Auth0 RBAC fills from the admin's roles; undefined when the
   * token has none (RBAC or "Add Permissions in the Access Token" is off on Orgscope's API).
   * Never `scope`: it lists what the SPA asked for, which Auth0 grants unchecked when RBAC is off.
   */
  permissions: ReadonlySet<string> | undefined
}

/** Checks an `Authorization` header value; throws an Auth0Error saying what was wrong. */
export type AdminTokenCheck = (authorization: string | null) => Promise<Admin>

/** Where the email may be: the OIDC claim, or the namespaced custom claim an Action adds. */
const EMAIL_CLAIMS = ['email', ADMIN_EMAIL_CLAIM] as const

/** Refetch the key set for an unknown `kid` at most this often (a flood of forged kids costs one fetch). */
const JWKS_COOLDOWN_MS = 30_000
/** Keys are refetched after this long even if every kid is known, so a revoked key goes away. */
const JWKS_MAX_AGE_MS = 10 * 60_000

const BEARER = /^Bearer +(\S+) *$/i

/**
 * The tenant's signing keys, from its JWKS: cached, fetched again for an unknown kid (with a
 * cooldown) and once they are older than JWKS_MAX_AGE_MS. One per proxy: admin tokens are
 * checked against it, and readiness asks whether it can be had (readiness.ts).
 */
export type TenantKeySet = ReturnType<typeof createRemoteJWKSet>

export function createTenantKeySet(options: {
  tenant: Pick<TenantEndpoints, 'jwksUri'>
  fetch: Fetch
  timeoutMs: number
}): TenantKeySet {
  return createRemoteJWKSet(new URL(options.tenant.jwksUri), {
    [customFetch]: (url, init) => options.fetch(new Request(url, init)),
    timeoutDuration: options.timeoutMs,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
  })
}

/**
 * Checks admins' access tokens as the Management API would check its own: RS256 only, signed by
 * a key in the tenant's key set, unexpired by `now`, for our API's audience, from the tenant's
 * issuer.
 */
export function createAdminTokenCheck(options: {
  tenant: Pick<TenantEndpoints, 'issuer'>
  audience: string
  keys: TenantKeySet
  now: () => number
  timeoutMs: number
}): AdminTokenCheck {
  return async (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1]
    if (token === undefined) throw missingAuthentication()

    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ['RS256'],
        currentDate: new Date(options.now()),
      }))
    } catch (error) {
      throw verificationError(error, options.timeoutMs)
    }

    // Checked here rather than by jwtVerify, to answer with the Management API's own messages.
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? [])
    if (audiences.length === 0) throw invalidToken()
    if (!audiences.includes(options.audience)) throw badAudience(audiences)
    if (payload.iss !== options.tenant.issuer || typeof payload.sub !== 'string') {
      throw invalidToken()
    }
    return { sub: payload.sub, email: emailOf(payload), permissions: permissionsOf(payload) }
  }
}

function emailOf(payload: JWTPayload): string | undefined {
  for (const claim of EMAIL_CLAIMS) {
    const value = payload[claim]
    if (typeof value === 'string' && value !== '') return value
  }
  return undefined
}

function permissionsOf(payload: JWTPayload): ReadonlySet<string> | undefined {
  if (!Array.isArray(payload.permissions)) return undefined
  return new Set(payload.permissions.filter((p): p is string => typeof p === 'string'))
}

/** The token's fault → 401 as Auth0 words it; the key set's fault → 502 or 504. */
function verificationError(error: unknown, timeoutMs: number): Auth0Error {
  if (error instanceof errors.JWTExpired) return expiredToken()
  // A kid the tenant does not publish is a signature no key of the tenant made.
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return invalidSignature()
  }
  if (error instanceof errors.JWKSTimeout) return upstreamTimeout(timeoutMs)
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWTClaimValidationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    // Not a JWT, not JSON, an alg other than RS256, nbf in the future: "Invalid token" to Auth0.
    return invalidToken()
  }
  // The key set could not be fetched or read: not the admin's fault.
  return signingKeysUnavailable()
}
