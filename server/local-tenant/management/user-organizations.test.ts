import { beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import type { Organization } from '../seed/seed'
import {
  checkpointPages,
  createTestTenant,
  userPath,
  type TestTenant,
} from '../testing/test-tenant'
import { setManagementApiSettings } from './settings'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

const organizationsOf = (userId: string, query = ''): Promise<Response> =>
  t.get(userPath(userId, `/organizations${query}`))

interface Totals {
  start: number
  limit: number
  total: number
  organizations: Organization[]
}

/** Walks every page the API allows, as the SPA does. */
async function allPages(userId: string, perPage: number): Promise<Totals[]> {
  const pages: Totals[] = []
  for (let page = 0; (page + 1) * perPage <= 1000; page++) {
    const response = await organizationsOf(
      userId,
      `?include_totals=true&per_page=${perPage}&page=${page}`,
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as Totals
    pages.push(body)
    if ((page + 1) * perPage >= body.total) break
  }
  return pages
}

describe('GET /users/{id}/organizations', () => {
  it('answers a bare array by default', async () => {
    const response = await organizationsOf(NAMED_USERS.threeMemberships.userId)
    expect(response.status).toBe(200)
    const organizations = (await response.json()) as Organization[]
    expect(organizations).toHaveLength(3)
    for (const org of organizations) expect(org.id).toMatch(/^org_[A-Za-z0-9]{16}$/)
  })

  it('answers { start, limit, total, organizations } without length, with include_totals', async () => {
    const body = await (
      await organizationsOf(
        NAMED_USERS.manyMemberships.userId,
        '?include_totals=true&page=1&per_page=50',
      )
    ).json()
    expect(Object.keys(body).sort()).toEqual(['limit', 'organizations', 'start', 'total'])
    expect(body).toMatchObject({ start: 50, limit: 50, total: 150 })
    expect(body.organizations).toHaveLength(50)
  })

  it('answers an empty list for a user in no organization', async () => {
    expect(await (await organizationsOf(NAMED_USERS.noMemberships.userId)).json()).toEqual([])
    expect(
      await (
        await organizationsOf(NAMED_USERS.noMemberships.userId, '?include_totals=true')
      ).json(),
    ).toEqual({
      start: 0,
      limit: 50,
      total: 0,
      organizations: [],
    })
  })

  it.each([
    ['oneMembership', NAMED_USERS.oneMembership],
    ['threeMemberships', NAMED_USERS.threeMemberships],
    ['manyMemberships', NAMED_USERS.manyMemberships],
    ['thousandMemberships', NAMED_USERS.thousandMemberships],
  ])('pages through all of %s, each organization once, in a stable order', async (_, user) => {
    const pages = await allPages(user.userId, 100)
    const ids = pages.flatMap((page) => page.organizations.map((org) => org.id))
    expect(ids).toHaveLength(user.memberships)
    expect(new Set(ids).size).toBe(user.memberships)
    const again = (await allPages(user.userId, 100)).flatMap((page) =>
      page.organizations.map((org) => org.id),
    )
    expect(again).toEqual(ids)
  })

  it('reports the true total past 1000 but stops paging at record 1000', async () => {
    const userId = NAMED_USERS.overflowMemberships.userId
    const pages = await allPages(userId, 50)
    expect(pages.every((page) => page.total === 1200)).toBe(true)
    expect(pages.flatMap((page) => page.organizations)).toHaveLength(1000)

    const refused = await organizationsOf(userId, '?include_totals=true&per_page=50&page=20')
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Requesting page exceeds the allowed maximum of 1000 records',
      errorCode: 'invalid_paging',
    })
  })

  it('refuses per_page outside 1–100', async () => {
    for (const perPage of ['0', '101', 'x']) {
      const response = await organizationsOf(
        NAMED_USERS.oneMembership.userId,
        `?per_page=${perPage}`,
      )
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
    }
  })

  it('answers the documented 404 (no errorCode) for an unknown user', async () => {
    const response = await organizationsOf('auth0|nobody-at-all')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'User not found',
    })
  })

  it.each([
    ['samlUser', NAMED_USERS.samlUser],
    ['office365User', NAMED_USERS.office365User],
    ['slashAndUnicodeId', NAMED_USERS.slashAndUnicodeId],
    ['reservedCharactersId', NAMED_USERS.reservedCharactersId],
  ])('serves the memberships of the awkward id %s', async (_, user) => {
    const organizations = await (await organizationsOf(user.userId)).json()
    expect(organizations).toHaveLength(user.memberships)
  })

  it('answers invalid_uri for a broken percent-encoding', async () => {
    const response = await t.get('/users/%E0%A4%A/organizations')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ statusCode: 400, errorCode: 'invalid_uri' })
  })

  it('serves the edge-case organizations untouched: markup, bad URLs, other scripts', async () => {
    const organizations = (await (
      await organizationsOf(NAMED_USERS.edgeCaseOrganizations.userId, '?per_page=100')
    ).json()) as Organization[]
    expect(organizations).toHaveLength(NAMED_USERS.edgeCaseOrganizations.memberships)
    const displayNames = organizations.map((org) => org.display_name)
    expect(displayNames).toContain('<img src=x onerror=alert(1)>')
    expect(displayNames).toContain('株式会社さくらロジスティクス')
    expect(organizations.map((org) => org.branding?.logo_url)).toContain('javascript:alert(1)')
  })
})

/** Follows `next` from the first page to the last, as the reference describes. */
const allCheckpoints = async (userId: string, take: number) =>
  (await checkpointPages(t, userPath(userId, '/organizations'), take)).map((page) => ({
    ...page,
    organizations: page.organizations as Organization[],
  }))

describe('GET /users/{id}/organizations with checkpoint paging', () => {
  it.each([
    ['overflowMemberships', NAMED_USERS.overflowMemberships],
    ['fiveThousandMemberships', NAMED_USERS.fiveThousandMemberships],
  ])(
    'reaches all of %s past the 1000 offset paging stops at, each once, in list order',
    async (_, user) => {
      const userId = user.userId
      const pages = await allCheckpoints(userId, 100)
      expect(pages).toHaveLength(user.memberships / 100)
      const ids = pages.flatMap((page) => page.organizations.map((org) => org.id))
      expect(ids).toHaveLength(user.memberships)
      expect(new Set(ids).size).toBe(user.memberships)
      const offset = (await allPages(userId, 100)).flatMap((page) =>
        page.organizations.map((org) => org.id),
      )
      expect(ids.slice(0, 1000)).toEqual(offset)
    },
  )

  it('answers { organizations, next } with no totals, and no next on the last page', async () => {
    const userId = NAMED_USERS.threeMemberships.userId
    const first = await (await organizationsOf(userId, '?take=2')).json()
    expect(Object.keys(first).sort()).toEqual(['next', 'organizations'])
    expect(first.organizations).toHaveLength(2)
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/)
    const last = await (await organizationsOf(userId, `?take=2&from=${first.next}`)).json()
    expect(Object.keys(last)).toEqual(['organizations'])
    expect(last.organizations).toHaveLength(1)
  })

  it('takes 50 by default, ignores page, per_page and include_totals beside it', async () => {
    const userId = NAMED_USERS.manyMemberships.userId
    const body = await (
      await organizationsOf(userId, '?take=50&page=2&per_page=10&include_totals=true')
    ).json()
    expect(Object.keys(body).sort()).toEqual(['next', 'organizations'])
    expect(body.organizations).toHaveLength(50)
    const byDefault = await (await organizationsOf(userId, `?from=${body.next}`)).json()
    expect(byDefault.organizations).toHaveLength(50)
    expect(byDefault.organizations[0].id).not.toBe(body.organizations[0].id)
  })

  it('answers an empty list without next for a user in no organization', async () => {
    const body = await (await organizationsOf(NAMED_USERS.noMemberships.userId, '?take=10')).json()
    expect(body).toEqual({ organizations: [] })
  })

  it('refuses take outside 1–100', async () => {
    for (const take of ['0', '101', 'x', '']) {
      const response = await organizationsOf(NAMED_USERS.oneMembership.userId, `?take=${take}`)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
    }
  })

  it('refuses a malformed or unknown from in Auth0’s shape', async () => {
    const userId = NAMED_USERS.manyMemberships.userId
    // Edge-case organizations belong to Eddie alone: his `next` names none of Manny's.
    const foreign = await (
      await organizationsOf(NAMED_USERS.edgeCaseOrganizations.userId, '?take=1')
    ).json()
    for (const from of ['not base64!', 'x', btoa('org_doesnotexist00000'), foreign.next]) {
      const response = await organizationsOf(userId, `?${new URLSearchParams({ from })}`)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Query validation error: 'Not a checkpoint this list issued' on property from (Optional Id from which to start selection.).",
        errorCode: 'invalid_query_string',
      })
    }
  })

  it('refuses from and take on a tenant without checkpoint paging; offset paging still works', async () => {
    const tenant = await createTestTenant()
    setManagementApiSettings(tenant.tenant, { checkpointPaging: false })
    const userId = userPath(NAMED_USERS.overflowMemberships.userId, '/organizations')
    for (const name of ['take', 'from']) {
      const response = await tenant.get(`${userId}?${name}=1`)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `Query validation error: 'Additional properties not allowed: ${name}'.`,
        errorCode: 'invalid_query_string',
      })
    }
    expect(await (await tenant.get(`${userId}?per_page=10`)).json()).toHaveLength(10)
  })
})
