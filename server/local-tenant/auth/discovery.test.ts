import { describe, expect, it } from 'vitest'
import { createTestTenant, TENANT_ORIGIN } from '../testing/auth-test-kit'

async function getJson(path: string) {
  const tenant = await createTestTenant()
  const response = await tenant.fetch(new Request(`${TENANT_ORIGIN}${path}`))
  expect(response.status).toBe(200)
  return { tenant, body: (await response.json()) as Record<string, unknown> }
}

describe('discovery', () => {
  it('publishes the OpenID configuration with absolute URLs on the tenant origin', async () => {
    const { body } = await getJson('/.well-known/openid-configuration')

    expect(body).toMatchObject({
      issuer: `${TENANT_ORIGIN}/`,
      authorization_endpoint: `${TENANT_ORIGIN}/authorize`,
      token_endpoint: `${TENANT_ORIGIN}/oauth/token`,
      userinfo_endpoint: `${TENANT_ORIGIN}/userinfo`,
      jwks_uri: `${TENANT_ORIGIN}/.well-known/jwks.json`,
      end_session_endpoint: `${TENANT_ORIGIN}/v2/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    })
  })

  it('publishes only the public half of the signing key, under its kid', async () => {
    const { tenant, body } = await getJson('/.well-known/jwks.json')

    expect(body.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', kid: tenant.key.kid, alg: 'RS256', use: 'sig' }),
    ])
    expect(body.keys).toEqual([expect.not.objectContaining({ d: expect.anything() })])
  })
})
