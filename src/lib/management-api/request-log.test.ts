import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import type { ManagementApi } from './client'
import { ManagementApiError } from './errors'
import { createRequestLog, recordedManagementApi } from './request-log'

const receivedAt = new Date('2026-12-07T10:00:00.000Z')
const schema = z.unknown()

function apiAnswering(answer: () => Promise<unknown>): ManagementApi {
  return {
    baseUrl: 'https://tenant/api/v2',
    request: () => answer() as never,
  }
}

describe('the session’s request log', () => {
  it('records a page with its path, query, status, item count and rate-limit headers — never a token', async () => {
    const log = createRequestLog()
    const api = recordedManagementApi(
      apiAnswering(async () => ({
        data: { organizations: [{}, {}, {}], next: 'x' },
        status: 200,
        requestPath: '/api/v2/users/auth0%7C1/organizations?from=abc&take=100',
        receivedAt,
        rateLimit: { limit: 50, remaining: 49, reset: new Date('2026-12-07T10:00:01.000Z') },
      })),
      log,
    )
    await api.request(['users', 'auth0|1', 'organizations'], { schema })
    expect(log.matching(() => true)).toEqual([
      {
        method: 'GET',
        path: '/api/v2/users/auth0%7C1/organizations',
        query: { from: 'abc', take: '100' },
        status: 200,
        outcome: 'ok',
        itemCount: 3,
        rateLimit: { limit: 50, remaining: 49, reset: '2026-12-07T10:00:01.000Z' },
        receivedAt: '2026-12-07T10:00:00.000Z',
      },
    ])
    expect(JSON.stringify(log.matching(() => true))).not.toMatch(/bearer|token/i)
  })

  it('records a refusal with its status, and passes the error on', async () => {
    const log = createRequestLog()
    const refusal = new ManagementApiError({
      kind: 'http',
      status: 403,
      message: 'Insufficient scope',
      requestPath: '/api/v2/organizations/org_1/members/auth0%7C1/roles',
      receivedAt,
    })
    const api = recordedManagementApi(
      apiAnswering(() => Promise.reject(refusal)),
      log,
    )
    await expect(api.request(['x'], { schema })).rejects.toBe(refusal)
    expect(log.matching(() => true)).toMatchObject([
      { status: 403, outcome: 'http-error', itemCount: null, rateLimit: null, query: {} },
    ])
  })

  it('does not count a request the page cancelled', async () => {
    const log = createRequestLog()
    const api = recordedManagementApi(
      apiAnswering(() => Promise.reject(new DOMException('aborted', 'AbortError'))),
      log,
    )
    await expect(api.request(['x'], { schema })).rejects.toThrow('aborted')
    expect(log.matching(() => true)).toEqual([])
  })
})
