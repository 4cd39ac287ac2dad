import { SignJWT, type JWK } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLocalTenant, type LocalTenant } from '../local-tenant/app'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  managementAudienceOf,
  SPA_CLIENT_ID,
} from '../local-tenant/config'
import { createSigningKey, type SigningKey } from '../local-tenant/keys'
import { signAccessToken, type AccessTokenRequest } from '../local-tenant/tokens'
import { createAdminTokenCheck, createTenantKeySet } from './admin-token'
import { Auth0Error } from './auth0-errors'
import { tenantEndpoints } from './config'
import type { Fetch } from './fetch'

const TENANT = tenantEndpoints('http://tenant.test')

async function setUp(options: { upstream?: (tenant: Fetch) => Fetch } = {}) {
  const tenant = await createLocalTenant(
    defaultTenantConfig({ origin: TENANT.origin, appOrigins: [] }),
  )
  const keySetFetches: Request[] = []
  const upstream = options.upstream?.(tenant.fetch) ?? tenant.fetch
  const keys = createTenantKeySet({
    tenant: TENANT,
    fetch: (request) => {
      keySetFetches.push(request)
      return upstream(request)
    },
    timeoutMs: 1_000,
  })
  const check = createAdminTokenCheck({
    tenant: TENANT,
    audience: DASHBOARD_API_AUDIENCE,
    keys,
    now: () => Date.now(),
    timeoutMs: 1_000,
  })
  return { tenant, check, keySetFetches }
}

const adaRequest = (overrides: Partial<AccessTokenRequest> = {}): AccessTokenRequest => ({
  sub: 'auth0|admin-ada',
  clientId: SPA_CLIENT_ID,
  audience: DASHBOARD_API_AUDIENCE,
  scope: ['openid', 'read:users'],
  permissions: ['read:users', 'read:organizations'],
  ...overrides,
})

const signedBy = (
  tenant: LocalTenant,
  key: SigningKey,
  overrides: Partial<AccessTokenRequest> = {},
) => signAccessToken(tenant.config, key, adaRequest(overrides))

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof Auth0Error)) throw new Error(`Expected an Auth0Error, got ${error}`)
  return error.body
}

afterEach(() => {
  vi.useRealTimers()
})

describe('a valid admin token', () => {
  it('gives the admin: sub, and permissions from the `permissions` claim alone', async () => {
    const { tenant, check } = await setUp()
    const token = await tenant.mintAccessToken(
      adaRequest({ scope: ['openid', 'read:users'], permissions: ['read:organizations'] }),
    )

    const admin = await check(`Bearer ${token}`)

    expect(admin.sub).toBe('auth0|admin-ada')
    expect(admin.email).toBeUndefined()
    expect([...(admin.permissions ?? [])]).toEqual(['read:organizations'])
  })

  it('has no permissions at all when the claim is missing, whatever `scope` says', async () => {
    const { tenant, check } = await setUp()
    const token = await tenant.mintAccessToken(
      adaRequest({ scope: ['read:users'], permissions: undefined }),
    )

    expect((await check(`Bearer ${token}`)).permissions).toBeUndefined()
  })

  it.each(['email', 'https://orgscope/email'])(
    'reads the email from the %s claim',
    async (claim) => {
      const { tenant, check } = await setUp()
      const token = await new SignJWT({ [claim]: 'ada@orgscope.test', scope: 'read:users' })
        .setProtectedHeader({ alg: 'RS256', kid: tenant.key.kid })
        .setIssuer(TENANT.issuer)
        .setSubject('auth0|admin-ada')
        .setAudience([DASHBOARD_API_AUDIENCE, `${TENANT.origin}/userinfo`])
        .setExpirationTime('1h')
        .sign(tenant.key.privateKey)

      expect((await check(`Bearer ${token}`)).email).toBe('ada@orgscope.test')
    },
  )
})

describe('a token the proxy refuses with 401, worded as the Management API words it', () => {
  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another scheme', 'Basic YWRhOnB3'],
    ['Bearer without a token', 'Bearer '],
  ])('%s: "Missing authentication"', async (_, header) => {
    const { check } = await setUp()

    expect(await refusalOf(check(header))).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing authentication',
    })
  })

  it.each([['garbage'], ['a.b.c'], ['eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']])(
    '%j: "Invalid token"',
    async (token) => {
      const { check } = await setUp()

      expect(await refusalOf(check(`Bearer ${token}`))).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
        attributes: { error: 'Invalid token' },
      })
    },
  )

  it('an expired token', async () => {
    const { tenant, check } = await setUp()
    const token = await tenant.mintAccessToken(
      adaRequest({ issuedAt: Math.floor(Date.now() / 1000) - 7200, ttlSeconds: 3600 }),
    )

    expect(await refusalOf(check(`Bearer ${token}`))).toMatchObject({
      message: 'Expired token received for JSON Web Token validation.',
    })
  })

  it("a token for another audience (the Management API's)", async () => {
    const { tenant, check } = await setUp()
    const audience = managementAudienceOf({ origin: TENANT.origin })
    const token = await tenant.mintAccessToken(adaRequest({ audience }))

    expect(await refusalOf(check(`Bearer ${token}`))).toMatchObject({
      statusCode: 401,
      message: `Bad audience: ${audience}`,
    })
  })

  it.each([
    ['a key the tenant does not publish', () => createSigningKey()],
    [
      "a foreign key that claims the tenant's kid",
      (tenant: LocalTenant) => createSigningKey(tenant.key.kid),
    ],
  ])('a token signed with %s', async (_, makeKey) => {
    const { tenant, check } = await setUp()
    const token = await signedBy(tenant, await makeKey(tenant))

    expect(await refusalOf(check(`Bearer ${token}`))).toMatchObject({
      statusCode: 401,
      message: 'Invalid signature received for JSON Web Token validation.',
    })
  })

  it("a token from another issuer, even signed with the tenant's key", async () => {
    const { tenant, check } = await setUp()
    const token = await signAccessToken(
      { ...tenant.config, origin: 'https://evil.test' },
      tenant.key,
      adaRequest(),
    )

    expect(await refusalOf(check(`Bearer ${token}`))).toMatchObject({ message: 'Invalid token' })
  })

  it('a token signed with HS256 (with the public key as the secret, say)', async () => {
    const { tenant, check } = await setUp()
    const jwk = tenant.key.publicJwk as JWK & { n: string }
    const token = await new SignJWT({ scope: 'read:users' })
      .setProtectedHeader({ alg: 'HS256', kid: tenant.key.kid })
      .setIssuer(TENANT.issuer)
      .setSubject('auth0|admin-ada')
      .setAudience(DASHBOARD_API_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(jwk.n))

    expect(await refusalOf(check(`Bearer ${token}`))).toMatchObject({ message: 'Invalid token' })
  })
})

describe("the tenant's key set", () => {
  it('is fetched once and kept', async () => {
    const { tenant, check, keySetFetches } = await setUp()
    const token = await tenant.mintAccessToken(adaRequest())

    await Promise.all([check(`Bearer ${token}`), check(`Bearer ${token}`)])
    await check(`Bearer ${token}`)

    expect(keySetFetches.map((request) => request.url)).toEqual([TENANT.jwksUri])
  })

  it('is fetched without following redirects: keys from elsewhere would sign anything', async () => {
    const { tenant, check, keySetFetches } = await setUp()
    await check(`Bearer ${await tenant.mintAccessToken(adaRequest())}`)

    expect(keySetFetches.map((request) => request.redirect)).toEqual(['manual'])
  })

  it('is fetched again for an unknown kid (a rotated key), at most once per cooldown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const rotated = await createSigningKey('rotated-key')
    const published: JWK[] = []
    const { tenant, check, keySetFetches } = await setUp({
      upstream: (pass) => async (request) =>
        published.length > 0 && new URL(request.url).pathname === '/.well-known/jwks.json'
          ? Response.json({ keys: published })
          : pass(request),
    })
    await check(`Bearer ${await tenant.mintAccessToken(adaRequest())}`)
    published.push(tenant.key.publicJwk, rotated.publicJwk)
    const fromRotatedKey = `Bearer ${await signedBy(tenant, rotated)}`

    // Just fetched: a flood of unknown kids must not become a flood of fetches.
    expect(await refusalOf(check(fromRotatedKey))).toMatchObject({ statusCode: 401 })
    expect(keySetFetches).toHaveLength(1)

    vi.advanceTimersByTime(31_000)
    expect((await check(fromRotatedKey)).sub).toBe('auth0|admin-ada')
    expect(keySetFetches).toHaveLength(2)
  })

  it('unreachable: 502, since the token may well be fine', async () => {
    const { tenant, check } = await setUp({
      upstream: () => () => Promise.reject(new TypeError('fetch failed')),
    })
    const token = await tenant.mintAccessToken(adaRequest())

    expect(await refusalOf(check(`Bearer ${token}`))).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: "The tenant's signing keys could not be fetched to check the token.",
    })
  })
})
