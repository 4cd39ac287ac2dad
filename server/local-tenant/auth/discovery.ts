import type { Context } from 'hono'
import { issuerOf } from '../config'
import type { TenantContext } from '../context'

/** GET /.well-known/jwks.json: the public half of the signing key, for anyone verifying tokens. */
export function handleJwks(c: Context, context: TenantContext): Response {
  return c.json({ keys: [context.key.publicJwk] })
}

/** GET /.well-known/openid-configuration, with absolute URLs on this tenant's origin. */
export function handleOpenIdConfiguration(c: Context, context: TenantContext): Response {
  const { origin } = context.config
  return c.json({
    issuer: issuerOf(context.config),
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    userinfo_endpoint: `${origin}/userinfo`,
    jwks_uri: `${origin}/.well-known/jwks.json`,
    end_session_endpoint: `${origin}/v2/logout`,
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'web_message'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: [
      ...['iss', 'sub', 'aud', 'iat', 'exp', 'auth_time', 'nonce', 'sid'],
      ...['name', 'nickname', 'picture', 'email', 'email_verified'],
    ],
  })
}
