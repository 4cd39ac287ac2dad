import { beforeAll, describe, expect, it } from 'vitest'
import {
  RATE_LIMITED_SCENARIO,
  SCENARIO_ORGANIZATIONS,
  SCENARIO_USERS,
  SLOW_SCENARIO_DELAY_MS,
  type OrganizationScenarioName,
  type ScenarioName,
} from '../seed/scenarios'
import {
  checkpointPages,
  createTestTenant,
  manualClock,
  userPath,
  type TestTenant,
} from '../testing/test-tenant'

let t: TestTenant
beforeAll(async () => {
  t = await createTestTenant()
})

const organizationsOf = (scenario: ScenarioName, tenant: TestTenant = t, signal?: AbortSignal) =>
  tenant.get(
    userPath(SCENARIO_USERS[scenario].userId, '/organizations?include_totals=true'),
    signal ? { signal } : {},
  )

const userOf = (scenario: ScenarioName) => t.get(userPath(SCENARIO_USERS[scenario].userId))

const organizationPath = (scenario: OrganizationScenarioName, suffix = ''): string =>
  `/organizations/${SCENARIO_ORGANIZATIONS[scenario].id}${suffix}`

const membersOf = (
  scenario: OrganizationScenarioName,
  tenant: TestTenant = t,
  signal?: AbortSignal,
) =>
  tenant.get(organizationPath(scenario, '/members?include_totals=true'), signal ? { signal } : {})

/** The lists a scenario acts on, each with how many records it really holds. */
const SCENARIO_LISTS = [
  {
    list: 'a scenario user’s organizations',
    get: organizationsOf,
    total: SCENARIO_USERS['rate-limited'].memberships,
  },
  {
    list: 'a scenario organization’s members',
    get: membersOf,
    total: SCENARIO_ORGANIZATIONS['rate-limited'].memberCount,
  },
] as const

/** The bodies users and organizations answer alike. */
const INVALID_TOKEN = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid token',
  attributes: { error: 'Invalid token' },
}
const SERVER_ERROR = {
  statusCode: 500,
  error: 'Internal Server Error',
  message: 'An internal server error occurred.',
}

describe('scenario users', () => {
  it.each([
    ['invalid-token', 401, INVALID_TOKEN],
    [
      'invalid-signature',
      401,
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid signature received for JSON Web Token validation.',
      },
    ],
    [
      'insufficient-scope',
      403,
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:organizations',
        errorCode: 'insufficient_scope',
      },
    ],
    ['deleted', 404, { statusCode: 404, error: 'Not Found', message: 'User not found' }],
    [
      'invalid-uri',
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Path validation error: 'String does not match pattern ^.+$' on property id (ID of the user to retrieve the organizations for).",
        errorCode: 'invalid_uri',
      },
    ],
    ['server-error', 500, SERVER_ERROR],
  ] as const)('%s: organizations answer %i with Auth0’s body', async (scenario, status, body) => {
    const response = await organizationsOf(scenario)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
    expect(response.headers.get('X-RateLimit-Limit')).not.toBeNull()
  })

  it.each([
    'invalid-token',
    'invalid-signature',
    'insufficient-scope',
    'invalid-uri',
    'rate-limited',
    'server-error',
    'bad-gateway',
    'empty-body',
    'malformed',
    'slow',
  ] as const)('%s: the user itself still loads', async (scenario) => {
    const response = await userOf(scenario)
    expect(response.status).toBe(200)
    expect((await response.json()).user_id).toBe(SCENARIO_USERS[scenario].userId)
  })

  it('deleted: the user 404s as inexistent_user', async () => {
    const response = await userOf('deleted')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The user does not exist.',
      errorCode: 'inexistent_user',
    })
  })

  it('bad-gateway: 502 with an HTML page', async () => {
    const response = await organizationsOf('bad-gateway')
    expect(response.status).toBe(502)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('empty-body: 503 with nothing in it', async () => {
    const response = await organizationsOf('empty-body')
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('')
  })

  it('malformed: 200 with JSON that is not the documented shape', async () => {
    const response = await organizationsOf('malformed')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ organizations: 'oops' })
  })
})

describe('scenarios that take time, on users and organizations alike', () => {
  it.for(SCENARIO_LISTS)(
    'slow: $list answers only after 30 s, and stops at once when the caller aborts',
    async ({ get }) => {
      expect(SLOW_SCENARIO_DELAY_MS).toBe(30_000)
      const controller = new AbortController()
      const pending = get('slow', t, controller.signal)
      let settled = false
      void pending.then(() => (settled = true))
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(settled).toBe(false)
      controller.abort()
      const response = await pending
      expect(response.status).toBe(499)
    },
  )

  it.for(SCENARIO_LISTS)(
    'rate-limited: $list answers 429 with a reset ~5 s ahead; after it, success; after 60 s quiet, again',
    async ({ get, total }) => {
      const clock = manualClock(Math.ceil(Date.now() / 1000) * 1000 + 300)
      const tenant = await createTestTenant({ now: clock.now })
      const first = await get('rate-limited', tenant)
      expect(first.status).toBe(429)
      expect(await first.json()).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      })
      const reset = Number(first.headers.get('X-RateLimit-Reset'))
      expect(first.headers.get('X-RateLimit-Remaining')).toBe('0')
      expect(first.headers.get('X-RateLimit-Limit')).toBe(
        String(tenant.tenant.config.rateLimit.burst),
      )
      const secondsAhead = reset - clock.now() / 1000
      expect(secondsAhead).toBeGreaterThanOrEqual(RATE_LIMITED_SCENARIO.resetAfterSeconds)
      expect(secondsAhead).toBeLessThan(RATE_LIMITED_SCENARIO.resetAfterSeconds + 1)

      // Still inside the episode: the same reset.
      clock.advance(2000)
      const again = await get('rate-limited', tenant)
      expect(again.status).toBe(429)
      expect(again.headers.get('X-RateLimit-Reset')).toBe(String(reset))

      // At the advertised reset the retry succeeds, with the tenant's real headers.
      clock.advance(reset * 1000 - clock.now())
      const retry = await get('rate-limited', tenant)
      expect(retry.status).toBe(200)
      expect((await retry.json()).total).toBe(total)
      expect(Number(retry.headers.get('X-RateLimit-Remaining'))).toBeGreaterThan(0)

      // Asked again soon: still fine. After 60 s of quiet: a new episode.
      clock.advance(30_000)
      expect((await get('rate-limited', tenant)).status).toBe(200)
      clock.advance(RATE_LIMITED_SCENARIO.quietSecondsBeforeNewEpisode * 1000)
      expect((await get('rate-limited', tenant)).status).toBe(429)
    },
  )
})

describe('scenario organizations', () => {
  it.each([
    ['invalid-token', 401, INVALID_TOKEN],
    [
      'deleted',
      404,
      { statusCode: 404, error: 'Not Found', message: 'No organization found by that id or name' },
    ],
    ['server-error', 500, SERVER_ERROR],
    ['malformed', 200, { members: 'oops' }],
  ] as const)('%s: members answer %i with that body', async (scenario, status, body) => {
    const response = await membersOf(scenario)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
    expect(response.headers.get('X-RateLimit-Limit')).not.toBeNull()
  })

  it('bad-gateway: members answer 502 with an HTML page', async () => {
    const response = await membersOf('bad-gateway')
    expect(response.status).toBe(502)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it.each([
    'rate-limited',
    'server-error',
    'bad-gateway',
    'malformed',
    'slow',
    'invalid-token',
  ] as const)(
    '%s: the organization itself still loads, by id and by name, and so do its members’ roles',
    async (scenario) => {
      const { id, name } = SCENARIO_ORGANIZATIONS[scenario]
      const [member] = t.tenant.data.membersByOrganizationId.get(id) ?? []
      if (!member) throw new Error(`The ${scenario} organization has no members`)

      const byId = await t.get(organizationPath(scenario))
      const byName = await t.get(`/organizations/name/${name}`)
      const roles = await t.get(
        organizationPath(scenario, `/members/${encodeURIComponent(member.user_id)}/roles`),
      )

      expect(byId.status).toBe(200)
      expect((await byId.json()).id).toBe(id)
      expect(byName.status).toBe(200)
      expect((await byName.json()).id).toBe(id)
      expect(roles.status).toBe(200)
    },
  )

  it('deleted: listed among the organizations, but 404 by id and by name', async () => {
    const { id, name } = SCENARIO_ORGANIZATIONS.deleted
    const pages = await checkpointPages(t, '/organizations', 100)
    const listed = pages.flatMap((page) => page.organizations as { id: string }[])
    const notFound = {
      statusCode: 404,
      error: 'Not Found',
      message: 'No organization found by that id or name',
    }

    expect(listed).toContainEqual({
      id,
      name,
      display_name: SCENARIO_ORGANIZATIONS.deleted.display_name,
    })
    for (const path of [organizationPath('deleted'), `/organizations/name/${name}`]) {
      const response = await t.get(path)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual(notFound)
    }
  })

  it('never acts on an ordinary organization', async () => {
    const ordinary = t.tenant.data.organizations.find(
      (org) => !t.tenant.data.scenarioByOrganizationId.has(org.id),
    )
    const response = await t.get(`/organizations/${ordinary?.id ?? ''}/members`)
    expect(response.status).toBe(200)
  })
})
