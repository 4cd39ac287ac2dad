import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { PROXY_CLIENT_ID, PROXY_CLIENT_SECRET, SPA_CLIENT_ID } from '../config'
import {
  ADA,
  createTestTenant,
  exchangeCode,
  MANAGEMENT_AUDIENCE,
  postToken,
  REDIRECT_URI,
  SAM,
  servedKeySet,
  signedInCode,
  TENANT_ORIGIN,
} from '../testing/auth-test-kit'

const ISSUER = `${TENANT_ORIGIN}/`

async function tokensFor(response: Response) {
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, string | number>
}

describe('authorization_code grant with PKCE', () => {
  it('issues an ID token and an access token that verify against the served JWKS', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant)
    const response = await exchangeCode(tenant, code, verifier)
    const body = await tokensFor(response)
    const keys = await servedKeySet(tenant)

    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid profile email read:users read:organizations read:organization_member_roles',
    })
    expect(body.refresh_token).toBeUndefined()

    const idToken = String(body.id_token)
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', kid: tenant.key.kid })
    const { payload: id } = await jwtVerify(idToken, keys, {
      issuer: ISSUER,
      audience: SPA_CLIENT_ID,
    })
    expect(id).toMatchObject({
      sub: ADA.sub,
      nonce: 'nonce-456',
      name: ADA.name,
      email: ADA.email,
      email_verified: true,
      nickname: 'ada',
      sid: expect.any(String),
    })
    expect(id.exp).toBeGreaterThan(id.iat ?? Infinity)

    const { payload: access } = await jwtVerify(String(body.access_token), keys, {
      issuer: ISSUER,
      audience: MANAGEMENT_AUDIENCE,
    })
    expect(access).toMatchObject({
      sub: ADA.sub,
      azp: SPA_CLIENT_ID,
      scope: 'openid profile email read:users read:organizations read:organization_member_roles',
      permissions: ['read:users', 'read:organizations', 'read:organization_member_roles'],
    })
  })

  it('grants only the requested API scopes the admin holds', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant, {}, SAM)
    const body = await tokensFor(await exchangeCode(tenant, code, verifier))

    expect(body.scope).toBe('openid profile email read:users')
    expect(decodeJwt(String(body.access_token))).toMatchObject({
      scope: 'openid profile email read:users',
      permissions: ['read:users'],
    })
  })

  it('mints a /userinfo token with OIDC scopes only when no audience was requested', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant, { audience: undefined })
    const body = await tokensFor(await exchangeCode(tenant, code, verifier))

    const access = decodeJwt(String(body.access_token))
    expect(access.aud).toBe(`${TENANT_ORIGIN}/userinfo`)
    expect(access.scope).toBe('openid profile email')
    expect(access.permissions).toBeUndefined()
  })

  it('stamps the tokens with the tenant clock', async () => {
    const now = Date.UTC(2030, 0, 1)
    const tenant = await createTestTenant({ now: () => now })
    const { code, verifier } = await signedInCode(tenant)
    const body = await tokensFor(await exchangeCode(tenant, code, verifier))

    expect(decodeJwt(String(body.id_token)).iat).toBe(now / 1000)
    expect(decodeJwt(String(body.access_token)).iat).toBe(now / 1000)
  })

  it('refuses a code verifier that does not hash to the challenge', async () => {
    const tenant = await createTestTenant()
    const { code } = await signedInCode(tenant)
    const response = await exchangeCode(tenant, code, 'a'.repeat(43))

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Failed to verify code verifier',
    })
  })

  it('refuses a code used a second time', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant)
    await tokensFor(await exchangeCode(tenant, code, verifier))
    const second = await exchangeCode(tenant, code, verifier)

    expect(second.status).toBe(400)
    expect(await second.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid authorization code',
    })
  })

  it('refuses a code after a failed attempt, so a verifier cannot be guessed', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant)
    await exchangeCode(tenant, code, 'b'.repeat(43))

    expect((await exchangeCode(tenant, code, verifier)).status).toBe(400)
  })

  it('refuses a code once its five minutes are up', async () => {
    let now = Date.UTC(2030, 0, 1)
    const tenant = await createTestTenant({ now: () => now })
    const { code, verifier } = await signedInCode(tenant)
    now += 5 * 60 * 1000

    const response = await exchangeCode(tenant, code, verifier)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('refuses a code presented with another redirect_uri or by another client', async () => {
    const tenant = await createTestTenant()
    const first = await signedInCode(tenant)
    const second = await signedInCode(tenant)

    const otherUri = await exchangeCode(tenant, first.code, first.verifier, {
      redirect_uri: `${REDIRECT_URI}elsewhere`,
    })
    const otherClient = await exchangeCode(tenant, second.code, second.verifier, {
      client_id: PROXY_CLIENT_ID,
      client_secret: PROXY_CLIENT_SECRET,
    })

    expect(otherUri.status).toBe(400)
    expect(otherClient.status).toBe(400)
    expect(await otherClient.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('accepts a JSON body as well as a form', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant)
    const response = await tenant.fetch(
      new Request(`${TENANT_ORIGIN}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'authorization_code',
          client_id: SPA_CLIENT_ID,
          code,
          code_verifier: verifier,
          redirect_uri: REDIRECT_URI,
        }),
      }),
    )

    expect(response.status).toBe(200)
  })

  it.each([
    ['no grant_type', {}, 'invalid_request'],
    ['an unknown grant_type', { grant_type: 'password' }, 'unsupported_grant_type'],
  ])('answers a request with %s with 400 %s', async (_, params, error) => {
    const tenant = await createTestTenant()
    const response = await postToken(tenant, { client_id: SPA_CLIENT_ID, ...params })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error })
  })
})

describe('refresh_token grant', () => {
  it('issues a refresh token only when offline_access was asked for', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant)

    expect((await tokensFor(await exchangeCode(tenant, code, verifier))).refresh_token).toBe(
      undefined,
    )
  })

  it('mints fresh tokens from a refresh token, again and again', async () => {
    const tenant = await createTestTenant()
    const { code, verifier } = await signedInCode(tenant, {
      scope: 'openid profile email offline_access read:users',
    })
    const first = await tokensFor(await exchangeCode(tenant, code, verifier))
    expect(first.refresh_token).toEqual(expect.any(String))

    const refresh = { grant_type: 'refresh_token', client_id: SPA_CLIENT_ID }
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = await tokensFor(
        await postToken(tenant, { ...refresh, refresh_token: String(first.refresh_token) }),
      )
      expect(body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'openid profile email offline_access read:users',
      })
      const { payload } = await jwtVerify(String(body.id_token), await servedKeySet(tenant), {
        issuer: ISSUER,
        audience: SPA_CLIENT_ID,
      })
      expect(payload.sub).toBe(ADA.sub)
      expect(decodeJwt(String(body.access_token)).permissions).toEqual(['read:users'])
    }
  })

  it('refuses an unknown refresh token', async () => {
    const tenant = await createTestTenant()
    const response = await postToken(tenant, {
      grant_type: 'refresh_token',
      client_id: SPA_CLIENT_ID,
      refresh_token: 'made-up',
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    })
  })
})

describe('client_credentials grant', () => {
  const request = {
    grant_type: 'client_credentials',
    client_id: PROXY_CLIENT_ID,
    client_secret: PROXY_CLIENT_SECRET,
    audience: MANAGEMENT_AUDIENCE,
  }

  it('gives a confidential client a token with its granted scopes and no ID token', async () => {
    const tenant = await createTestTenant()
    const body = await tokensFor(await postToken(tenant, request))

    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope:
        'read:users read:organizations read:organization_member_roles read:organization_members',
    })
    expect(body.id_token).toBeUndefined()
    const { payload } = await jwtVerify(String(body.access_token), await servedKeySet(tenant), {
      issuer: ISSUER,
      audience: MANAGEMENT_AUDIENCE,
    })
    expect(payload).toMatchObject({
      sub: `${PROXY_CLIENT_ID}@clients`,
      azp: PROXY_CLIENT_ID,
      scope:
        'read:users read:organizations read:organization_member_roles read:organization_members',
    })
  })

  it('accepts the credentials in an HTTP Basic header and narrows to the requested scope', async () => {
    const tenant = await createTestTenant()
    const basic = Buffer.from(`${request.client_id}:${request.client_secret}`).toString('base64')
    const response = await postToken(
      tenant,
      { grant_type: request.grant_type, audience: request.audience, scope: 'read:users' },
      { Authorization: `Basic ${basic}` },
    )

    expect((await tokensFor(response)).scope).toBe('read:users')
  })

  it('refuses a wrong client secret with 401 access_denied', async () => {
    const tenant = await createTestTenant()
    const response = await postToken(tenant, { ...request, client_secret: 'guess' })

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Unauthorized',
    })
  })

  it('refuses the SPA client, which has no secret to prove', async () => {
    const tenant = await createTestTenant()
    const response = await postToken(tenant, { ...request, client_id: SPA_CLIENT_ID })

    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' })
  })

  it('refuses an API the tenant does not know', async () => {
    const tenant = await createTestTenant()
    const response = await postToken(tenant, { ...request, audience: 'https://api.example/' })

    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://api.example/',
    })
  })
})
