import { ADMIN_EMAIL_CLAIM } from '../../shared/admin-claims'
import { DASHBOARD_API_AUDIENCE } from '../config'
import { signAccessToken } from '../tokens'
import type { AuthContext } from './auth-context'
import { scopeForAdmin } from './audiences'
import type { Authorization } from './authorization'
import { secondsOf } from './clock'
import { findAdmin } from './credentials'
import { signIdToken } from './id-token'
import { invalidGrant } from './oauth-error'

export interface TokenResponse {
  access_token: string
  id_token?: string
  refresh_token?: string
  scope: string
  expires_in: number
  token_type: 'Bearer'
}

/**
 * Mints an admin's tokens from what they authorized. Permissions are looked up now, not at
 * sign-in, so a refresh reflects the admin's current grants. An ID token only with `openid`.
 */
export async function issueUserTokens(
  context: AuthContext,
  authorization: Authorization,
): Promise<TokenResponse> {
  const { config, key } = context
  const admin = findAdmin(config, authorization.sub)
  if (!admin) throw invalidGrant('The user no longer exists.')
  const granted = scopeForAdmin(config, admin, authorization.audience, authorization.scope)
  if (!granted) throw invalidGrant(`Service not found: ${authorization.audience}`)

  const issuedAt = secondsOf(context.now())
  const accessToken = await signAccessToken(config, key, {
    sub: admin.sub,
    clientId: authorization.clientId,
    ...granted,
    ...(authorization.audience === DASHBOARD_API_AUDIENCE && {
      claims: { [ADMIN_EMAIL_CLAIM]: admin.email },
    }),
    issuedAt,
  })
  const idToken = authorization.scope.includes('openid')
    ? await signIdToken(context, admin, authorization, issuedAt)
    : undefined
  return {
    access_token: accessToken,
    ...(idToken !== undefined && { id_token: idToken }),
    scope: granted.scope.join(' '),
    expires_in: config.accessTokenTtlSeconds,
    token_type: 'Bearer',
  }
}
