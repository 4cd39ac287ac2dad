import { Hono } from 'hono'
import { API_BASE_PATH } from '../shared/management-routes'
import { cors } from 'hono/cors'
import { authRoutes } from './auth/routes'
import type { TenantConfig } from './config'
import type { TenantContext } from './context'
import { createSigningKey } from './keys'
import { faultControlRoutes } from './management/fault-control'
import { createFaults } from './management/faults'
import { createMembershipChanges } from './management/membership-changes'
import { membershipControlRoutes } from './management/membership-control'
import { managementRoutes } from './management/routes'
import { seedTenantData } from './seed/seed'
import { signAccessToken, type AccessTokenRequest } from './tokens'

export interface LocalTenant extends TenantContext {
  app: Hono
  /** Web-standard entry point: serve it with @hono/node-server, or hand it to MSW in tests. */
  fetch: (request: Request) => Promise<Response>
  /** Mints a token exactly as /oauth/token would, for tests that skip the sign-in dance. */
  mintAccessToken: (request: AccessTokenRequest) => Promise<string>
}

export interface LocalTenantOptions {
  now?: () => number
  /**
   * Fault switches (`tenant.faults`) for tests. Off by default: the tenant then behaves exactly
   * as documented. `faultControl` also serves them over HTTP at /__faults (fault-control.ts),
   * for end-to-end tests that run the tenant in another process; it implies `faults`.
   */
  faults?: boolean
  faultControl?: boolean
  /**
   * Serves /__faults/memberships alone (management/membership-control.ts): memberships added
   * and removed over HTTP, never from a web page. `npm start` turns it on, so a person can change
   * a membership and see the difference; `faultControl` implies it.
   */
  membershipControl?: boolean
}

export async function createLocalTenant(
  config: TenantConfig,
  options: LocalTenantOptions = {},
): Promise<LocalTenant> {
  const now = options.now ?? Date.now
  const withFaults = options.faults === true || options.faultControl === true
  const context: TenantContext = {
    config,
    key: await createSigningKey(),
    data: seedTenantData(),
    now,
    ...(withFaults && { faults: createFaults({ config, now }) }),
  }
  const allowedOrigins = new Set(config.clients.flatMap((client) => client.allowedOrigins))

  const app = new Hono()
  app.use(
    '*',
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      // auth0-spa-js sends Auth0-Client on /oauth/token; the API calls carry a bearer token.
      allowHeaders: ['Authorization', 'Content-Type', 'Auth0-Client'],
      // Without these the browser hides the rate-limit headers from the SPA.
      exposeHeaders: [
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'Retry-After',
      ],
      maxAge: 600,
    }),
  )
  if (options.faultControl && context.faults) {
    app.route(
      '/__faults',
      faultControlRoutes(context.faults, now, createMembershipChanges(context)),
    )
  } else if (options.membershipControl) {
    app.route('/__faults/memberships', membershipControlRoutes(createMembershipChanges(context)))
  }
  app.route(API_BASE_PATH, managementRoutes(context))
  app.route('/', authRoutes(context))

  return {
    ...context,
    // The data as it is now: membership changes replace context.data (membership-changes.ts).
    get data() {
      return context.data
    },
    app,
    fetch: async (request) => app.fetch(request),
    mintAccessToken: (request) => signAccessToken(config, context.key, request),
  }
}
