import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NAMED_USERS } from '../seed/named-users'
import { SCENARIO_USERS } from '../seed/scenarios'
import { createTestTenant, userPath, type TestTenant } from '../testing/test-tenant'

/**
 * The same API over real HTTP, as `npm start` serves it. @hono/node-server swaps in its own
 * Response class, which behaves differently from the one tenant.fetch uses (it once dropped the
 * rate-limit headers), so the headers are checked here too. Own file: the swap is global.
 */
let t: TestTenant
let server: ReturnType<typeof serve>
let base: string

beforeAll(async () => {
  t = await createTestTenant()
  server = serve({ fetch: t.tenant.app.fetch, hostname: '127.0.0.1', port: 0 })
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`
})

afterAll(async () => {
  server.close()
  await once(server, 'close')
})

const get = (path: string, token: string | null = t.token) =>
  fetch(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })

describe('over HTTP', () => {
  it.each([
    ['a success', () => get(userPath(NAMED_USERS.oneMembership.userId, '/organizations')), 200],
    ['a 401', () => get('/users', null), 401],
    ['a 404', () => get(userPath('auth0|nobody-at-all')), 404],
    [
      'a scenario error',
      () => get(userPath(SCENARIO_USERS['server-error'].userId, '/organizations')),
      500,
    ],
    [
      'the rate-limited scenario',
      () => get(userPath(SCENARIO_USERS['rate-limited'].userId, '/organizations')),
      429,
    ],
  ])('keeps the X-RateLimit-* headers on %s', async (_, request, status) => {
    const response = await request()
    expect(response.status).toBe(status)
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
      expect(response.headers.get(name), name).toMatch(/^\d+$/)
    }
    await response.arrayBuffer()
  })

  it('round-trips an id with / ? # % and non-Latin characters', async () => {
    for (const user of [NAMED_USERS.slashAndUnicodeId, NAMED_USERS.reservedCharactersId]) {
      const response = await get(userPath(user.userId))
      expect(response.status).toBe(200)
      expect((await response.json()).user_id).toBe(user.userId)
    }
  })

  it("finds a member's roles by an id with / ? # % and non-Latin characters", async () => {
    for (const user of [NAMED_USERS.slashAndUnicodeId, NAMED_USERS.reservedCharactersId]) {
      const [organization] = t.tenant.data.membershipsByUserId.get(user.userId) ?? []
      const path = `/organizations/${organization?.id}/members/${encodeURIComponent(user.userId)}/roles`
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('X-RateLimit-Remaining')).toMatch(/^\d+$/)
      expect((await response.json()).map((role: { name: string }) => role.name)).toEqual([
        'Member',
        'Org Admin',
      ])
    }
  })
})
