import { beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS, type NamedUser } from '../seed/named-users'
import { SCENARIO_USERS } from '../seed/scenarios'
import type { User } from '../seed/seed'
import { createTestTenant, userPath, type TestTenant } from '../testing/test-tenant'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

async function search(query: Record<string, string>): Promise<Response> {
  return t.get(`/users?${new URLSearchParams({ search_engine: 'v3', ...query })}`)
}

async function searchIds(q: string): Promise<string[]> {
  const response = await search({ q, per_page: '100' })
  expect(response.status).toBe(200)
  return ((await response.json()) as User[]).map((user) => user.user_id)
}

describe('GET /users (search)', () => {
  it('answers a bare array by default, 50 to a page', async () => {
    const response = await t.get('/users')
    expect(response.status).toBe(200)
    const users = (await response.json()) as User[]
    expect(users).toHaveLength(50)
    expect(users[0]?.user_id).toBe(NAMED_USERS.noMemberships.userId)
  })

  it('answers { start, limit, length, total, users } with include_totals', async () => {
    const body = await (
      await search({
        q: 'email.domain:example.com',
        include_totals: 'true',
        per_page: '5',
        page: '1',
      })
    ).json()
    expect(body).toMatchObject({ start: 5, limit: 5, length: 5 })
    expect(body.total).toBeGreaterThan(10)
    expect(body.users).toHaveLength(5)
  })

  it('reports length as what this page holds, total as every match', async () => {
    const body = await (
      await search({ q: 'email:"pat.twin@example.com"', include_totals: 'true' })
    ).json()
    expect(body).toMatchObject({ start: 0, limit: 50, length: 2, total: 2 })
  })

  it('finds both accounts that share an email', async () => {
    expect(await searchIds('email:"pat.twin@example.com"')).toEqual([
      NAMED_USERS.sharedEmailDatabase.userId,
      NAMED_USERS.sharedEmailGoogle.userId,
    ])
  })

  it('finds every named and scenario user by its quoted email and its quoted user_id', async () => {
    const indexed = Object.values(NAMED_USERS).filter((user: NamedUser) => !user.notYetIndexed)
    for (const user of [...indexed, ...Object.values(SCENARIO_USERS)]) {
      const escaped = (text: string) => text.replace(/[\\"]/g, '\\$&')
      expect(await searchIds(`user_id:"${escaped(user.userId)}"`)).toEqual([user.userId])
      expect(await searchIds(`email:"${escaped(user.email)}"`)).toContain(user.userId)
    }
  })

  it('does not find a user created moments ago, by any field, until the index catches up', async () => {
    const { userId, email, name } = NAMED_USERS.justCreated
    for (const q of [
      `user_id:"${userId}"`,
      `email:"${email}"`,
      'email:just.created*',
      `name:"${name}"`,
      'email.domain:example.com',
    ]) {
      expect(await searchIds(q)).not.toContain(userId)
    }
  })

  it('includes the deleted scenario user in search results', async () => {
    expect(await searchIds('email:"deleted@scenarios.example.com"')).toEqual([
      SCENARIO_USERS.deleted.userId,
    ])
  })

  it('searches with wildcards across the seed', async () => {
    const ids = await searchIds('email:*@scenarios.example.com')
    expect(ids).toHaveLength(Object.keys(SCENARIO_USERS).length)
  })

  it('explains an unreadable query as invalid_query_string', async () => {
    for (const [q, explanation] of [
      ['name:jan* AND', "'AND' at character 11 has no term after it"],
      ['name:"jane', 'the quoted phrase at character 6 is never closed'],
      ['(a OR b', "unbalanced parentheses: '(' at character 1 is never closed"],
      ['picture:x', "the field 'picture' is not searchable"],
    ] as const) {
      const response = await search({ q })
      expect(response.status).toBe(400)
      const body = await response.json()
      expect(body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        errorCode: 'invalid_query_string',
      })
      expect(body.message).toMatch(/^Invalid query: /)
      expect(body.message).toContain(explanation)
    }
  })

  it('refuses per_page outside 1–100', async () => {
    for (const per_page of ['0', '101']) {
      const response = await search({ per_page })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
    }
  })

  it('refuses a search engine other than v3', async () => {
    const response = await search({ search_engine: 'v2' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
  })

  it('lets no one page past the first 1000 records', async () => {
    expect((await search({ page: '9', per_page: '100' })).status).toBe(200)
    const response = await search({ page: '10', per_page: '100' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation',
      errorCode: 'invalid_paging',
    })
  })

  it('sorts by a field in either direction, users without it last', async () => {
    const ascending = (await (await search({ sort: 'email:1', per_page: '100' })).json()) as User[]
    const emails = ascending.flatMap((user) => (user.email ? [user.email.toLowerCase()] : []))
    expect(emails).toEqual([...emails].sort())
    const descending = (await (
      await search({ sort: 'last_login:-1', per_page: '100', q: 'email.domain:example.com' })
    ).json()) as User[]
    const logins = descending.map((user) => user.last_login)
    const present = logins.filter((login) => login !== undefined)
    expect(logins.slice(0, present.length)).toEqual([...present].sort().reverse())
    expect(logins.slice(present.length).every((login) => login === undefined)).toBe(true)
  })

  it('refuses a malformed sort', async () => {
    const response = await search({ sort: 'email' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
  })

  it('includes or excludes fields', async () => {
    const q = `email:"${NAMED_USERS.oneMembership.email}"`
    const [only] = await (await search({ q, fields: 'user_id,email' })).json()
    expect(only).toEqual({
      user_id: NAMED_USERS.oneMembership.userId,
      email: NAMED_USERS.oneMembership.email,
    })
    const [without] = await (
      await search({ q, fields: 'identities,picture', include_fields: 'false' })
    ).json()
    expect(without).not.toHaveProperty('identities')
    expect(without).not.toHaveProperty('picture')
    expect(without).toHaveProperty('email')
  })
})

describe('GET /users/{id}', () => {
  it.each(Object.entries(NAMED_USERS))(
    'round-trips the id of %s through encodeURIComponent',
    async (_, named) => {
      const response = await t.get(userPath(named.userId))
      expect(response.status).toBe(200)
      const user = (await response.json()) as User
      expect(user.user_id).toBe(named.userId)
      expect(user.email).toBe(named.email)
    },
  )

  it('does not find an id that was decoded twice', async () => {
    // %25 in the id must arrive as %2525; a client that sends %25 asks for a different user.
    const response = await t.get(`/users/${encodeURIComponent('auth0|what?really#100%')}`)
    expect(response.status).toBe(404)
  })

  it('answers 404 inexistent_user for an unknown id', async () => {
    const response = await t.get(userPath('auth0|nobody-at-all'))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The user does not exist.',
      errorCode: 'inexistent_user',
    })
  })

  it('answers invalid_uri for a broken percent-encoding', async () => {
    const response = await t.get('/users/%E0%A4%A')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "Path validation error: 'String does not match pattern ^.+$' on property id (ID of the user to retrieve).",
      errorCode: 'invalid_uri',
    })
  })

  it('leaves unset fields out instead of sending null', async () => {
    const user = await (await t.get(userPath(NAMED_USERS.blockedNeverLoggedIn.userId))).json()
    expect(user.blocked).toBe(true)
    expect(user).not.toHaveProperty('last_login')
    expect(user).not.toHaveProperty('logins_count')
    expect(user).not.toHaveProperty('picture')
  })
})

describe('GET /users-by-email', () => {
  const byEmail = (query: string, token?: string): Promise<Response> =>
    t.get(`/users-by-email?${query}`, token === undefined ? {} : { token })

  it('answers every account with that email as a bare array', async () => {
    const response = await byEmail('email=pat.twin%40example.com')
    expect(response.status).toBe(200)
    const users = (await response.json()) as User[]
    expect(users.map((user) => user.user_id)).toEqual([
      NAMED_USERS.sharedEmailDatabase.userId,
      NAMED_USERS.sharedEmailGoogle.userId,
    ])
    expect(users[0]).toEqual(
      await (await t.get(userPath(NAMED_USERS.sharedEmailDatabase.userId))).json(),
    )
  })

  it('answers [] for an email nobody has, and matches exactly and case-sensitively', async () => {
    for (const email of ['nobody.at.all@example.com', 'PAT.TWIN@example.com', 'twin@example.com']) {
      const response = await byEmail(new URLSearchParams({ email }).toString())
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual([])
    }
  })

  it('finds a user created moments ago at once, as GET /users/{id} does', async () => {
    const { userId, email } = NAMED_USERS.justCreated
    const users = (await (
      await byEmail(new URLSearchParams({ email }).toString())
    ).json()) as User[]
    expect(users.map((user) => user.user_id)).toEqual([userId])
    const byId = await t.get(userPath(userId))
    expect(byId.status).toBe(200)
    expect(users[0]).toEqual(await byId.json())
  })

  it('picks fields as the other user endpoints do', async () => {
    const users = await (await byEmail('email=solo%40example.com&fields=user_id,email')).json()
    expect(users).toEqual([
      { user_id: NAMED_USERS.oneMembership.userId, email: NAMED_USERS.oneMembership.email },
    ])
  })

  it('refuses a missing, repeated or malformed email with invalid_query_string', async () => {
    const missing = await byEmail('')
    expect(missing.status).toBe(400)
    expect(await missing.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Query validation error: 'Missing required property: email'.",
      errorCode: 'invalid_query_string',
    })
    for (const query of ['email=', 'email=solo', 'email=a%20b%40c.d', 'email=a%40b&email=a%40b']) {
      const response = await byEmail(query)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        message: expect.stringMatching(/^Query validation error: .* on property email \(/),
        errorCode: 'invalid_query_string',
      })
    }
  })

  it('requires read:users', async () => {
    const response = await byEmail(
      'email=solo%40example.com',
      await t.mint({ scope: ['read:organizations'] }),
    )
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      message: 'Insufficient scope, expected any of: read:users',
      errorCode: 'insufficient_scope',
    })
  })
})
