import type { Context } from 'hono'
import { jwtVerify } from 'jose'
import { issuerOf } from '../config'
import type { TenantContext } from '../context'
import { parseScope } from './audiences'
import { findAdmin } from './credentials'
import { profileClaims } from './profile-claims'

/** GET /userinfo: the profile behind a valid access token, limited to what its scope allows. */
export async function handleUserinfo(c: Context, context: TenantContext): Promise<Response> {
  const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  const claims = token === undefined ? undefined : await verifiedClaims(context, token)
  const admin = claims?.sub === undefined ? undefined : findAdmin(context.config, claims.sub)
  if (!claims || !admin) {
    c.header('WWW-Authenticate', 'Bearer error="invalid_token"')
    return c.text('Unauthorized', 401)
  }
  const scope = parseScope(typeof claims.scope === 'string' ? claims.scope : '')
  return c.json({ sub: admin.sub, ...profileClaims(admin, scope) })
}

async function verifiedClaims(context: TenantContext, token: string) {
  try {
    const { payload } = await jwtVerify(token, context.key.publicKey, {
      issuer: issuerOf(context.config),
      algorithms: ['RS256'],
      currentDate: new Date(context.now()),
    })
    return payload
  } catch {
    return undefined
  }
}
