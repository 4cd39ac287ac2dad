import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { createManagementApi } from '@/lib/management-api/client'
import { ManagementApiError } from '@/lib/management-api/errors'
import { server, tenant, TENANT_API_BASE_URL, TENANT_AUDIENCE, tenantUrl } from '@/testing/server'
import { ALL_SCOPES, SPA_CLIENT_ID } from '../../../server/local-tenant/config'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { buildRoleScenarios, TENANT_ROLES } from '../../../server/local-tenant/seed/roles'
import { organizationQueries } from './api'

const ROLES_PATH = tenantUrl('/api/v2/organizations/:orgId/members/:userId/roles')
const TESS = NAMED_USERS.threeMemberships.userId
const [forbidden] = buildRoleScenarios(tenant.data.membershipsByUserId)

function apiFor(scope: string[]) {
  const token = tenant.mintAccessToken({
    sub: 'auth0|admin-ada',
    clientId: SPA_CLIENT_ID,
    audience: TENANT_AUDIENCE,
    scope,
  })
  return createManagementApi({ baseUrl: TENANT_API_BASE_URL, getAccessToken: () => token })
}

function nthOrganizationOf(userId: string, index: number): string {
  const organization = tenant.data.membershipsByUserId.get(userId)?.[index]
  if (!organization) throw new Error(`${userId} has no membership #${index}`)
  return organization.id
}

const fetchRoles = (scope: string[], userId: string, organizationId: string) =>
  new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(
    organizationQueries.memberRoles(apiFor(scope), userId, organizationId),
  )

describe('roles of a membership', () => {
  test('are cached per user and organization, under the user so a refresh can reach them all', () => {
    const { queryKey } = organizationQueries.memberRoles(apiFor([]), 'auth0|u', 'org_1')
    expect(queryKey).toEqual(['organizations', 'memberRoles', 'auth0|u', 'org_1'])
    expect(queryKey.slice(0, 3)).toEqual(organizationQueries.memberRolesOf('auth0|u'))
  })

  test("are the member's roles in that organization", async () => {
    const roles = await fetchRoles([...ALL_SCOPES], TESS, nthOrganizationOf(TESS, 0))
    expect(roles).toEqual([TENANT_ROLES.member, TENANT_ROLES.orgAdmin])
    expect(await fetchRoles([...ALL_SCOPES], TESS, nthOrganizationOf(TESS, 2))).toEqual([])
  })

  test('without read:organization_member_roles: a 403 that names the scope', async () => {
    const failure = fetchRoles(
      ['read:users', 'read:organizations'],
      TESS,
      nthOrganizationOf(TESS, 0),
    )
    await expect(failure).rejects.toBeInstanceOf(ManagementApiError)
    await expect(failure).rejects.toMatchObject({
      status: 403,
      missingScopes: ['read:organization_member_roles'],
    })
  })

  test("a row the tenant refuses (Li Wei's scenario) fails alone", async () => {
    if (!forbidden) throw new Error('The seed has no role scenarios')
    await expect(
      fetchRoles([...ALL_SCOPES], forbidden.userId, forbidden.organizationId),
    ).rejects.toMatchObject({ status: 403 })
  })

  test('pages through a member with more roles than one page holds', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `rol_${i}`, name: `Role ${i}` }))
    server.use(
      http.get(ROLES_PATH, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'))
        const roles = many.slice(page * 50, page * 50 + 50)
        return HttpResponse.json({ start: page * 50, limit: 50, total: 60, roles })
      }),
    )
    expect(await fetchRoles([...ALL_SCOPES], TESS, 'org_x')).toEqual(many)
  })

  test('a body that is not a roles list is an error, not a crash', async () => {
    server.use(http.get(ROLES_PATH, () => HttpResponse.json({ roles: [{ name: 42 }] })))
    await expect(fetchRoles([...ALL_SCOPES], TESS, 'org_x')).rejects.toMatchObject({
      kind: 'malformed',
    })
  })
})
