import { describe, expect, it } from 'vitest'
import { LARGE_ORGANIZATION } from '../local-tenant/seed/large-organization'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { createTestProxy, userPath } from './testing/test-proxy'

const OVERFLOW = NAMED_USERS.overflowMemberships
const organizationsPath = (query: string): string =>
  `${userPath(OVERFLOW.userId, '/organizations')}?${query}`

describe('checkpoint paging through the proxy', () => {
  it.each([
    [
      'a user’s memberships: every one of 1,200',
      userPath(OVERFLOW.userId, '/organizations'),
      'organizations',
      'id',
      OVERFLOW.memberships,
    ],
    [
      'an organization’s members: every one of 10,000',
      `/api/v2/organizations/${LARGE_ORGANIZATION.id}/members`,
      'members',
      'user_id',
      LARGE_ORGANIZATION.memberCount,
    ],
  ])('relays from and take on %s is reached', async (_, path, key, idField, count) => {
    const proxy = await createTestProxy()
    const ids: unknown[] = []
    let from: string | undefined
    do {
      const query = new URLSearchParams({ take: '100', ...(from ? { from } : {}) })
      const response = await proxy.get(`${path}?${query}`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, Record<string, unknown>[]> & {
        next?: string
      }
      ids.push(...(body[key] ?? []).map((record) => record[idField]))
      from = body.next
    } while (from !== undefined)

    expect(new Set(ids).size).toBe(count)
    expect(new URL(String(proxy.managementRequests()[1]?.url)).searchParams.get('from')).toEqual(
      expect.any(String),
    )
  })

  it.each([
    ['take=0', "'Number is less than minimum (1)' on property take"],
    ['take=101', "'Number is greater than maximum (100)' on property take"],
    ['take=x', "'Expected type integer but found type string' on property take"],
    ['take=1.5', "'Expected type integer but found type string' on property take"],
    ['take=-1', "'Number is less than minimum (1)' on property take"],
    [`from=${'a'.repeat(513)}`, "'String is too long (513 chars), maximum 512' on property from"],
    ['from=a%20b', "'String does not match pattern"],
    ['from=%3Cscript%3E', "'String does not match pattern"],
    ['from=', "'String does not match pattern"],
  ])('refuses %s with 400 invalid_query_string, sending nothing upstream', async (query, words) => {
    const proxy = await createTestProxy()
    const response = await proxy.get(organizationsPath(query))

    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      errorCode: 'invalid_query_string',
    })
    expect(body.message).toContain(`Query validation error: ${words}`)
    expect(proxy.managementRequests()).toEqual([])
    expect(proxy.auditEntries()).toEqual([
      expect.objectContaining({ endpoint: 'users.organizations', status: 400 }),
    ])
  })

  it('relays a 512-character from, and the tenant’s own answer to a from it never issued', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(organizationsPath(`from=${'a'.repeat(512)}`))

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining("'Not a checkpoint this list issued' on property from"),
    })
    expect(proxy.managementRequests()).toHaveLength(1)
  })

  it('drops from and take wherever checkpoint paging is not on the table', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get('/api/v2/users?q=solo&take=5&from=abc')

    expect(response.status).toBe(200)
    expect(new URL(String(proxy.managementRequests()[0]?.url)).search).toBe('?q=solo')
  })
})
