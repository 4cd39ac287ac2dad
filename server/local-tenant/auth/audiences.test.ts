import { describe, expect, it } from 'vitest'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  managementAudienceOf,
  PROXY_CLIENT_ID,
  SPA_CLIENT_ID,
  type TenantClient,
} from '../config'
import { ADA, MO, RAE, SAM } from '../testing/auth-test-kit'
import { isKnownAudience, scopeForAdmin, scopeForClient, userinfoAudienceOf } from './audiences'

const config = defaultTenantConfig({ origin: 'http://tenant.test', appOrigins: [] })
const MANAGEMENT_AUDIENCE = managementAudienceOf(config)
const REQUESTED = ['openid', 'profile', 'email', 'read:users', 'read:organizations']
/** What the SPA asks for (src/app/providers.tsx). */
const SPA_REQUESTED =
  'openid profile email read:users read:organizations read:organization_member_roles read:organization_members'.split(
    ' ',
  )

function client(clientId: string): TenantClient {
  const found = config.clients.find((candidate) => candidate.clientId === clientId)
  if (!found) throw new Error(`No client ${clientId}`)
  return found
}

describe('the APIs the tenant knows', () => {
  it.each([
    ['the Management API', MANAGEMENT_AUDIENCE, true],
    ["the dashboard's API", DASHBOARD_API_AUDIENCE, true],
    ['/userinfo', userinfoAudienceOf(config), true],
    ['anything else', 'https://api.example/', false],
  ])('%s: known = %s', (_, audience, known) => {
    expect(isKnownAudience(config, audience)).toBe(known)
  })
})

describe.each([
  ['the Management API', MANAGEMENT_AUDIENCE],
  ["the dashboard's API", DASHBOARD_API_AUDIENCE],
])("an admin's token for %s", (_, audience) => {
  it('carries the requested OIDC scopes and every held permission, also as `permissions`', () => {
    expect(scopeForAdmin(config, ADA, audience, REQUESTED)).toEqual({
      audience,
      scope: REQUESTED,
      permissions: ['read:users', 'read:organizations'],
    })
  })

  it('leaves out a permission the admin does not hold (Sam lacks read:organizations)', () => {
    expect(scopeForAdmin(config, SAM, audience, REQUESTED)).toEqual({
      audience,
      scope: ['openid', 'profile', 'email', 'read:users'],
      permissions: ['read:users'],
    })
  })

  it('grants read:organization_member_roles to Ada, who holds it, and not to Sam', () => {
    const requested = ['openid', 'read:organization_member_roles']

    expect(scopeForAdmin(config, ADA, audience, requested)?.permissions).toEqual([
      'read:organization_member_roles',
    ])
    expect(scopeForAdmin(config, SAM, audience, requested)?.permissions).toEqual([])
  })

  it.each([
    [
      ADA.email,
      ADA,
      [
        'read:users',
        'read:organizations',
        'read:organization_member_roles',
        'read:organization_members',
      ],
    ],
    [SAM.email, SAM, ['read:users']],
    [RAE.email, RAE, ['read:users', 'read:organizations']],
    [MO.email, MO, ['read:users', 'read:organizations', 'read:organization_members']],
  ])('grants %s of what the SPA asks for only what the admin holds', (_, admin, permissions) => {
    expect(scopeForAdmin(config, admin, audience, SPA_REQUESTED)?.permissions).toEqual(permissions)
  })

  it('grants only what was asked for', () => {
    expect(scopeForAdmin(config, ADA, audience, ['openid', 'read:users'])).toEqual({
      audience,
      scope: ['openid', 'read:users'],
      permissions: ['read:users'],
    })
  })
})

describe('client-credentials tokens', () => {
  it("give the proxy's client its Management API grant", () => {
    expect(scopeForClient(config, client(PROXY_CLIENT_ID), MANAGEMENT_AUDIENCE, [])).toEqual({
      audience: MANAGEMENT_AUDIENCE,
      scope: [
        'read:users',
        'read:organizations',
        'read:organization_member_roles',
        'read:organization_members',
      ],
    })
  })

  it('narrow to the requested scopes', () => {
    expect(
      scopeForClient(config, client(PROXY_CLIENT_ID), MANAGEMENT_AUDIENCE, ['read:users']),
    ).toEqual({ audience: MANAGEMENT_AUDIENCE, scope: ['read:users'] })
  })

  it("are never issued for the dashboard's API: a server must not pass as an admin", () => {
    expect(
      scopeForClient(config, client(PROXY_CLIENT_ID), DASHBOARD_API_AUDIENCE, []),
    ).toBeUndefined()
  })

  it('need a grant: the SPA client has none', () => {
    expect(scopeForClient(config, client(SPA_CLIENT_ID), MANAGEMENT_AUDIENCE, [])).toBeUndefined()
  })
})
