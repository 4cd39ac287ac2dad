import { SignJWT } from 'jose'
import { issuerOf, type TenantConfig } from './config'
import type { SigningKey } from './keys'

export interface AccessTokenRequest {
  sub: string
  clientId: string
  audience: string
  scope: string[]
  permissions?: string[]
  /** Custom claims, as an Auth0 Action adds them (namespaced). */
  claims?: Record<string, string>
  /** Seconds since the epoch; defaults to now. Tests pass a past time to mint expired tokens. */
  issuedAt?: number
  ttlSeconds?: number
}

/** Mints an RS256 access token shaped like Auth0's (iss, sub, aud, azp, exp, iat, scope, permissions). */
export async function signAccessToken(
  config: TenantConfig,
  key: SigningKey,
  request: AccessTokenRequest,
): Promise<string> {
  const iat = request.issuedAt ?? Math.floor(Date.now() / 1000)
  const ttl = request.ttlSeconds ?? config.accessTokenTtlSeconds
  return new SignJWT({
    azp: request.clientId,
    scope: request.scope.join(' '),
    ...(request.permissions ? { permissions: request.permissions } : {}),
    ...request.claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(issuerOf(config))
    .setSubject(request.sub)
    .setAudience(request.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(key.privateKey)
}
