import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { createManagementApi, type ManagementApi } from '@/lib/management-api/client'
import { server, tenant, TENANT_API_BASE_URL, TENANT_AUDIENCE, tenantUrl } from '@/testing/server'
import { ALL_SCOPES, SPA_CLIENT_ID } from '../../../server/local-tenant/config'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { organizationQueries } from './api'

const { threeMemberships, oneMembership } = NAMED_USERS

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
