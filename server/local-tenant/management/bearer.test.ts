import { SignJWT, generateKeyPair } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import { createTestTenant, TEST_ORIGIN, userPath, type TestTenant } from '../testing/test-tenant'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

async function expectError(response: Response, status: number, body: object): Promise<void> {
  expect(response.status).toBe(status)
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  expect(await response.json()).toEqual(body)
}

const unauthorized = (message: string, extra: object = {}) => ({
  statusCode: 401,
  error: 'Unauthorized',
  message,
  ...extra,
})

describe('the bearer check', () => {
  it('answers "Missing authentication" without an Authorization header', async () => {
    await expectError(
      await t.get('/users', { token: null }),
      401,
      unauthorized('Missing authentication'),
    )
  })

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', 'token'])(
    'answers "Missing authentication" for the garbled header %j',
    async (header) => {
      const response = await t.tenant.fetch(
        new Request(`${TEST_ORIGIN}/api/v2/users`, { headers: { Authorization: header } }),
      )
      await expectError(response, 401, unauthorized('Missing authentication'))
    },
  )

  it.each(['not-a-jwt', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30'])(
    'answers "Invalid token" with attributes for %j',
    async (token) => {
      await expectError(
        await t.get('/users', { token }),
        401,
        unauthorized('Invalid token', { attributes: { error: 'Invalid token' } }),
      )
    },
  )

  it('reports a signature from another key', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const forged = await new SignJWT({ azp: 'orgscope-spa', scope: 'read:users' })
      .setProtectedHeader({ alg: 'RS256', kid: t.tenant.key.kid })
      .setIssuer(`${TEST_ORIGIN}/`)
      .setAudience(`${TEST_ORIGIN}/api/v2/`)
      .setSubject('auth0|mallory')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey)
    await expectError(
      await t.get('/users', { token: forged }),
      401,
      unauthorized('Invalid signature received for JSON Web Token validation.'),
    )
  })

  it('refuses algorithms other than RS256 as an invalid token', async () => {
    const hs256 = await new SignJWT({ scope: 'read:users' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(`${TEST_ORIGIN}/`)
      .setAudience(`${TEST_ORIGIN}/api/v2/`)
      .setSubject('auth0|mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'))
    await expectError(
      await t.get('/users', { token: hs256 }),
      401,
      unauthorized('Invalid token', { attributes: { error: 'Invalid token' } }),
    )
  })

  it('reports an expired token', async () => {
    const expired = await t.mint({
      issuedAt: Math.floor(Date.now() / 1000) - 7200,
      ttlSeconds: 3600,
    })
    await expectError(
      await t.get('/users', { token: expired }),
      401,
      unauthorized('Expired token received for JSON Web Token validation.'),
    )
  })

  it('names the audience it did not expect', async () => {
    const token = await t.mint({ audience: 'https://orgscope.example/api' })
    await expectError(
      await t.get('/users', { token }),
      401,
      unauthorized('Bad audience: https://orgscope.example/api'),
    )
  })

  it('answers "Invalid token" for a token from another issuer', async () => {
    // Signed with the tenant's own key, so only the issuer is wrong.
    const token = await new SignJWT({ azp: 'orgscope-spa', scope: 'read:users' })
      .setProtectedHeader({ alg: 'RS256', kid: t.tenant.key.kid })
      .setIssuer('https://evil.example/')
      .setAudience(`${TEST_ORIGIN}/api/v2/`)
      .setSubject('auth0|mallory')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(t.tenant.key.privateKey)
    await expectError(
      await t.get('/users', { token }),
      401,
      unauthorized('Invalid token', { attributes: { error: 'Invalid token' } }),
    )
  })

  it('accepts a valid token', async () => {
    expect((await t.get('/users')).status).toBe(200)
  })
})

describe('the scope check', () => {
  const forbidden = (scope: string) => ({
    statusCode: 403,
    error: 'Forbidden',
    message: `Insufficient scope, expected any of: ${scope}`,
    errorCode: 'insufficient_scope',
  })

  it('needs read:organizations for a user’s organizations', async () => {
    const token = await t.mint({ scope: ['read:users'] })
    const path = userPath(NAMED_USERS.threeMemberships.userId, '/organizations')
    await expectError(await t.get(path, { token }), 403, forbidden('read:organizations'))
    // …while the user itself still loads with read:users.
    expect((await t.get(userPath(NAMED_USERS.threeMemberships.userId), { token })).status).toBe(200)
  })

  it('needs read:users for search and for one user', async () => {
    const token = await t.mint({ scope: ['read:organizations'] })
    await expectError(await t.get('/users?q=jane', { token }), 403, forbidden('read:users'))
    await expectError(
      await t.get(userPath(NAMED_USERS.threeMemberships.userId), { token }),
      403,
      forbidden('read:users'),
    )
  })
})
