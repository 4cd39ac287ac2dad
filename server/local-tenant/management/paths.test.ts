import { describe, expect, it } from 'vitest'
import { Auth0Error } from './errors'
import { resolveRoute } from './paths'

const BASE = 'http://tenant.test/api/v2'

function failure(method: string, path: string): object {
  try {
    resolveRoute(method, `${BASE}${path}`)
  } catch (error) {
    if (error instanceof Auth0Error) return error.body
    throw error
  }
  throw new Error(`expected ${path} to fail`)
}

const AWKWARD_IDS = [
  'auth0|6650a1f0c0ffee0000000000',
  'samlp|acme-saml|jane@acme.com',
  'office365|10030000838D23AF@MicrosoftOnline.com',
  'oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez',
  'auth0|what?really#100%25',
  'auth0|a b+c&d=e;f',
  'email|\u65e5\u672c\u8a9e\ud83d\ude80',
]

describe('resolveRoute', () => {
  it('resolves the search', () => {
    expect(resolveRoute('GET', `${BASE}/users?q=jane`)).toEqual({
      name: 'searchUsers',
      scopes: ['read:users'],
    })
  })

  it.each(AWKWARD_IDS)(
    'decodes the id %j exactly once, for the user and its organizations',
    (id) => {
      const encoded = encodeURIComponent(id)
      expect(resolveRoute('GET', `${BASE}/users/${encoded}`)).toEqual({
        name: 'getUser',
        scopes: ['read:users'],
        userId: id,
      })
      expect(resolveRoute('GET', `${BASE}/users/${encoded}/organizations?page=1`)).toEqual({
        name: 'listUserOrganizations',
        scopes: ['read:organizations'],
        userId: id,
      })
    },
  )

  it('answers invalid_uri for broken percent-encoding', () => {
    expect(failure('GET', '/users/%E0%A4%A')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "Path validation error: 'String does not match pattern ^.+$' on property id (ID of the user to retrieve).",
      errorCode: 'invalid_uri',
    })
    expect(failure('GET', '/users/%E0%A4%A/organizations')).toMatchObject({
      errorCode: 'invalid_uri',
      message:
        "Path validation error: 'String does not match pattern ^.+$' on property id (ID of the user to retrieve the organizations for).",
    })
    expect(failure('GET', '/users/%/organizations')).toMatchObject({ errorCode: 'invalid_uri' })
  })

  it('answers invalid_uri for an empty id', () => {
    expect(failure('GET', '/users/')).toMatchObject({ statusCode: 400, errorCode: 'invalid_uri' })
    expect(failure('GET', '/users//organizations')).toMatchObject({ errorCode: 'invalid_uri' })
  })

  it.each([
    ['GET', '/clients'],
    ['GET', '/'],
    ['GET', '/users/x/roles'],
    ['GET', '/users/x/organizations/extra'],
    ['POST', '/users'],
    ['DELETE', '/users/x'],
  ])('answers 404 for %s %s', (method, path) => {
    expect(failure(method, path)).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
    })
  })
})

describe('resolveRoute: an organization member’s roles', () => {
  const rolesPath = (organizationId: string, userId: string) =>
    `/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}/roles`

  it.each(AWKWARD_IDS)('decodes the user id %j exactly once, beside the organization id', (id) => {
    expect(resolveRoute('GET', `${BASE}${rolesPath('org_abc', id)}?page=0`)).toEqual({
      name: 'listOrganizationMemberRoles',
      scopes: ['read:organization_member_roles'],
      organizationId: 'org_abc',
      userId: id,
    })
  })

  it('decodes the organization id once too', () => {
    expect(
      resolveRoute('GET', `${BASE}${rolesPath('org/with?odd#100%25', 'auth0|x')}`),
    ).toMatchObject({ organizationId: 'org/with?odd#100%25', userId: 'auth0|x' })
  })

  it.each([
    ['/organizations/%E0%A4%A/members/x/roles', 'id (Organization identifier)'],
    ['/organizations//members/x/roles', 'id (Organization identifier)'],
    ['/organizations/org_1/members/%/roles', 'user_id (ID of the user to associate roles with)'],
    ['/organizations/org_1/members//roles', 'user_id (ID of the user to associate roles with)'],
  ])('answers invalid_uri for %s, naming %s', (path, property) => {
    expect(failure('GET', path)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: `Path validation error: 'String does not match pattern ^.+$' on property ${property}.`,
      errorCode: 'invalid_uri',
    })
  })

  it.each([
    ['GET', '/organizations/org_1/members/x'],
    ['GET', '/organizations/org_1/members/x/roles/'],
    ['GET', '/organizations/org_1/members/x/roles/extra'],
    ['GET', '/organizations/org_1/roles/x/members'],
    ['POST', '/organizations/org_1/members/x/roles'],
    ['DELETE', '/organizations/org_1/members/x/roles'],
  ])('answers 404 for %s %s', (method, path) => {
    expect(failure(method, path)).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
    })
  })
})

describe('resolveRoute: organizations and their members', () => {
  it.each(AWKWARD_IDS)('decodes the organization id %j exactly once', (id) => {
    const encoded = encodeURIComponent(id)
    expect(resolveRoute('GET', `${BASE}/organizations/${encoded}`)).toEqual({
      name: 'getOrganization',
      scopes: ['read:organizations'],
      organizationId: id,
    })
    expect(resolveRoute('GET', `${BASE}/organizations/${encoded}/members?take=5`)).toEqual({
      name: 'listOrganizationMembers',
      scopes: ['read:organization_members'],
      organizationId: id,
    })
  })

  it('resolves an organization by name, the name decoded once, apart from the members', () => {
    expect(
      resolveRoute('GET', `${BASE}/organizations/name/${encodeURIComponent('a/b 日本')}`),
    ).toEqual({
      name: 'getOrganizationByName',
      scopes: ['read:organizations'],
      organizationName: 'a/b 日本',
    })
    expect(resolveRoute('GET', `${BASE}/organizations/name/members`)).toMatchObject({
      name: 'getOrganizationByName',
      organizationName: 'members',
    })
  })

  it('resolves the list of organizations', () => {
    expect(resolveRoute('GET', `${BASE}/organizations?take=5`)).toEqual({
      name: 'listOrganizations',
      scopes: ['read:organizations'],
    })
  })

  it.each([
    ['fields=roles'],
    ['fields=user_id,roles&include_fields=true'],
    ['fields=name&fields=roles'],
  ])('needs read:organization_member_roles too for the members with %s', (query) => {
    expect(resolveRoute('GET', `${BASE}/organizations/org_1/members?${query}`)).toMatchObject({
      scopes: ['read:organization_members', 'read:organization_member_roles'],
    })
  })

  it.each([['fields=name,email'], ['fields=roles&include_fields=false'], ['']])(
    'needs read:organization_members alone for the members with %j',
    (query) => {
      expect(resolveRoute('GET', `${BASE}/organizations/org_1/members?${query}`)).toMatchObject({
        scopes: ['read:organization_members'],
      })
    },
  )
})
