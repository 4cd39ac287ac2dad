import type { TenantClient } from '../config'
import { signAccessToken } from '../tokens'
import type { AuthContext } from './auth-context'
import { isKnownAudience, parseScope, scopeForClient } from './audiences'
import { secondsOf } from './clock'
import { invalidGrant, OAuthError } from './oauth-error'
import { verifierMatches } from './pkce'
import { issueUserTokens, type TokenResponse } from './user-tokens'

/** Redeems a one-time code: same client, same redirect_uri, and the verifier behind the challenge. */
export async function authorizationCodeGrant(
  context: AuthContext,
  client: TenantClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  // Taken before any check: a code that was presented once is spent, whatever the outcome.
  const code = context.codes.take(params.get('code'), context.now())
  if (!code || code.authorization.clientId !== client.clientId) {
    throw invalidGrant('Invalid authorization code')
  }
  if (code.redirectUri !== params.get('redirect_uri')) {
    throw invalidGrant('The redirect_uri does not match the one sent to /authorize.')
  }
  if (
    code.codeChallenge !== undefined &&
    !verifierMatches(params.get('code_verifier'), code.codeChallenge)
  ) {
    throw invalidGrant('Failed to verify code verifier')
  }
  const { authorization } = code
  const tokens = await issueUserTokens(context, authorization)
  if (!authorization.scope.includes('offline_access')) return tokens
  // The nonce belongs to that one sign-in; refreshed ID tokens carry none, as at Auth0.
  const kept = { ...authorization, nonce: undefined }
  return { ...tokens, refresh_token: context.refreshTokens.issue(kept, context.now()) }
}

/** Non-rotating refresh tokens (Auth0's default): reusable, the response carries no new one. */
export async function refreshTokenGrant(
  context: AuthContext,
  client: TenantClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  const authorization = context.refreshTokens.find(params.get('refresh_token'), context.now())
  if (!authorization || authorization.clientId !== client.clientId) {
    throw invalidGrant('Unknown or invalid refresh token.')
  }
  return issueUserTokens(context, authorization)
}

/** Machine-to-machine tokens for confidential clients, limited to their client grant. */
export async function clientCredentialsGrant(
  context: AuthContext,
  client: TenantClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  if (client.kind !== 'confidential') {
    throw new OAuthError(
      403,
      'unauthorized_client',
      "Grant type 'client_credentials' not allowed for the client.",
    )
  }
  const audience = params.get('audience')
  if (!audience) {
    throw new OAuthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    )
  }
  if (!isKnownAudience(context.config, audience)) {
    throw new OAuthError(403, 'access_denied', `Service not found: ${audience}`)
  }
  const granted = scopeForClient(context.config, client, audience, parseScope(params.get('scope')))
  if (!granted) {
    throw new OAuthError(
      403,
      'access_denied',
      `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API.`,
    )
  }
  const accessToken = await signAccessToken(context.config, context.key, {
    sub: `${client.clientId}@clients`,
    clientId: client.clientId,
    ...granted,
    issuedAt: secondsOf(context.now()),
  })
  return {
    access_token: accessToken,
    scope: granted.scope.join(' '),
    expires_in: context.config.accessTokenTtlSeconds,
    token_type: 'Bearer',
  }
}
