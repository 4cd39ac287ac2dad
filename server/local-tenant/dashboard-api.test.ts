import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { createLocalTenant } from './app'
import {
  ADA,
  exchangeCode,
  postToken,
  SAM,
  servedKeySet,
  signedInCode,
  TENANT_ORIGIN,
} from './testing/auth-test-kit'
import { ADMIN_EMAIL_CLAIM } from '../shared/admin-claims'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  managementAudienceOf,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
} from './config'

/** The production path's two halves, on the tenant `npm start` runs (the default config). */
const defaultTenant = () =>
  createLocalTenant(defaultTenantConfig({ origin: TENANT_ORIGIN, appOrigins: ['http://app.test'] }))

describe("the dashboard's API", () => {
  it.each([
    [ADA, ['read:users', 'read:organizations', 'read:organization_member_roles']],
    [SAM, ['read:users']],
  ])('gives $email a token for it carrying their permissions', async (admin, permissions) => {
    const tenant = await defaultTenant()
    const { code, verifier } = await signedInCode(
      tenant,
      { audience: DASHBOARD_API_AUDIENCE },
      admin,
    )
    const body = (await (await exchangeCode(tenant, code, verifier)).json()) as {
      access_token: string
    }

    const { payload } = await jwtVerify(body.access_token, await servedKeySet(tenant), {
      issuer: `${TENANT_ORIGIN}/`,
      audience: DASHBOARD_API_AUDIENCE,
    })
    expect(payload).toMatchObject({
      sub: admin.sub,
      permissions,
      scope: ['openid', 'profile', 'email', ...permissions].join(' '),
      // As the post-login Action on a real tenant adds it, for the proxy's audit log.
      [ADMIN_EMAIL_CLAIM]: admin.email,
    })
  })
})

describe("the proxy's machine-to-machine client", () => {
  const credentials = {
    grant_type: 'client_credentials',
    client_id: PROXY_CLIENT_ID,
    client_secret: PROXY_CLIENT_SECRET,
  }

  it('gets a Management API token with every Management API scope the tenant knows', async () => {
    const tenant = await defaultTenant()
    const audience = managementAudienceOf({ origin: TENANT_ORIGIN })
    const response = await postToken(tenant, { ...credentials, audience })

    expect(response.status).toBe(200)
    const body = (await response.json()) as { access_token: string; scope: string }
    expect(body.scope).toBe(
      'read:users read:organizations read:organization_member_roles read:organization_members',
    )
    const { payload } = await jwtVerify(body.access_token, await servedKeySet(tenant), {
      audience,
    })
    expect(payload.sub).toBe(`${PROXY_CLIENT_ID}@clients`)
  })

  it("gets no token for the dashboard's API", async () => {
    const tenant = await defaultTenant()
    const response = await postToken(tenant, { ...credentials, audience: DASHBOARD_API_AUDIENCE })

    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: 'access_denied' })
  })
})
