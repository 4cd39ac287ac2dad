import { describe, expect, it } from 'vitest'
import { createLocalTenant } from '../app'
import { defaultTenantConfig, SPA_CLIENT_ID } from '../config'
import type { LocalTenant } from '../app'
import { ADA, createTestTenant, MANAGEMENT_AUDIENCE, TENANT_ORIGIN } from '../testing/auth-test-kit'

function userinfo(tenant: LocalTenant, token?: string) {
  const headers: HeadersInit = token === undefined ? {} : { Authorization: `Bearer ${token}` }
  return tenant.fetch(new Request(`${TENANT_ORIGIN}/userinfo`, { headers }))
}

function adaToken(tenant: LocalTenant, scope: string[], issuedAt?: number) {
  return tenant.mintAccessToken({
    sub: ADA.sub,
    clientId: SPA_CLIENT_ID,
    audience: MANAGEMENT_AUDIENCE,
    scope,
    issuedAt,
  })
}

describe('GET /userinfo', () => {
  it("returns the admin's profile claims for a valid access token", async () => {
    const tenant = await createTestTenant()
    const response = await userinfo(tenant, await adaToken(tenant, ['openid', 'profile', 'email']))

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      sub: ADA.sub,
      name: ADA.name,
      nickname: 'ada',
      email: ADA.email,
      email_verified: true,
    })
  })

  it('releases only what the token scope allows', async () => {
    const tenant = await createTestTenant()
    const response = await userinfo(tenant, await adaToken(tenant, ['openid']))

    expect(await response.json()).toEqual({ sub: ADA.sub })
  })

  it('answers 401 without a token, with an expired one, or with one signed by another key', async () => {
    const tenant = await createTestTenant()
    const stranger = await createLocalTenant(
      defaultTenantConfig({ origin: TENANT_ORIGIN, appOrigins: [] }),
    )
    const hourAgo = Math.floor(Date.now() / 1000) - 2 * 3600

    for (const token of [
      undefined,
      'not-a-jwt',
      await adaToken(tenant, ['openid'], hourAgo),
      await adaToken(stranger, ['openid']),
    ]) {
      const response = await userinfo(tenant, token)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('Bearer')
    }
  })
})
