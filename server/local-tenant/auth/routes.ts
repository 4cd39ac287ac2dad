import { Hono } from 'hono'
import type { TenantContext } from '../context'

// Placeholder: /authorize, /oauth/token, /.well-known/*, /userinfo, /v2/logout land here.
export function authRoutes(_context: TenantContext): Hono {
  return new Hono()
}
