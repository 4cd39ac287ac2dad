import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createManagementApi, type ManagementApi } from '@/lib/management-api/client'
import { ManagementApiError } from '@/lib/management-api/errors'
import { MAX_CONCURRENT_REQUESTS, pacedManagementApi } from '@/lib/management-api/pacer'
import { shouldRetryRequest } from '@/lib/management-api/retry'
import {
  faults,
  server,
  tenant,
  TENANT_API_BASE_URL,
  TENANT_AUDIENCE,
  tenantUrl,
} from '@/testing/server'
import { ALL_SCOPES, SPA_CLIENT_ID } from '../../../server/local-tenant/config'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { emptyListLoad } from '@/lib/management-api/list-load'
import {
  OFFSET_LIST_CAP,
  planPages,
  type FetchListOptions,
  type ListEvent,
} from '@/lib/management-api/list-pager'
import type { Organization } from '@/lib/management-api/schemas'
import { fetchMemberships } from './fetch-memberships'
import { addMembershipsEvent, type Memberships } from './memberships'

type MembershipsEvent = ListEvent<Organization>
type FetchMembershipsOptions = FetchListOptions<Organization>

const ORGANIZATIONS_PATH = tenantUrl('/api/v2/users/:userId/organizations')
const {
  thousandMemberships,
  overflowMemberships,
  fiveThousandMemberships,
  manyMemberships,
  threeMemberships,
} = NAMED_USERS

const token = tenant.mintAccessToken({
  sub: 'auth0|admin-ada',
  clientId: SPA_CLIENT_ID,
  audience: TENANT_AUDIENCE,
  scope: [...ALL_SCOPES],
})

interface SentRequest {
  page: number
  perPage: number
  /** Checkpoint requests only. */
  take?: number
  from?: string
  signal: AbortSignal | undefined
  /** The HTTP status, or the kind of failure; undefined while in flight. */
  outcome?: number | string
  startedAt: number
  endedAt?: number
}

/**
 * The real client against the local tenant, recording what reaches the network and when, paced
 * as in the app by the session's pacer (which alone bounds how many pages travel together).
 */
function watchedApi({ timeoutMs, concurrency }: { timeoutMs?: number; concurrency?: number } = {}) {
  const inner = createManagementApi({
    baseUrl: TENANT_API_BASE_URL,
    getAccessToken: () => token,
    ...(timeoutMs !== undefined && { timeoutMs }),
  })
  const sent: SentRequest[] = []
  let inFlight = 0
  let maxInFlight = 0
  const api: ManagementApi = {
    baseUrl: inner.baseUrl,
    async request(path, options) {
      const { page, per_page: perPage, take, from } = options.query ?? {}
      const entry: SentRequest = {
        page: Number(page),
        perPage: Number(perPage),
        ...(take !== undefined && { take: Number(take) }),
        ...(from !== undefined && { from: String(from) }),
        signal: options.signal,
        startedAt: Date.now(),
      }
      sent.push(entry)
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        const response = await inner.request(path, options)
        entry.outcome = response.status
        return response
      } catch (error) {
        entry.outcome = error instanceof ManagementApiError ? (error.status ?? error.kind) : 'abort'
        throw error
      } finally {
        inFlight -= 1
        entry.endedAt = Date.now()
      }
    },
  }
  return { api: pacedManagementApi(api, { concurrency }), sent, maxInFlight: () => maxInFlight }
}

async function collect(
  api: ManagementApi,
  userId: string,
  options: FetchMembershipsOptions = {},
): Promise<{ events: MembershipsEvent[]; list: Memberships }> {
  const events: MembershipsEvent[] = []
  for await (const event of fetchMemberships(api, userId, options)) events.push(event)
  return { events, list: events.reduce(addMembershipsEvent, emptyListLoad()) }
}

function seededIds(userId: string): string[] {
  return (tenant.data.membershipsByUserId.get(userId) ?? []).map((org) => org.id)
}

/** Every memberships request reaches the tenant without `param`, as through a proxy dropping it. */
function tenantNeverSees(param: string) {
  server.use(
    http.get(ORGANIZATIONS_PATH, ({ request }) => {
      const url = new URL(request.url)
      url.searchParams.delete(param)
      return tenant.fetch(new Request(url, { headers: request.headers }))
    }),
  )
}

const quickRetries = {
  shouldRetry: shouldRetryRequest,
  delayMs: () => 5,
}

const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  // Each test starts with a full, roomy bucket; the pacing tests set their own.
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, {
    rateLimit: defaultRateLimit,
    latencyMs: 0,
    checkpointPaging: true,
  })
})

describe('planPages', () => {
  test('covers a list in whole pages when per_page divides 1000', () => {
    expect(planPages(120, 50)).toEqual([
      { page: 0, perPage: 50, start: 0 },
      { page: 1, perPage: 50, start: 50 },
      { page: 2, perPage: 50, start: 100 },
    ])
    expect(planPages(0, 50)).toEqual([])
  })

  test('never plans a page past record 1000, and still reaches it when per_page does not divide 1000', () => {
    for (const perPage of [1, 7, 30, 33, 50, 60, 70, 97, 100]) {
      const plan = planPages(5000, perPage)
      let next = 0
      for (const request of plan) {
        expect(request.start).toBe(next)
        expect(request.start).toBe(request.page * request.perPage)
        expect(request.start + request.perPage).toBeLessThanOrEqual(OFFSET_LIST_CAP)
        next += request.perPage
      }
      expect(next).toBe(OFFSET_LIST_CAP)
    }
    expect(planPages(1000, 30).slice(-2)).toEqual([
      { page: 32, perPage: 30, start: 960 },
      { page: 99, perPage: 10, start: 990 },
    ])
  })
})

describe('fetchMemberships against the local tenant', () => {
  test('lists all 1000 memberships of the 1000-user, in API order', async () => {
    const { api, sent } = watchedApi()
    const { list } = await collect(api, thousandMemberships.userId)

    expect(list).toMatchObject({ total: 1000, loadedCount: 1000, complete: true, capped: false })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(thousandMemberships.userId))
    expect(sent).toHaveLength(20)
    expect(sent.every((request) => request.perPage === 50 && request.outcome === 200)).toBe(true)
  })

  test('lists all 1200 memberships of the 1200-user by checkpoint, one page after another', async () => {
    const { api, sent } = watchedApi()
    const { events, list } = await collect(api, overflowMemberships.userId)

    expect(list).toMatchObject({
      total: 1200,
      loadedCount: 1200,
      complete: true,
      capped: false,
      pagination: 'checkpoint',
    })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(overflowMemberships.userId))
    // The first offset page says how many there are; then 12 checkpoint pages of 100, each
    // from the `next` the one before it named.
    expect(sent[0]).toMatchObject({ page: 0, perPage: 50 })
    const checkpoints = sent.slice(1)
    expect(checkpoints).toHaveLength(12)
    expect(checkpoints.every((request) => request.take === 100)).toBe(true)
    expect(checkpoints[0]?.from).toBeUndefined()
    expect(checkpoints.slice(1).every((request) => request.from !== undefined)).toBe(true)
    for (const [index, request] of checkpoints.entries()) {
      const before = checkpoints[index - 1]
      if (before) expect(request.startedAt).toBeGreaterThanOrEqual(before.endedAt ?? Infinity)
    }
    expect(events.filter((event) => event.type === 'pagination')).toEqual([
      { type: 'pagination', pagination: 'checkpoint' },
    ])
  })

  test('lists all 5000 memberships of the 5000-user, never two checkpoint pages at once', async () => {
    const { api, sent, maxInFlight } = watchedApi()
    const { list } = await collect(api, fiveThousandMemberships.userId)

    expect(list).toMatchObject({ total: 5000, loadedCount: 5000, complete: true, capped: false })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(fiveThousandMemberships.userId))
    expect(sent).toHaveLength(51)
    expect(maxInFlight()).toBe(1)
  })

  test('a tenant that refuses checkpoint paging: the first 1000, capped, and the refusal kept', async () => {
    setManagementApiSettings(tenant, { checkpointPaging: false })
    const { api, sent } = watchedApi()
    const { list } = await collect(api, overflowMemberships.userId)

    expect(list).toMatchObject({
      total: 1200,
      loadedCount: 1000,
      complete: true,
      capped: true,
      pagination: 'offset',
    })
    expect(list.checkpointRefusal).toMatch(/^it refused checkpoint paging \(400: .*take/)
    expect(list.items.map((org) => org.id)).toEqual(
      seededIds(overflowMemberships.userId).slice(0, 1000),
    )
    expect(sent.filter((request) => request.take !== undefined)).toHaveLength(1)
    for (const request of sent.filter((request) => request.take === undefined)) {
      expect((request.page + 1) * request.perPage).toBeLessThanOrEqual(OFFSET_LIST_CAP)
    }
  })

  test('a tenant that answers checkpoint paging without `next` (it ignored take): capped, saying so', async () => {
    // Like a tenant that does not know `take`: it answers its offset first page instead.
    tenantNeverSees('take')
    const { api } = watchedApi()
    const { list } = await collect(api, overflowMemberships.userId)

    expect(list).toMatchObject({ loadedCount: 1000, complete: true, capped: true })
    expect(list.checkpointRefusal).toBe('its answer to checkpoint paging named no next page')
  })

  test('asks once for a user whose memberships fit on one page', async () => {
    const { api, sent } = watchedApi()
    const { list } = await collect(api, threeMemberships.userId)

    expect(list).toMatchObject({ total: 3, loadedCount: 3, complete: true, capped: false })
    expect(sent).toHaveLength(1)
  })

  test('a user without memberships is complete after one request, with a total of 0', async () => {
    const { api, sent } = watchedApi()
    const { list } = await collect(api, NAMED_USERS.noMemberships.userId)

    expect(list).toMatchObject({ items: [], total: 0, complete: true })
    expect(sent).toHaveLength(1)
  })

  test('never asks for more than 100 per page', async () => {
    const { api, sent } = watchedApi()
    const { list } = await collect(api, thousandMemberships.userId, { perPage: 500 })

    expect(list.loadedCount).toBe(1000)
    expect(sent.map((request) => request.perPage)).toEqual(Array(10).fill(100))
  })

  test("keeps at most the pacer's MAX_CONCURRENT_REQUESTS pages in flight, and more than one", async () => {
    setManagementApiSettings(tenant, { latencyMs: 20 })
    const { api, maxInFlight } = watchedApi()
    const { list } = await collect(api, thousandMemberships.userId, { perPage: 10 })

    expect(list.loadedCount).toBe(1000)
    expect(maxInFlight()).toBeLessThanOrEqual(MAX_CONCURRENT_REQUESTS)
    expect(maxInFlight()).toBeGreaterThan(1)
  })

  test("honours a pacer's lower concurrency", async () => {
    setManagementApiSettings(tenant, { latencyMs: 10 })
    const { api, maxInFlight } = watchedApi({ concurrency: 2 })
    await collect(api, manyMemberships.userId, { perPage: 10 })

    expect(maxInFlight()).toBe(2)
  })

  test('reports pages as they arrive and places each where it starts', async () => {
    setManagementApiSettings(tenant, { latencyMs: 5 })
    const { api } = watchedApi()
    const { events, list } = await collect(api, manyMemberships.userId)

    const pages = events.filter((event) => event.type === 'page')
    expect(pages.map((event) => event.start).sort((a, b) => a - b)).toEqual([0, 50, 100])
    expect(events.at(-1)).toEqual({ type: 'done', total: 150, capped: false, pagination: 'offset' })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(manyMemberships.userId))
  })

  test('under a tight rate limit (burst 2, 2/s) paces itself instead of getting a 429', async () => {
    setManagementApiSettings(tenant, { rateLimit: { burst: 2, refillPerSecond: 2 } })
    const { api, sent } = watchedApi()
    const startedAt = Date.now()
    const { list } = await collect(api, manyMemberships.userId, { perPage: 30 })

    expect(list.loadedCount).toBe(150)
    expect(sent.map((request) => request.outcome)).toEqual([200, 200, 200, 200, 200])
    // Two from the bucket, three more at 2 per second at best.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000)
  }, 15_000)

  test('a 429 on one page waits for the reset, then fetches it, keeping the pages before it', async () => {
    let refusedAt: number | undefined
    let resetAt = 0
    server.use(
      http.get(ORGANIZATIONS_PATH, ({ request }) => {
        if (new URL(request.url).searchParams.get('page') !== '2' || refusedAt !== undefined) {
          return undefined
        }
        refusedAt = Date.now()
        resetAt = (Math.floor(refusedAt / 1000) + 1) * 1000
        return HttpResponse.json(
          { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached' },
          {
            status: 429,
            headers: {
              'X-RateLimit-Limit': '40',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': String(resetAt / 1000),
            },
          },
        )
      }),
    )
    const { api, sent } = watchedApi()
    const { events, list } = await collect(api, manyMemberships.userId)

    const retrying = events.find((event) => event.type === 'retrying')
    expect(retrying).toMatchObject({ type: 'retrying', start: 100, attempt: 1 })
    expect(retrying?.type === 'retrying' && retrying.error).toMatchObject({ status: 429 })
    const pageTwo = sent.filter((request) => request.page === 2)
    expect(pageTwo.map((request) => request.outcome)).toEqual([429, 200])
    expect(pageTwo[1]?.startedAt).toBeGreaterThanOrEqual(resetAt)
    expect(sent.filter((request) => request.page === 0)).toHaveLength(1)
    expect(list).toMatchObject({ loadedCount: 150, complete: true })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(manyMemberships.userId))
  }, 10_000)

  test('gives up on a page after 3 retries of a 429 and rejects with that 429', async () => {
    server.use(
      http.get(ORGANIZATIONS_PATH, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '1'
          ? HttpResponse.json(
              {
                statusCode: 429,
                error: 'Too Many Requests',
                message: 'Global limit has been reached',
              },
              { status: 429, headers: { 'Retry-After': '0' } },
            )
          : undefined,
      ),
    )
    const { api, sent } = watchedApi()
    const failure = await collect(api, manyMemberships.userId).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(ManagementApiError)
    expect(failure).toMatchObject({ status: 429 })
    expect(sent.filter((request) => request.page === 1)).toHaveLength(4)
  }, 10_000)

  test('retries a 5xx with the given policy and completes', async () => {
    let failed = false
    server.use(
      http.get(ORGANIZATIONS_PATH, ({ request }) => {
        if (new URL(request.url).searchParams.get('page') !== '1' || failed) return undefined
        failed = true
        return new HttpResponse(null, { status: 503 })
      }),
    )
    const { api, sent } = watchedApi()
    const { list } = await collect(api, manyMemberships.userId, { retry: quickRetries })

    expect(list).toMatchObject({ loadedCount: 150, complete: true })
    expect(sent.filter((request) => request.page === 1).map((r) => r.outcome)).toEqual([503, 200])
  })

  test('does not retry a 403, and rejects with it', async () => {
    const { api, sent } = watchedApi()
    const failure = await collect(api, 'auth0|scenario-insufficient-scope', {
      retry: quickRetries,
    }).catch((error: unknown) => error)

    expect(failure).toMatchObject({ status: 403, errorCode: 'insufficient_scope' })
    expect(sent).toHaveLength(1)
  })

  test('a page that fails for good cancels the pages still in flight', async () => {
    setManagementApiSettings(tenant, { latencyMs: 50 })
    server.use(
      http.get(ORGANIZATIONS_PATH, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '1'
          ? HttpResponse.json(
              { statusCode: 500, error: 'Internal Server Error', message: 'Boom' },
              { status: 500 },
            )
          : undefined,
      ),
    )
    const { api, sent } = watchedApi()
    const failure = await collect(api, thousandMemberships.userId, {
      retry: { ...quickRetries, shouldRetry: () => false },
    }).catch((error: unknown) => error)

    expect(failure).toMatchObject({ status: 500 })
    const others = sent.filter((request) => request.page > 1)
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((request) => request.signal?.aborted)).toBe(true)
  })

  test("aborting the caller's signal cancels every request in flight and ends the stream", async () => {
    setManagementApiSettings(tenant, { latencyMs: 100 })
    const { api, sent } = watchedApi()
    const controller = new AbortController()
    const events: MembershipsEvent[] = []
    const run = (async () => {
      for await (const event of fetchMemberships(api, thousandMemberships.userId, {
        signal: controller.signal,
      })) {
        events.push(event)
        if (event.type === 'page') controller.abort()
      }
    })()

    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(events).toHaveLength(1)
    expect(sent.length).toBeGreaterThan(1)
    expect(sent.every((request) => request.signal?.aborted)).toBe(true)
    const sentWhenAborted = sent.length
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(sent).toHaveLength(sentWhenAborted)
  })

  test('accepts bare-array answers (no totals) and pages one by one until a short page', async () => {
    // A proxy that drops include_totals: the tenant then answers with a bare array.
    tenantNeverSees('include_totals')
    const { api, sent, maxInFlight } = watchedApi()
    const { list } = await collect(api, manyMemberships.userId)

    expect(list).toMatchObject({ total: 150, loadedCount: 150, complete: true, capped: false })
    expect(sent.map((request) => request.page)).toEqual([0, 1, 2, 3])
    expect(maxInFlight()).toBe(1)
  })

  test('without totals, a full page at the cap means more may exist: checkpoint paging lists them', async () => {
    tenantNeverSees('include_totals')
    const { api } = watchedApi()
    const { list } = await collect(api, overflowMemberships.userId, { perPage: 100 })

    expect(list).toMatchObject({ total: 1200, loadedCount: 1200, complete: true, capped: false })
    expect(list.items.map((org) => org.id)).toEqual(seededIds(overflowMemberships.userId))
  })

  test('without totals and without checkpoint paging, a full page at the cap is capped, count unknown', async () => {
    setManagementApiSettings(tenant, { checkpointPaging: false })
    tenantNeverSees('include_totals')
    const { api } = watchedApi()
    const { list } = await collect(api, overflowMemberships.userId, { perPage: 100 })

    expect(list).toMatchObject({
      total: undefined,
      loadedCount: 1000,
      complete: true,
      capped: true,
    })
  })
})

describe('faults: the tenant misbehaves mid-way through the pages', () => {
  /** The `page` of every memberships request the tenant saw for `userId`, in order. */
  const pagesAsked = (userId: string) =>
    faults.requests({ userId, endpoint: 'listUserOrganizations' }).map((request) => request.page)

  test('a dropped connection fails the run with a network error after the policy’s retries, keeping the pages before it', async () => {
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 1 })
    const { api } = watchedApi()
    const events: MembershipsEvent[] = []
    const run = (async () => {
      // 100 per page: one page after the first, so its tries are all the tenant sees after page 0
      // (with more, the pacer would send the next page while page 1 waits to retry).
      for await (const event of fetchMemberships(api, manyMemberships.userId, {
        retry: quickRetries,
        perPage: 100,
      })) {
        events.push(event)
      }
    })()

    await expect(run).rejects.toMatchObject({ kind: 'network' })
    const list = events.reduce(addMembershipsEvent, emptyListLoad())
    expect(list).toMatchObject({ loadedCount: 100, total: 150, complete: false })
    expect(list.retrying).toBeUndefined()
    expect(events.at(-1)).toMatchObject({ type: 'failed' })
    // Page 1: the first try and the policy's two retries, all cut off.
    expect(pagesAsked(manyMemberships.userId)).toEqual([0, 1, 1, 1])
  })

  test('a connection that drops and comes back: the page is retried and the list completes', async () => {
    faults.set({
      userId: manyMemberships.userId,
      dropConnectionAfterPages: 1,
      dropConnectionTimes: 2,
    })
    const { api } = watchedApi()
    const { events, list } = await collect(api, manyMemberships.userId, { retry: quickRetries })

    expect(list.items.map((org) => org.id)).toEqual(seededIds(manyMemberships.userId))
    expect(events.filter((event) => event.type === 'retrying')).toHaveLength(2)
    expect(pagesAsked(manyMemberships.userId).filter((page) => page === 0)).toHaveLength(1)
  })

  test('resuming a run that broke off asks only for the missing pages and finishes the list', async () => {
    faults.set({ userId: thousandMemberships.userId, dropConnectionAfterPages: 7 })
    // One request at a time: the pages arrive in order, up to the one that breaks.
    const { api } = watchedApi({ concurrency: 1 })
    const noRetries = { ...quickRetries, shouldRetry: () => false }
    const broken = await collectUntilFailure(api, thousandMemberships.userId, { retry: noRetries })
    expect(broken.error).toMatchObject({ kind: 'network' })
    const fetchedBefore = broken.list.pages.map((page) => page.start / 50)
    expect(fetchedBefore).toEqual([0, 1, 2, 3, 4, 5, 6])

    faults.reset()
    const { events, list } = await collect(api, thousandMemberships.userId, {
      resume: { total: broken.list.total, pages: broken.list.pages },
    })
    const resumed = broken.list.pages.reduce(
      (state, page) =>
        addMembershipsEvent(state, {
          type: 'page',
          ...page,
          items: [...page.items],
        }),
      emptyListLoad<Organization>(),
    )
    const finished = events.reduce(addMembershipsEvent, { ...resumed, total: broken.list.total })

    const asked = pagesAsked(thousandMemberships.userId)
    expect(asked).not.toContain(0)
    expect(asked.filter((page) => page !== undefined && fetchedBefore.includes(page))).toEqual([])
    expect(asked.length + fetchedBefore.length).toBe(20)
    expect(list.pages.map((page) => page.start / 50)).toEqual(
      asked.toSorted((a = 0, b = 0) => a - b),
    )
    expect(finished).toMatchObject({ complete: true, loadedCount: 1000 })
    expect(finished.items.map((org) => org.id)).toEqual(seededIds(thousandMemberships.userId))
  })

  test('resuming a list without totals walks on from the first page it lacks', async () => {
    tenantNeverSees('include_totals')
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 2 })
    const { api } = watchedApi()
    const broken = await collectUntilFailure(api, manyMemberships.userId, {
      retry: { ...quickRetries, shouldRetry: () => false },
    })
    expect(broken.list.loadedCount).toBe(100)

    faults.reset()
    const { events } = await collect(api, manyMemberships.userId, {
      resume: { total: undefined, pages: broken.list.pages },
    })

    expect(pagesAsked(manyMemberships.userId)).toEqual([2, 3])
    expect(events.at(-1)).toEqual({ type: 'done', total: 150, capped: false, pagination: 'offset' })
  })

  test('resuming a checkpoint run that broke off goes on from its last `next`, asking again for nothing it holds', async () => {
    let checkpointRequests = 0
    server.use(
      http.get(ORGANIZATIONS_PATH, ({ request }) => {
        const isCheckpoint = new URL(request.url).searchParams.has('take')
        // The fourth checkpoint page's connection drops; every other request goes through.
        if (isCheckpoint && ++checkpointRequests === 4) return HttpResponse.error()
        return undefined
      }),
    )
    const { api, sent } = watchedApi()
    const noRetries = { ...quickRetries, shouldRetry: () => false }
    const broken = await collectUntilFailure(api, overflowMemberships.userId, { retry: noRetries })
    expect(broken.error).toMatchObject({ kind: 'network' })
    expect(broken.list).toMatchObject({ loadedCount: 300, complete: false })
    expect(broken.list.next).toBeDefined()

    const sentBefore = sent.length
    const { events } = await collect(api, overflowMemberships.userId, {
      resume: {
        total: broken.list.total,
        pages: broken.list.pages,
        checkpoint: { next: broken.list.next ?? '' },
      },
    })
    const finished = events.reduce(addMembershipsEvent, broken.list)

    const resumed = sent.slice(sentBefore)
    expect(resumed).toHaveLength(9)
    expect(resumed[0]?.from).toBe(broken.list.next)
    expect(finished).toMatchObject({ complete: true, loadedCount: 1200, pagination: 'checkpoint' })
    expect(finished.items.map((org) => org.id)).toEqual(seededIds(overflowMemberships.userId))
  })

  test('aborting while paging by checkpoint cancels the page in flight and asks for no more', async () => {
    setManagementApiSettings(tenant, { latencyMs: 50 })
    const { api, sent } = watchedApi()
    const controller = new AbortController()
    const run = (async () => {
      for await (const event of fetchMemberships(api, overflowMemberships.userId, {
        signal: controller.signal,
      })) {
        if (event.type === 'page' && event.checkpoint) controller.abort()
      }
    })()

    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    const sentWhenAborted = sent.length
    expect(sent.at(-1)?.signal?.aborted).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(sent).toHaveLength(sentWhenAborted)
  })

  test('a malformed page fails the run with its own error, not retried, keeping the pages before it', async () => {
    faults.set({ userId: manyMemberships.userId, malformedPage: 2 })
    const { api } = watchedApi({ concurrency: 1 })
    const broken = await collectUntilFailure(api, manyMemberships.userId, { retry: quickRetries })

    expect(broken.error).toMatchObject({ kind: 'malformed', status: 200 })
    expect(broken.list).toMatchObject({ loadedCount: 100, complete: false })
    expect(pagesAsked(manyMemberships.userId)).toEqual([0, 1, 2])
  })

  test('an answer slower than the client time-out: each try times out, as many as the policy allows', async () => {
    faults.set({ userId: threeMemberships.userId, delayMs: 5000 })
    const { api } = watchedApi({ timeoutMs: 100 })
    const broken = await collectUntilFailure(api, threeMemberships.userId, {
      retry: { shouldRetry: shouldRetryRequest, delayMs: () => 10 },
    })

    expect(broken.error).toMatchObject({ kind: 'timeout', timeoutMs: 100 })
    expect(broken.events.filter((event) => event.type === 'retrying')).toHaveLength(2)
    // The tenant saw three tries, and each one ended when the client gave up on it.
    await expect
      .poll(() => faults.requests({ userId: threeMemberships.userId }).map((r) => r.outcome))
      .toEqual(['aborted', 'aborted', 'aborted'])
  })

  test('a 429 storm mid-load: after the first refusal, one try per window until the storm passes', async () => {
    setManagementApiSettings(tenant, { latencyMs: 20 })
    const { api } = watchedApi()
    let firstRefusalAt: number | undefined
    const events: MembershipsEvent[] = []
    for await (const event of fetchMemberships(api, thousandMemberships.userId)) {
      events.push(event)
      if (event.type === 'page' && event.start === 0) {
        faults.set({
          userId: thousandMemberships.userId,
          rateLimitForMs: 1500,
          rateLimitWindowSeconds: 1,
        })
      }
      if (event.type === 'retrying' && firstRefusalAt === undefined) firstRefusalAt = Date.now()
    }

    expect(events.reduce(addMembershipsEvent, emptyListLoad())).toMatchObject({
      complete: true,
      loadedCount: 1000,
    })
    const refused = faults
      .requests({ userId: thousandMemberships.userId })
      .filter((request) => request.outcome === 429)
    expect(refused.length).toBeGreaterThan(0)
    // Requests sent after the first 429 came back, grouped by the window the tenant announced.
    const later = refused.filter((request) => request.startedAt > (firstRefusalAt ?? 0))
    expect(later.length).toBeGreaterThan(0)
    const perWindow = new Map<number | undefined, number>()
    for (const request of later) {
      perWindow.set(request.rateLimitReset, (perWindow.get(request.rateLimitReset) ?? 0) + 1)
    }
    expect([...perWindow.values()].every((tries) => tries === 1)).toBe(true)
    for (const request of later) {
      const previous = refused.filter((other) => (other.endedAt ?? 0) < request.startedAt).at(-1)
      expect(request.startedAt).toBeGreaterThanOrEqual((previous?.rateLimitReset ?? 0) * 1000)
    }
  }, 15_000)
})

async function collectUntilFailure(
  api: ManagementApi,
  userId: string,
  options: FetchMembershipsOptions = {},
): Promise<{ events: MembershipsEvent[]; list: Memberships; error: unknown }> {
  const events: MembershipsEvent[] = []
  let error: unknown
  try {
    for await (const event of fetchMemberships(api, userId, options)) events.push(event)
  } catch (caught) {
    error = caught
  }
  return { events, list: events.reduce(addMembershipsEvent, emptyListLoad()), error }
}
