import { http, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { createLocalTenant } from '../../server/local-tenant/app'
import { defaultTenantConfig, managementAudienceOf } from '../../server/local-tenant/config'
import type { Faults } from '../../server/local-tenant/management/faults'

/**
 * The tenant the SPA talks to in component tests. It is the same local tenant `npm start` and the
 * end-to-end tests run against — real tokens, scope checks, paging and rate limits over the seed
 * data — served through MSW instead of a port. One description of how the tenant behaves, not a
 * second fake.
 */
export const TENANT_ORIGIN = 'http://tenant.test'
/** jsdom's default page origin: the origin the tenant must allow for CORS and redirects. */
const APP_ORIGIN = 'http://localhost:3000'

const config = defaultTenantConfig({ origin: TENANT_ORIGIN, appOrigins: [APP_ORIGIN] })

/**
 * Created once per test file (setup files run per file); tests share its seed data read-only.
 * With fault switches (`tenant.faults`, reset after each test by setup.ts): a test makes the
 * tenant itself misbehave — drop connections, answer late, 500, 429 — rather than describing a
 * second, fake tenant in a handler.
 */
export const tenant = await createLocalTenant(config, { faults: true })

/** The tenant's fault switches (server/local-tenant/management/faults.ts). */
export const faults: Faults = tenant.faults ?? missing('fault switches')

function missing(what: string): never {
  throw new Error(`The test tenant was created without ${what}.`)
}

export const TENANT_AUDIENCE = managementAudienceOf(config)
export const TENANT_API_BASE_URL = `${TENANT_ORIGIN}/api/v2`

/** Every request for the tenant origin goes to the local tenant, as it would over the network. */
const tenantHandlers: RequestHandler[] = [
  http.all(`${TENANT_ORIGIN}/*`, ({ request }) => tenant.fetch(request)),
]

/**
 * The MSW server; lifecycle lives in `setup.ts`. For a fault, prepend a handler in the test:
 * `server.use(http.get(tenantUrl('/api/v2/users/:id/organizations'), () => HttpResponse.json(…, { status: 429 })))`.
 * `resetHandlers()` after each test restores the tenant.
 */
export const server = setupServer(...tenantHandlers)

/** Absolute URL on the test tenant, for `server.use(...)` overrides: `tenantUrl('/api/v2/users')`. */
export function tenantUrl(path: `/${string}`): string {
  return `${TENANT_ORIGIN}${path}`
}
