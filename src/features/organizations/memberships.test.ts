import { describe, expect, test } from 'vitest'
import { ManagementApiError } from '@/lib/management-api/errors'
import type { Organization } from '@/lib/management-api/schemas'
import type { MembershipsEvent } from './fetch-memberships'
import { addMembershipsEvent, listableCount, noMembershipsYet } from './memberships'

const org = (id: string): Organization => ({ id, name: id })
const page = (start: number, organizations: Organization[], total?: number): MembershipsEvent => ({
  type: 'page',
  start,
  organizations,
  ...(start === 0 ? { total } : {}),
})
const fold = (events: MembershipsEvent[]) => events.reduce(addMembershipsEvent, noMembershipsYet)

describe('addMembershipsEvent', () => {
  test('places pages where they start, whatever order they arrive in', () => {
    const state = fold([
      page(0, [org('a'), org('b')], 6),
      page(4, [org('e'), org('f')]),
      page(2, [org('c'), org('d')]),
    ])
    expect(state.organizations.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(state).toMatchObject({ total: 6, loadedCount: 6, complete: false, capped: false })
  })

  test('shows an organization the list repeated across pages once', () => {
    const state = fold([page(0, [org('a'), org('b')], 4), page(2, [org('b'), org('c')])])
    expect(state.organizations.map((o) => o.id)).toEqual(['a', 'b', 'c'])
    expect(state.loadedCount).toBe(3)
  })

  test('marks a total above 1000 as capped', () => {
    expect(fold([page(0, [org('a')], 1234)])).toMatchObject({ total: 1234, capped: true })
  })

  test('holds a page being retried until that page arrives', () => {
    const error = new ManagementApiError({
      kind: 'http',
      status: 429,
      message: 'Global limit has been reached',
      requestPath: '/api/v2/users/x/organizations',
      receivedAt: new Date(),
    })
    const retryAt = new Date()
    const waiting = fold([
      page(0, [org('a')], 3),
      { type: 'retrying', start: 1, error, attempt: 1, retryAt },
    ])
    expect(waiting.retrying).toEqual({ start: 1, error, attempt: 1, retryAt })
    expect(addMembershipsEvent(waiting, page(2, [org('c')])).retrying).toBeDefined()
    expect(addMembershipsEvent(waiting, page(1, [org('b')])).retrying).toBeUndefined()
  })

  test('a page that failed for good leaves the pages fetched and nothing waiting for a retry', () => {
    const error = new ManagementApiError({
      kind: 'network',
      message: "Can't reach the Management API — check your connection.",
      requestPath: '/api/v2/users/x/organizations',
      receivedAt: new Date(),
    })
    const state = fold([
      page(0, [org('a')], 3),
      { type: 'retrying', start: 1, error, attempt: 2, retryAt: new Date() },
      { type: 'failed', error },
    ])
    expect(state.retrying).toBeUndefined()
    expect(state).toMatchObject({ loadedCount: 1, total: 3, complete: false })
  })

  test('done completes the list with its final total', () => {
    const state = fold([page(0, [org('a')]), { type: 'done', total: 1, capped: false }])
    expect(state).toMatchObject({ total: 1, complete: true, capped: false, loadedCount: 1 })
  })
})

test('listableCount is the total, at most 1000', () => {
  expect(listableCount({ total: 12 })).toBe(12)
  expect(listableCount({ total: 1200 })).toBe(1000)
  expect(listableCount({ total: undefined })).toBeUndefined()
})
