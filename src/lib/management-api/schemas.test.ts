import { describe, expect, test } from 'vitest'
import {
  ErrorBodySchema,
  OrganizationSchema,
  OrganizationsPageSchema,
  UserSchema,
  UsersPageSchema,
  UsersSchema,
} from './schemas'

const acme = {
  id: 'org_acme',
  name: 'acme',
  display_name: 'Acme Corp',
  branding: {
    logo_url: 'https://acme.test/logo.png',
    colors: { primary: '#0059d6', page_background: '#000000' },
  },
  metadata: { tier: 'gold' },
}

describe('Organization', () => {
  test('accepts a full organization and keeps fields it does not know', () => {
    const org = OrganizationSchema.parse({ ...acme, token_quota: { client_credentials: {} } })
    expect(org).toMatchObject(acme)
    expect(org.token_quota).toEqual({ client_credentials: {} })
  })

  test('accepts one with only id and name, and reads null as absent', () => {
    expect(OrganizationSchema.parse({ id: 'org_1', name: 'one', display_name: null })).toEqual({
      id: 'org_1',
      name: 'one',
    })
  })

  test('rejects one without an id', () => {
    expect(OrganizationSchema.safeParse({ name: 'acme' }).success).toBe(false)
  })

  test('rejects metadata values that are not strings', () => {
    expect(OrganizationSchema.safeParse({ ...acme, metadata: { seats: 5 } }).success).toBe(false)
  })
})

describe('User', () => {
  test('accepts identities whose user_id is a number (some social providers)', () => {
    const user = UserSchema.parse({
      user_id: 'github|123',
      identities: [{ connection: 'github', provider: 'github', user_id: 123, isSocial: true }],
    })
    expect(user.identities?.[0]?.user_id).toBe(123)
  })

  test('accepts a user who never logged in: no last_login', () => {
    const user = UserSchema.parse({ user_id: 'auth0|1', email: 'jane@acme.com', logins_count: 0 })
    expect(user.last_login).toBeUndefined()
  })

  test('rejects a user without a user_id', () => {
    expect(UserSchema.safeParse({ email: 'jane@acme.com' }).success).toBe(false)
  })
})

describe('UsersPage', () => {
  test('accepts the include_totals shape', () => {
    const page = UsersPageSchema.parse({
      start: 0,
      limit: 50,
      length: 1,
      total: 1,
      users: [{ user_id: 'auth0|1' }],
    })
    expect(page.users).toHaveLength(1)
    expect(page.total).toBe(1)
  })
})

describe('Users (users-by-email)', () => {
  test('accepts the bare array, empty or not', () => {
    expect(UsersSchema.parse([])).toEqual([])
    expect(UsersSchema.parse([{ user_id: 'auth0|1' }, { user_id: 'auth0|2' }])).toHaveLength(2)
  })

  test('rejects a search page in its place, and names the user that did not fit', () => {
    expect(UsersSchema.safeParse({ users: [] }).success).toBe(false)
    expect(UsersSchema.safeParse([{ email: 'a@b.c' }]).error?.issues[0]?.path).toEqual([
      0,
      'user_id',
    ])
  })
})

describe('OrganizationsPage', () => {
  test('accepts the include_totals shape', () => {
    expect(
      OrganizationsPageSchema.parse({ start: 0, limit: 50, total: 1, organizations: [acme] }),
    ).toMatchObject({ start: 0, limit: 50, total: 1, organizations: [acme] })
  })

  test('accepts a bare array as a page without totals', () => {
    const page = OrganizationsPageSchema.parse([acme])
    expect(page.organizations).toHaveLength(1)
    expect(page.total).toBeUndefined()
  })

  test('names the field that did not fit', () => {
    const result = OrganizationsPageSchema.safeParse({ organizations: [{ name: 'acme' }] })
    expect(result.error?.issues[0]?.path).toEqual(['organizations', 0, 'id'])
  })
})

describe('ErrorBody', () => {
  test('accepts a body without errorCode but with attributes', () => {
    expect(
      ErrorBodySchema.parse({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
        attributes: { error: 'Invalid token' },
      }),
    ).toMatchObject({ statusCode: 401, message: 'Invalid token' })
  })

  test('requires a message', () => {
    expect(ErrorBodySchema.safeParse({ statusCode: 502 }).success).toBe(false)
  })
})
