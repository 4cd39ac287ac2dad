import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { createManagementApi, type ManagementApi } from '@/lib/management-api/client'
import {
  faults,
  server,
  tenant,
  TENANT_API_BASE_URL,
  TENANT_AUDIENCE,
  tenantUrl,
} from '@/testing/server'
import { ALL_SCOPES, SPA_CLIENT_ID } from '../../../server/local-tenant/config'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { organizationQueries } from './api'

const { threeMemberships, oneMembership, manyMemberships } = NAMED_USERS

const token = tenant.mintAccessToken({
  sub: 'auth0|admin-ada',
  clientId: SPA_CLIENT_ID,
  audience: TENANT_AUDIENCE,
  scope: [...ALL_SCOPES],
})

/** The real client, counting the requests it sends. */
function countingApi(): { api: ManagementApi; requests: () => number } {
  const inner = createManagementApi({ baseUrl: TENANT_API_BASE_URL, getAccessToken: () => token })
  let count = 0
  return {
    api: {
      baseUrl: inner.baseUrl,
      request: (path, options) => {
        count += 1
        return inner.request(path, options)
      },
    },
    requests: () => count,
  }
}

/** Like the app's client: memberships stay fresh for a minute. */
function appLikeClient(retry: { retry?: number | false; retryDelay?: number } = {}) {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, ...retry } } })
}

describe('organizationQueries', () => {
  test('keys go from every organization query to one user’s memberships', () => {
    const { api } = countingApi()
    expect(organizationQueries.all()).toEqual(['organizations'])
    expect(organizationQueries.forUser(api, 'auth0|x').queryKey).toEqual([
      'organizations',
      'forUser',
      'auth0|x',
    ])
  })

  test('resolves with the complete list, and a revisit within staleTime sends no request', async () => {
    const { api, requests } = countingApi()
    const client = appLikeClient()

    const first = await client.fetchQuery(organizationQueries.forUser(api, threeMemberships.userId))
    expect(first).toMatchObject({ loadedCount: 3, total: 3, complete: true })
    expect(requests()).toBe(1)

    const again = await client.fetchQuery(organizationQueries.forUser(api, threeMemberships.userId))
    expect(again).toBe(first)
    expect(requests()).toBe(1)
  })

  test('each user has their own entry', async () => {
    const { api } = countingApi()
    const client = appLikeClient()

    await client.fetchQuery(organizationQueries.forUser(api, threeMemberships.userId))
    await client.fetchQuery(organizationQueries.forUser(api, oneMembership.userId))

    const { queryKey } = organizationQueries.forUser(api, oneMembership.userId)
    expect(client.getQueryData(queryKey)?.loadedCount).toBe(1)
  })

  test.each([
    ['retry: false', { retry: false as const }, 1],
    ['retry: 2', { retry: 2, retryDelay: 0 }, 3],
  ])('page retries follow the client’s policy (%s)', async (_, policy, expectedRequests) => {
    server.use(
      http.get(tenantUrl('/api/v2/users/:userId/organizations'), () =>
        HttpResponse.json(
          { statusCode: 500, error: 'Internal Server Error', message: 'Boom' },
          { status: 500 },
        ),
      ),
    )
    const { api, requests } = countingApi()
    const client = appLikeClient(policy)

    await expect(
      client.fetchQuery(organizationQueries.forUser(api, threeMemberships.userId)),
    ).rejects.toMatchObject({ status: 500 })
    expect(requests()).toBe(expectedRequests)
  })
})

describe('refetching a list', () => {
  /** Every `loadedCount` the cache held for `queryKey`, in order, while `work` runs. */
  async function loadedCountsDuring(
    client: QueryClient,
    queryKey: readonly unknown[],
    work: () => Promise<unknown>,
  ): Promise<(number | undefined)[]> {
    const seen: (number | undefined)[] = []
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const data = client.getQueryData<{ loadedCount: number }>(queryKey)
      if (seen.at(-1) !== data?.loadedCount) seen.push(data?.loadedCount)
    })
    try {
      await work()
    } finally {
      unsubscribe()
    }
    return seen
  }

  const pagesAsked = (userId: string) =>
    faults.requests({ userId, endpoint: 'listUserOrganizations' }).map((request) => request.page)

  test('a list that broke off part-way keeps its rows, and a refetch asks only for the missing pages', async () => {
    const { api } = countingApi()
    const client = appLikeClient({ retry: false })
    const options = organizationQueries.forUser(api, manyMemberships.userId)
    faults.set({ userId: manyMemberships.userId, dropConnectionAfterPages: 1 })

    await expect(client.fetchQuery(options)).rejects.toMatchObject({ kind: 'network' })
    expect(client.getQueryData(options.queryKey)).toMatchObject({
      loadedCount: 50,
      complete: false,
    })

    faults.clear(manyMemberships.userId)
    const counts = await loadedCountsDuring(client, options.queryKey, () =>
      client.refetchQueries({ queryKey: options.queryKey }),
    )

    // Never back to nothing: 50 rows stay, then the rest arrive.
    expect(counts.every((count) => count !== undefined && count >= 50)).toBe(true)
    expect(client.getQueryData(options.queryKey)).toMatchObject({
      loadedCount: 150,
      complete: true,
    })
    expect(pagesAsked(manyMemberships.userId).filter((page) => page === 0)).toHaveLength(1)
  })

  test('a complete list stays on screen, whole, while it is fetched again from page 0', async () => {
    const { api, requests } = countingApi()
    const client = appLikeClient()
    const options = organizationQueries.forUser(api, manyMemberships.userId)
    await client.fetchQuery(options)
    expect(requests()).toBe(3)

    const counts = await loadedCountsDuring(client, options.queryKey, () =>
      client.refetchQueries({ queryKey: options.queryKey }),
    )

    expect(counts.every((count) => count === 150)).toBe(true)
    expect(requests()).toBe(6)
  })
})
