import { createLocalTenant, type LocalTenant } from '../app'
import { ALL_SCOPES, defaultTenantConfig, SPA_CLIENT_ID, type RateLimitConfig } from '../config'
import type { AccessTokenRequest } from '../tokens'

/**
 * For tests: a local tenant on http://tenant.test, a way to mint tokens and to call its
 * Management API. The default rate limit is generous so only the tests about rate limits
 * (which pass their own) ever see a 429.
 */
export const TEST_ORIGIN = 'http://tenant.test'
const TEST_AUDIENCE = `${TEST_ORIGIN}/api/v2/`

export interface TestTenant {
  tenant: LocalTenant
  /** A valid admin token with every scope. */
  token: string
  mint: (overrides?: Partial<AccessTokenRequest>) => Promise<string>
  /** GET `${origin}/api/v2${path}` with the admin token, or `token` (null: no Authorization). */
  get: (
    path: string,
    options?: { token?: string | null; signal?: AbortSignal },
  ) => Promise<Response>
}

export async function createTestTenant(
  options: {
    rateLimit?: RateLimitConfig
    latencyMs?: number
    now?: () => number
    /** Fault switches: `faults` on `tenant`; `faultControl` also serves them at /__faults. */
    faults?: boolean
    faultControl?: boolean
    /** /__faults/memberships alone (membership-control.ts). */
    membershipControl?: boolean
  } = {},
): Promise<TestTenant> {
  const tenant = await createLocalTenant(
    defaultTenantConfig({
      origin: TEST_ORIGIN,
      appOrigins: ['http://app.test'],
      rateLimit: options.rateLimit ?? { burst: 100_000, refillPerSecond: 100_000 },
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    }),
    {
      ...(options.now && { now: options.now }),
      ...(options.faults && { faults: true }),
      ...(options.faultControl && { faultControl: true }),
      ...(options.membershipControl && { membershipControl: true }),
    },
  )
  const mint = (overrides: Partial<AccessTokenRequest> = {}): Promise<string> =>
    tenant.mintAccessToken({
      sub: 'auth0|admin-ada',
      clientId: SPA_CLIENT_ID,
      audience: TEST_AUDIENCE,
      scope: [...ALL_SCOPES],
      // Tokens follow the tenant's clock, so tests that move time keep them valid.
      issuedAt: Math.floor(tenant.now() / 1000),
      ...overrides,
    })
  const token = await mint()
  const get: TestTenant['get'] = (path, { token: bearer = token, signal } = {}) =>
    tenant.fetch(
      new Request(`${TEST_ORIGIN}/api/v2${path}`, {
        headers: bearer === null ? {} : { Authorization: `Bearer ${bearer}` },
        ...(signal ? { signal } : {}),
      }),
    )
  return { tenant, token, mint, get }
}

/** The path of a user (or its organizations), encoded exactly as the SPA encodes it. */
export const userPath = (userId: string, suffix = ''): string =>
  `/users/${encodeURIComponent(userId)}${suffix}`

/** A settable clock for tests that move time. */
export function manualClock(startMs = Date.now()): {
  now: () => number
  advance: (ms: number) => void
} {
  let current = startMs
  return { now: () => current, advance: (ms) => (current += ms) }
}

/** The answer to one checkpoint page: the page under the list's key, and `next` while more remain. */
export type CheckpointBody = Record<string, unknown> & { next?: string }

/**
 * Follows `next` from a list's first checkpoint page to its last, as the reference describes
 * (`take`, then `from` = the previous `next`); every page must answer 200.
 */
export async function checkpointPages(
  t: TestTenant,
  path: string,
  take: number,
): Promise<CheckpointBody[]> {
  const pages: CheckpointBody[] = []
  let from: string | undefined
  do {
    const query = new URLSearchParams({ take: String(take), ...(from ? { from } : {}) })
    const response = await t.get(`${path}?${query}`)
    if (response.status !== 200) throw new Error(`${path}?${query} answered ${response.status}`)
    const body = (await response.json()) as CheckpointBody
    pages.push(body)
    from = body.next
  } while (from !== undefined)
  return pages
}
