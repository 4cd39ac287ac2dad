import type { Context } from 'hono'
import type { TenantClient } from '../config'
import type { AuthContext } from './auth-context'
import { readBodyParams } from './body-params'
import { clientSecretAccepted, findClient } from './credentials'
import { OAuthError, unauthorizedClient } from './oauth-error'
import { noStore } from './pages'
import { authorizationCodeGrant, clientCredentialsGrant, refreshTokenGrant } from './token-grants'

const GRANTS = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
}

function isGrantType(value: string): value is keyof typeof GRANTS {
  return Object.hasOwn(GRANTS, value)
}

/** POST /oauth/token: authenticates the client, then hands the request to its grant. */
export async function handleToken(c: Context, context: AuthContext): Promise<Response> {
  noStore(c)
  try {
    const params = await readBodyParams(c)
    if (!params) throw new OAuthError(400, 'invalid_request', 'The request body is not valid JSON.')
    const grantType = params.get('grant_type')
    if (!grantType) {
      throw new OAuthError(400, 'invalid_request', 'Missing required parameter: grant_type')
    }
    if (!isGrantType(grantType)) {
      throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`)
    }
    const client = authenticateClient(context, params, c.req.header('authorization'))
    return c.json(await GRANTS[grantType](context, client, params))
  } catch (error) {
    if (error instanceof OAuthError) return c.json(error.body, error.status)
    throw error
  }
}

/** Client credentials from the body (client_secret_post) or an HTTP Basic header (client_secret_basic). */
function authenticateClient(
  context: AuthContext,
  params: URLSearchParams,
  authorization: string | undefined,
): TenantClient {
  const basic = basicCredentials(authorization)
  const clientId = params.get('client_id') ?? basic?.id
  if (basic && basic.id !== clientId) throw unauthorizedClient()
  const client = findClient(context.config, clientId)
  const secret = params.get('client_secret') ?? basic?.secret
  if (!client || !clientSecretAccepted(client, secret)) throw unauthorizedClient()
  return client
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header?.match(/^Basic\s+(\S+)$/i)?.[1]
  if (!encoded) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  // RFC 6749 §2.3.1: both halves are form-urlencoded before being joined.
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '))
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) }
  } catch {
    return undefined
  }
}
