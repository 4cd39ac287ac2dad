import { Hono } from 'hono'
import type { TenantContext } from '../context'

// Placeholder: GET /users, /users/:id, /users/:id/organizations land here.
export function managementRoutes(_context: TenantContext): Hono {
  return new Hono()
}
