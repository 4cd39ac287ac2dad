import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { createLocalTenant } from '../local-tenant/app'
import { defaultTenantConfig, PROXY_CLIENT_ID, PROXY_CLIENT_SECRET } from '../local-tenant/config'
import { manualClock } from '../local-tenant/testing/test-tenant'
import { Auth0Error } from './auth0-errors'
import { tenantEndpoints } from './config'
import { globalFetch, type Fetch } from './fetch'
import { createManagementTokenSource } from './management-token'

const TENANT = tenantEndpoints('http://tenant.test')

async function setUp(
  options: { secret?: string; timeoutMs?: number; upstream?: (tenant: Fetch) => Fetch } = {},
) {
  // On a whole second, as X-RateLimit-Reset counts: the waits it gives are then exact.
  const clock = manualClock(Math.floor(Date.now() / 1000) * 1000)
  const tenant = await createLocalTenant(
    defaultTenantConfig({ origin: TENANT.origin, appOrigins: [] }),
    { now: clock.now },
  )
  const grants: Request[] = []
  const upstream = options.upstream?.(tenant.fetch) ?? tenant.fetch
  const tokens = createManagementTokenSource({
    tenant: TENANT,
    clientId: PROXY_CLIENT_ID,
    clientSecret: options.secret ?? PROXY_CLIENT_SECRET,
    fetch: (request) => {
      grants.push(request.clone())
      return upstream(request)
    },
    now: clock.now,
    timeoutMs: options.timeoutMs ?? 10_000,
  })
  return { clock, tokens, grants }
}

/** A real HTTP server on a free port, so the runtime's own fetch (and its redirects) is used. */
async function serve(listener: RequestListener): Promise<{ origin: string; server: Server }> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

async function failureOf(promise: Promise<unknown>): Promise<Auth0Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof Auth0Error)) throw new Error(`Expected an Auth0Error, got ${error}`)
  return error
}

describe('the Management API token', () => {
  it('comes from the client-credentials grant, for the Management API audience', async () => {
    const { tokens, grants } = await setUp()
    const token = await tokens.get()

    expect(decodeJwt(token)).toMatchObject({
      sub: `${PROXY_CLIENT_ID}@clients`,
      aud: TENANT.managementAudience,
      scope:
        'read:users read:organizations read:organization_member_roles read:organization_members',
    })
    expect(grants).toHaveLength(1)
    expect(Object.fromEntries(new URLSearchParams(await grants[0]?.text()))).toEqual({
      grant_type: 'client_credentials',
      client_id: PROXY_CLIENT_ID,
      client_secret: PROXY_CLIENT_SECRET,
      audience: TENANT.managementAudience,
    })
  })

  it('is requested once for many concurrent callers, then served from the cache', async () => {
    const { tokens, grants } = await setUp()
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => tokens.get()))
    const later = await tokens.get()

    expect(new Set([...concurrent, later]).size).toBe(1)
    expect(grants).toHaveLength(1)
  })

  it('is replaced a minute before it expires (the tenant issues it for an hour)', async () => {
    const { tokens, grants, clock } = await setUp()
    const first = await tokens.get()

    clock.advance(3600_000 - 61_000)
    expect(await tokens.get()).toBe(first)
    clock.advance(1_000)
    const second = await tokens.get()

    expect(second).not.toBe(first)
    expect(grants).toHaveLength(2)
  })

  it('is replaced once after the API refused it, however many callers saw the refusal', async () => {
    const { tokens, grants, clock } = await setUp()
    const refused = await tokens.get()
    clock.advance(1_000) // so the new token differs from the old one

    tokens.invalidate(refused)
    const [a, b] = await Promise.all([tokens.get(), tokens.get()])
    // A caller that saw the old token refused after it was already replaced changes nothing.
    tokens.invalidate(refused)
    const c = await tokens.get()

    expect(a).not.toBe(refused)
    expect(new Set([a, b, c]).size).toBe(1)
    expect(grants).toHaveLength(2)
  })

  it('is replaced at most every 30 s while no token is accepted: a tenant refusing every token gets no grant per lookup', async () => {
    const { tokens, grants, clock } = await setUp()
    const first = await tokens.get()
    clock.advance(1_000)

    expect(tokens.invalidate(first)).toBe(true)
    const second = await tokens.get()
    clock.advance(1_000)
    expect(tokens.invalidate(second)).toBe(true)
    const third = await tokens.get()
    clock.advance(28_000)
    expect(tokens.invalidate(third)).toBe(false)
    expect(await tokens.get()).toBe(third)
    expect(grants).toHaveLength(3)

    clock.advance(2_000) // 30 s after the last replacement
    expect(tokens.invalidate(third)).toBe(true)
    expect(await tokens.get()).not.toBe(third)
    expect(grants).toHaveLength(4)
  })

  it('is replaced at once when the API refuses a token it had accepted (a revocation), however recent the last replacement', async () => {
    const { tokens, grants, clock } = await setUp()
    const first = await tokens.get()
    clock.advance(1_000)
    tokens.invalidate(first)
    const second = await tokens.get()
    tokens.accepted(second)
    clock.advance(1_000)

    expect(tokens.invalidate(second)).toBe(true)
    expect(await tokens.get()).not.toBe(second)
    expect(grants).toHaveLength(3)
  })

  it.each([
    ['Retry-After: 30', { 'Retry-After': '30' }, 30],
    ['no Retry-After, X-RateLimit-Reset in 20 s', { 'X-RateLimit-Reset': 'in 20 s' }, 20],
    ['neither header', {}, 10],
  ])(
    'is not asked for while the token endpoint rate limits the proxy (%s), each caller told how long',
    async (_, headers: Record<string, string>, seconds) => {
      const { tokens, grants, clock } = await setUp({
        upstream: () => async () =>
          new Response('{"error":"too_many_requests"}', {
            status: 429,
            headers: Object.fromEntries(
              Object.entries(headers).map(([name, value]) => [
                name,
                value === 'in 20 s' ? String(Math.floor(clock.now() / 1000) + 20) : value,
              ]),
            ),
          }),
      })
      const first = await failureOf(tokens.get())
      const during = []
      for (let i = 0; i < 19; i++) {
        clock.advance(500)
        during.push(await failureOf(tokens.get()))
      }

      expect(first.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
      expect(first.headers).toEqual({ 'Retry-After': String(seconds) })
      expect(during.at(-1)?.headers).toEqual({ 'Retry-After': String(seconds - 9) })
      expect(grants).toHaveLength(1)

      clock.advance(seconds * 1000)
      await failureOf(tokens.get())
      expect(grants).toHaveLength(2)
    },
  )

  it("becomes a 502 naming the tenant's reason when the grant is refused, without the secret", async () => {
    const { tokens } = await setUp({ secret: 'not-the-secret' })
    const error = await failureOf(tokens.get())

    expect(error.body).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'The tenant refused the proxy a Management API token: access_denied (Unauthorized)',
    })
    expect(JSON.stringify(error.body)).not.toContain('not-the-secret')
  })

  it('is asked for again after a failure, not cached as one', async () => {
    let failing = true
    const { tokens, grants } = await setUp({
      upstream: (tenant) => async (request) => {
        if (failing) throw new TypeError('fetch failed')
        return tenant(request)
      },
    })

    expect((await failureOf(tokens.get())).body).toMatchObject({
      statusCode: 502,
      message: 'The tenant could not be reached for a Management API token.',
    })
    failing = false
    expect(await tokens.get()).toEqual(expect.any(String))
    expect(grants).toHaveLength(2)
  })

  it('gives up after the time-out with a 504, even if the fetch ignores its signal', async () => {
    const { tokens } = await setUp({
      timeoutMs: 50,
      upstream: () => () => new Promise<Response>(() => {}),
    })

    expect((await failureOf(tokens.get())).body).toEqual({
      statusCode: 504,
      error: 'Gateway Timeout',
      message: 'The Management API did not answer within 0.05 s.',
    })
  })

  it.each([307, 308, 302])(
    'is not asked for again wherever a %i points: the secret goes to the token endpoint alone',
    async (status) => {
      const posted: string[] = []
      const elsewhere = await serve((request, response) => {
        let body = ''
        request.on('data', (chunk: Buffer) => (body += chunk.toString()))
        request.on('end', () => {
          posted.push(body)
          response.writeHead(200, { 'Content-Type': 'application/json' })
          response.end(JSON.stringify({ access_token: 'from-elsewhere', expires_in: 60 }))
        })
      })
      const tenant = await serve((request, response) => {
        request.resume()
        response.writeHead(status, { Location: `${elsewhere.origin}/oauth/token` }).end()
      })
      try {
        const tokens = createManagementTokenSource({
          tenant: tenantEndpoints(tenant.origin),
          clientId: PROXY_CLIENT_ID,
          clientSecret: PROXY_CLIENT_SECRET,
          fetch: globalFetch,
          now: Date.now,
          timeoutMs: 5_000,
        })

        expect((await failureOf(tokens.get())).body).toEqual({
          statusCode: 502,
          error: 'Bad Gateway',
          message: `The tenant refused the proxy a Management API token: it answered HTTP ${status}, a redirect, which the proxy does not follow.`,
        })
        expect(posted).toEqual([])
      } finally {
        tenant.server.close()
        elsewhere.server.close()
      }
    },
  )
})
