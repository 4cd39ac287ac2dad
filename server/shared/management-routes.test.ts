import { describe, expect, it } from 'vitest'
import { resolveRoute } from './management-routes'
import { Auth0Error } from './auth0-errors'

const resolve = (pathname: string, query = '') =>
  resolveRoute('GET', pathname, new URLSearchParams(query))

function refusal(run: () => unknown): Auth0Error {
  try {
    run()
  } catch (error) {
    if (error instanceof Auth0Error) return error
    throw error
  }
  throw new Error('Expected an Auth0Error')
}

describe('resolveRoute', () => {
  it.each([
    ['/api/v2/users', 'users.search', '/users', null],
    ['/api/v2/users-by-email', 'users.byEmail', '/users-by-email', null],
    ['/api/v2/users/auth0%7Cabc', 'users.get', '/users/auth0%7Cabc', 'auth0|abc'],
    [
      '/api/v2/users/auth0%7Cabc/organizations',
      'users.organizations',
      '/users/auth0%7Cabc/organizations',
      'auth0|abc',
    ],
  ])('%s is %s', (pathname, name, upstreamPath, targetUserId) => {
    expect(resolve(pathname)).toMatchObject({ route: { name }, upstreamPath, targetUserId })
  })

  it.each([
    ['samlp|acme-saml|jane@acme.com'],
    ['oidc|corp/ldap|josé.núñez'],
    ['auth0|what?really#100%25'],
    ['...'],
  ])('keeps %j one segment, decoded once and encoded once', (userId) => {
    const resolved = resolve(`/api/v2/users/${encodeURIComponent(userId)}/organizations`)

    expect(resolved.targetUserId).toBe(userId)
    expect(resolved.upstreamPath).toBe(`/users/${encodeURIComponent(userId)}/organizations`)
  })

  it('encodes what a client left raw, so it cannot reach upstream as a separator', () => {
    expect(resolve('/api/v2/users/auth0|a@b.c').upstreamPath).toBe('/users/auth0%7Ca%40b.c')
  })

  it.each([
    ['an empty id', '/api/v2/users//organizations', "'String does not match pattern ^.+$'"],
    ['a trailing slash', '/api/v2/users/', "'String does not match pattern ^.+$'"],
    ['broken percent-encoding', '/api/v2/users/auth0%7', "'String does not match pattern ^.+$'"],
    [
      'an id decoding to ..',
      '/api/v2/users/%2e%2e/organizations',
      "'Dot segments are not allowed'",
    ],
    ['an id decoding to .', '/api/v2/users/%2E', "'Dot segments are not allowed'"],
    ['a raw ..', '/api/v2/users/../organizations', "'Dot segments are not allowed'"],
    [
      'an id over 512 characters',
      `/api/v2/users/${'a'.repeat(513)}`,
      "'String is too long (513 chars), maximum 512'",
    ],
  ])('refuses %s with 400 invalid_uri', (_, pathname, problem) => {
    const error = refusal(() => resolve(pathname))

    expect(error.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining(`Path validation error: ${problem} on property id (`),
      errorCode: 'invalid_uri',
    })
  })

  it('counts characters, not bytes or UTF-16 units, against the limit', () => {
    expect(
      resolve(`/api/v2/users/${encodeURIComponent('😀'.repeat(512))}`).targetUserId,
    ).toHaveLength(1024)
  })

  it.each([
    ['/api/v2/clients'],
    ['/api/v2/users/auth0%7Cabc/roles'],
    ['/api/v2/users/auth0%7Cabc/organizations/extra'],
    ['/api/v2/organizations/org_1/invitations'],
    ['/api/v2/%75sers'],
    ['/api/v2/users%2Fauth0%7Cabc'],
    ['/api/v2'],
    ['/healthz'],
  ])('answers 404 for %s', (pathname) => {
    expect(refusal(() => resolve(pathname)).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
    })
  })

  it.each(['POST', 'PATCH', 'DELETE', 'HEAD'])('answers 404 for %s', (method) => {
    expect(refusal(() => resolveRoute(method, '/api/v2/users', new URLSearchParams())).status).toBe(
      404,
    )
  })

  it("passes on only the endpoint's own query parameters, as sent", () => {
    const search = resolve(
      '/api/v2/users',
      'q=email%3A%22a%2Bb%40x.com%22&search_engine=v3&page=2&per_page=50&include_totals=true&sort=email%3A1&fields=email&include_fields=true&connection=secret&q=second',
    )
    const memberships = resolve(
      '/api/v2/users/auth0%7Cabc/organizations',
      'page=1&per_page=50&include_totals=true&q=ignored&from=x&take=5',
    )

    expect(Object.fromEntries(search.upstreamQuery)).toEqual({
      q: 'second',
      search_engine: 'v3',
      page: '2',
      per_page: '50',
      include_totals: 'true',
      sort: 'email:1',
      fields: 'email',
      include_fields: 'true',
    })
    expect(search.upstreamQuery.getAll('q')).toEqual(['email:"a+b@x.com"', 'second'])
    expect(memberships.upstreamQuery.toString()).toBe(
      'page=1&per_page=50&include_totals=true&from=x&take=5',
    )
  })
})

describe('resolveRoute: an organization by name', () => {
  it('is organizations.byName on read:organizations, naming the organization by its name', () => {
    const resolved = resolve('/api/v2/organizations/name/acme', 'page=0&fields=id')

    expect(resolved).toMatchObject({
      route: { name: 'organizations.byName', anyOf: ['read:organizations'] },
      params: { name: 'acme' },
      upstreamPath: '/organizations/name/acme',
      targetUserId: null,
      targetOrganizationId: null,
      targetOrganizationName: 'acme',
      permissions: [['read:organizations']],
    })
    expect(resolved.upstreamQuery.toString()).toBe('')
  })

  it.each([
    ['/api/v2/organizations/name', 'organizations.get', { targetOrganizationId: 'name' }],
    [
      '/api/v2/organizations/name/members',
      'organizations.byName',
      { targetOrganizationName: 'members' },
    ],
    [
      '/api/v2/organizations/org_1/members',
      'organizations.members',
      { targetOrganizationId: 'org_1' },
    ],
    ['/api/v2/organizations/name%2Fx', 'organizations.get', { targetOrganizationId: 'name/x' }],
    ['/api/v2/organizations/name/a%2Fb', 'organizations.byName', { targetOrganizationName: 'a/b' }],
  ])('tells %s (%s) from the other organization paths', (pathname, name, target) => {
    expect(resolve(pathname)).toMatchObject({ route: { name }, ...target })
  })

  it('is not found beyond the name', () => {
    expect(refusal(() => resolve('/api/v2/organizations/name/acme/members')).status).toBe(404)
  })
})

describe('resolveRoute: organizations and their members', () => {
  const ODD_ORGANIZATION = 'org|a/b?c#100%25 日本'

  it.each([
    ['/api/v2/organizations', 'organizations.list', '/organizations', null, 'read:organizations'],
    [
      `/api/v2/organizations/${encodeURIComponent(ODD_ORGANIZATION)}`,
      'organizations.get',
      `/organizations/${encodeURIComponent(ODD_ORGANIZATION)}`,
      ODD_ORGANIZATION,
      'read:organizations',
    ],
    [
      `/api/v2/organizations/${encodeURIComponent(ODD_ORGANIZATION)}/members`,
      'organizations.members',
      `/organizations/${encodeURIComponent(ODD_ORGANIZATION)}/members`,
      ODD_ORGANIZATION,
      'read:organization_members',
    ],
  ])('%s is %s, the organization one segment', (pathname, name, upstreamPath, org, permission) => {
    expect(resolve(pathname)).toMatchObject({
      route: { name },
      upstreamPath,
      targetUserId: null,
      targetOrganizationId: org,
      permissions: [[permission]],
    })
  })

  it.each([
    ['fields=roles'],
    ['fields=user_id,roles'],
    ['fields=name, roles&include_fields=true'],
    ['fields=name&fields=roles'],
    ['fields=roles&include_fields=false&include_fields=true'],
  ])('asks read:organization_member_roles as well for the members with %s', (query) => {
    expect(resolve('/api/v2/organizations/org_1/members', query).permissions).toEqual([
      ['read:organization_members'],
      ['read:organization_member_roles'],
    ])
  })

  it.each([['fields=name,email'], ['fields=roles&include_fields=false'], ['rolesx=1'], ['']])(
    'asks read:organization_members alone for the members with %j',
    (query) => {
      expect(resolve('/api/v2/organizations/org_1/members', query).permissions).toEqual([
        ['read:organization_members'],
      ])
    },
  )

  it('passes on only the parameters each documents', () => {
    const query =
      'page=1&per_page=50&include_totals=true&from=x&take=5&fields=roles&include_fields=true&q=x&sort=name%3A1'

    expect(resolve('/api/v2/organizations', query).upstreamQuery.toString()).toBe(
      'page=1&per_page=50&include_totals=true&from=x&take=5',
    )
    expect(resolve('/api/v2/organizations/org_1', query).upstreamQuery.toString()).toBe('')
    expect(resolve('/api/v2/organizations/org_1/members', query).upstreamQuery.toString()).toBe(
      'page=1&per_page=50&include_totals=true&from=x&take=5&fields=roles&include_fields=true',
    )
  })

  it.each([
    ['/api/v2/organizations/', 'id (ID of the organization to retrieve)'],
    ['/api/v2/organizations/%2e%2e', 'id (ID of the organization to retrieve)'],
    ['/api/v2/organizations//members', 'id (Organization identifier)'],
    ['/api/v2/organizations/org%7/members', 'id (Organization identifier)'],
    ['/api/v2/organizations/name/', 'name (name of the organization to retrieve)'],
    ['/api/v2/organizations/name/%', 'name (name of the organization to retrieve)'],
    ['/api/v2/organizations/name/%2e%2e', 'name (name of the organization to retrieve)'],
  ])('refuses %s with 400 invalid_uri naming %s', (pathname, property) => {
    expect(refusal(() => resolve(pathname)).body).toMatchObject({
      statusCode: 400,
      message: expect.stringContaining(`on property ${property}.`),
      errorCode: 'invalid_uri',
    })
  })
})

describe("resolveRoute: an organization member's roles", () => {
  const rolesPath = (organizationId: string, userId: string, raw = false) =>
    raw
      ? `/api/v2/organizations/${organizationId}/members/${userId}/roles`
      : `/api/v2/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}/roles`
  const ORGANIZATION = 'id (Organization identifier)'
  const USER = 'user_id (ID of the user to associate roles with)'

  it('is allowed with read:organization_member_roles, naming the user and the organization', () => {
    expect(resolve(rolesPath('org_abc', 'auth0|abc'))).toEqual({
      route: expect.objectContaining({
        name: 'organizations.members.roles',
        anyOf: ['read:organization_member_roles'],
      }),
      params: { org_id: 'org_abc', user_id: 'auth0|abc' },
      upstreamPath: '/organizations/org_abc/members/auth0%7Cabc/roles',
      upstreamQuery: expect.any(URLSearchParams),
      targetUserId: 'auth0|abc',
      targetOrganizationId: 'org_abc',
      targetOrganizationName: null,
      permissions: [['read:organization_member_roles']],
    })
  })

  it.each([
    ['samlp|acme-saml|jane@acme.com'],
    ['oidc|corp/ldap|josé.núñez'],
    ['auth0|what?really#100%25'],
    ['email|日本語🚀'],
  ])('keeps the user %j one segment, decoded once and encoded once', (userId) => {
    const resolved = resolve(rolesPath('org_abc', userId))

    expect(resolved.targetUserId).toBe(userId)
    expect(resolved.upstreamPath).toBe(
      `/organizations/org_abc/members/${encodeURIComponent(userId)}/roles`,
    )
  })

  it('keeps the organization id one segment too', () => {
    const organizationId = 'org/odd?#%25'
    const resolved = resolve(rolesPath(organizationId, 'auth0|abc'))

    expect(resolved.targetOrganizationId).toBe(organizationId)
    expect(resolved.upstreamPath).toBe(
      `/organizations/${encodeURIComponent(organizationId)}/members/auth0%7Cabc/roles`,
    )
  })

  it('encodes what a client left raw, so it cannot reach upstream as a separator', () => {
    expect(resolve(rolesPath('org_1', 'auth0|a@b.c', true)).upstreamPath).toBe(
      '/organizations/org_1/members/auth0%7Ca%40b.c/roles',
    )
  })

  it.each([
    [
      'an empty organization',
      rolesPath('', 'x', true),
      'String does not match pattern ^.+$',
      ORGANIZATION,
    ],
    [
      'broken encoding in the organization',
      rolesPath('org%7', 'x', true),
      'String does not match pattern ^.+$',
      ORGANIZATION,
    ],
    [
      'an organization decoding to ..',
      rolesPath('%2e%2e', 'x', true),
      'Dot segments are not allowed',
      ORGANIZATION,
    ],
    [
      'a raw . organization',
      rolesPath('.', 'x', true),
      'Dot segments are not allowed',
      ORGANIZATION,
    ],
    [
      'an organization over 512 characters',
      rolesPath('o'.repeat(513), 'x', true),
      'String is too long (513 chars), maximum 512',
      ORGANIZATION,
    ],
    ['an empty user', rolesPath('org_1', '', true), 'String does not match pattern ^.+$', USER],
    [
      'broken encoding in the user',
      rolesPath('org_1', 'auth0%7', true),
      'String does not match pattern ^.+$',
      USER,
    ],
    [
      'a user decoding to ..',
      rolesPath('org_1', '%2E%2E', true),
      'Dot segments are not allowed',
      USER,
    ],
    ['a raw .. user', rolesPath('org_1', '..', true), 'Dot segments are not allowed', USER],
    [
      'a user over 512 characters',
      rolesPath('org_1', 'u'.repeat(513), true),
      'String is too long (513 chars), maximum 512',
      USER,
    ],
  ])('refuses %s with 400 invalid_uri', (_, pathname, problem, property) => {
    expect(refusal(() => resolve(pathname)).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: `Path validation error: '${problem}' on property ${property}.`,
      errorCode: 'invalid_uri',
    })
  })

  it('checks the organization before the user', () => {
    expect(refusal(() => resolve(rolesPath('', '', true))).message).toContain(ORGANIZATION)
  })

  it('passes on only page, per_page and include_totals, as sent', () => {
    const resolved = resolve(
      rolesPath('org_1', 'auth0|abc'),
      'page=1&per_page=50&include_totals=true&fields=name&q=x&from=y&take=5&per_page=2',
    )

    expect(resolved.upstreamQuery.toString()).toBe(
      'page=1&per_page=50&include_totals=true&per_page=2',
    )
  })

  it.each([
    ['/api/v2/organizations/org_1/members/auth0%7Cabc'],
    ['/api/v2/organizations/org_1/members/auth0%7Cabc/roles/'],
    ['/api/v2/organizations/org_1/members/auth0%7Cabc/roles/rol_1'],
    ['/api/v2/organizations/org_1/members/auth0%7Cabc/%72oles'],
    ['/api/v2/organizations/org_1/roles'],
    ['/api/v2/organizations%2Forg_1/members/auth0%7Cabc/roles'],
  ])('answers 404 for %s', (pathname) => {
    expect(refusal(() => resolve(pathname)).status).toBe(404)
  })
})
