import { SignJWT } from 'jose'
import { issuerOf, type TenantAdmin } from '../config'
import type { TenantContext } from '../context'
import type { Authorization } from './authorization'
import { profileClaims } from './profile-claims'

// Auth0's default ID token lifetime: 36000 s.
const ID_TOKEN_TTL_SECONDS = 36_000

/**
 * The ID token auth0-spa-js validates: RS256 with our kid, iss `${origin}/`, aud the client,
 * the nonce it sent to /authorize, and the profile claims its scope allows.
 */
export function signIdToken(
  context: Pick<TenantContext, 'config' | 'key'>,
  admin: TenantAdmin,
  authorization: Authorization,
  issuedAt: number,
): Promise<string> {
  return new SignJWT({
    ...profileClaims(admin, authorization.scope),
    sid: authorization.sid,
    auth_time: authorization.authTime,
    ...(authorization.nonce !== undefined && { nonce: authorization.nonce }),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: context.key.kid })
    .setIssuer(issuerOf(context.config))
    .setSubject(admin.sub)
    .setAudience(authorization.clientId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ID_TOKEN_TTL_SECONDS)
    .sign(context.key.privateKey)
}
