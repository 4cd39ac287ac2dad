import { beforeAll, describe, expect, it } from 'vitest'
import { ALL_SCOPES } from '../config'
import { THREE_MEMBER_ORGANIZATION } from '../seed/organization-page'
import type { Organization } from '../seed/seed'
import { checkpointPages, createTestTenant, type TestTenant } from '../testing/test-tenant'
import { setManagementApiSettings } from './settings'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

const organizationPath = (id: string): string => `/organizations/${encodeURIComponent(id)}`
const ids = (organizations: readonly Organization[]): string[] => organizations.map((o) => o.id)

describe('GET /organizations/{id}', () => {
  it('answers the organization record as the seed holds it: id, name, display name, branding, metadata', async () => {
    const branded = t.tenant.data.organizations.find((org) => org.branding && org.metadata)
    if (!branded) throw new Error('The seed has no branded organization with metadata')

    const response = await t.get(organizationPath(branded.id))

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(branded)
  })

  it('needs read:organizations', async () => {
    const token = await t.mint({ scope: ALL_SCOPES.filter((s) => s !== 'read:organizations') })
    const response = await t.get(organizationPath(t.tenant.data.organizations[0]?.id ?? ''), {
      token,
    })

    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      message: 'Insufficient scope, expected any of: read:organizations',
      errorCode: 'insufficient_scope',
    })
  })
})

describe('GET /organizations/name/{name}', () => {
  it('answers the organization whose name it is, the same record as by id', async () => {
    const { id, name } = THREE_MEMBER_ORGANIZATION

    const byName = await t.get(`/organizations/name/${name}`)
    const byId = await t.get(organizationPath(id))

    expect(byName.status).toBe(200)
    expect(await byName.json()).toEqual(await byId.json())
  })

  it('needs read:organizations, and no more', async () => {
    const refused = await t.get(`/organizations/name/${THREE_MEMBER_ORGANIZATION.name}`, {
      token: await t.mint({ scope: ALL_SCOPES.filter((s) => s !== 'read:organizations') }),
    })
    const allowed = await t.get(`/organizations/name/${THREE_MEMBER_ORGANIZATION.name}`, {
      token: await t.mint({ scope: ['read:organizations'] }),
    })

    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      message: 'Insufficient scope, expected any of: read:organizations',
      errorCode: 'insufficient_scope',
    })
    expect(allowed.status).toBe(200)
  })
})

describe('the organization 404', () => {
  // As recorded from real tenants: no errorCode.
  const NOT_FOUND = {
    statusCode: 404,
    error: 'Not Found',
    message: 'No organization found by that id or name',
  }
  const unknownIds = [
    ['an unknown id', 'org_doesNotExist0000'],
    ['an id with | and /, sent as one segment', 'org|a/b'],
    ['an id in another script', 'org_日本語🚀'],
  ] as const
  const byName = (name: string): string => `/organizations/name/${encodeURIComponent(name)}`

  it.each([
    ...unknownIds.flatMap(([label, id]) => [
      [`${label}: the organization`, organizationPath(id)],
      [`${label}: its members`, `${organizationPath(id)}/members`],
    ]),
    ['an unknown name', byName('no-such-organization')],
    ['an id looked up as a name', byName(THREE_MEMBER_ORGANIZATION.id)],
    ['a name in another case', byName(THREE_MEMBER_ORGANIZATION.name.toUpperCase())],
  ])("is Auth0's for %s", async (_, path) => {
    const response = await t.get(path)

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual(NOT_FOUND)
  })
})

describe('GET /organizations', () => {
  const all = () => t.tenant.data.organizations

  it('answers a bare array of the first 50 by default, in name order', async () => {
    const response = await t.get('/organizations')

    expect(response.status).toBe(200)
    expect(ids(await response.json())).toEqual(ids(all().slice(0, 50)))
  })

  it('answers { start, limit, total, organizations } with include_totals, total past 1000', async () => {
    const body = await (
      await t.get('/organizations?include_totals=true&page=3&per_page=100')
    ).json()

    expect(Object.keys(body).sort()).toEqual(['limit', 'organizations', 'start', 'total'])
    expect(body).toMatchObject({ start: 300, limit: 100, total: all().length })
    expect(all().length).toBeGreaterThan(1000)
    expect(ids(body.organizations)).toEqual(ids(all().slice(300, 400)))
  })

  it('refuses an offset page past record 1000', async () => {
    const response = await t.get('/organizations?page=10&per_page=100')

    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Requesting page exceeds the allowed maximum of 1000 records',
      errorCode: 'invalid_paging',
    })
  })

  it('reaches every organization by checkpoint, each once, in list order; no next on the last page', async () => {
    const pages = await checkpointPages(t, '/organizations', 100)
    const reached = pages.flatMap((page) => ids(page.organizations as Organization[]))

    expect(reached).toEqual(ids(all()))
    expect(pages.slice(0, -1).every((page) => typeof page.next === 'string')).toBe(true)
    expect(Object.keys(pages.at(-1) ?? {})).toEqual(['organizations'])
  })

  it.each(['take=0', 'take=101', 'from=not%20base64!', `from=${btoa('org_doesNotExist0000')}`])(
    'refuses %s with 400 invalid_query_string',
    async (query) => {
      const response = await t.get(`/organizations?${query}`)

      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errorCode: 'invalid_query_string' })
    },
  )

  it('refuses from and take on a tenant without checkpoint paging; offset paging still works', async () => {
    const tenant = await createTestTenant()
    setManagementApiSettings(tenant.tenant, { checkpointPaging: false })

    for (const name of ['take', 'from']) {
      expect(await (await tenant.get(`/organizations?${name}=1`)).json()).toMatchObject({
        statusCode: 400,
        message: `Query validation error: 'Additional properties not allowed: ${name}'.`,
      })
    }
    expect(await (await tenant.get('/organizations?per_page=10')).json()).toHaveLength(10)
  })
})
