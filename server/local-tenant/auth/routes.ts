import { Hono } from 'hono'
import type { TenantContext } from '../context'
import { createAuthContext } from './auth-context'
import { handleAuthorize } from './authorize'
import { handleJwks, handleOpenIdConfiguration } from './discovery'
import { handleLogin } from './login'
import { LOGIN_PATH } from './login-page'
import { handleLogout } from './logout'
import { handleToken } from './token-endpoint'
import { handleUserinfo } from './userinfo'

/** The Authentication API half of the local tenant: every endpoint auth0-spa-js and the proxy use. */
export function authRoutes(tenant: TenantContext): Hono {
  const context = createAuthContext(tenant)
  return new Hono()
    .get('/.well-known/jwks.json', (c) => handleJwks(c, context))
    .get('/.well-known/openid-configuration', (c) => handleOpenIdConfiguration(c, context))
    .get('/authorize', (c) => handleAuthorize(c, context))
    .post(LOGIN_PATH, (c) => handleLogin(c, context))
    .post('/oauth/token', (c) => handleToken(c, context))
    .get('/userinfo', (c) => handleUserinfo(c, context))
    .get('/v2/logout', (c) => handleLogout(c, context))
}
