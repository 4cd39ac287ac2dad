import { describe, expect, test } from 'vitest'
import { ManagementApiError } from '@/lib/management-api/errors'
import type { Organization } from '@/lib/management-api/schemas'
import { emptyListLoad, listableCount } from '@/lib/management-api/list-load'
import type { ListEvent } from '@/lib/management-api/list-pager'
import { addMembershipsEvent } from './memberships'

type MembershipsEvent = ListEvent<Organization>

const org = (id: string): Organization => ({ id, name: id })
const page = (start: number, items: Organization[], total?: number): MembershipsEvent => ({
  type: 'page',
  start,
  items,
  ...(start === 0 ? { total } : {}),
})
const fold = (events: MembershipsEvent[]) => events.reduce(addMembershipsEvent, emptyListLoad())

describe('addMembershipsEvent', () => {
  test('places pages where they start, whatever order they arrive in', () => {
    const state = fold([
      page(0, [org('a'), org('b')], 6),
      page(4, [org('e'), org('f')]),
      page(2, [org('c'), org('d')]),
    ])
    expect(state.items.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(state).toMatchObject({ total: 6, loadedCount: 6, complete: false, capped: false })
  })

  test('shows an organization the list repeated across pages once', () => {
    const state = fold([page(0, [org('a'), org('b')], 4), page(2, [org('b'), org('c')])])
    expect(state.items.map((o) => o.id)).toEqual(['a', 'b', 'c'])
    expect(state.loadedCount).toBe(3)
  })

  test('a total above 1000 alone does not cap the list: checkpoint paging may list them all', () => {
    const state = fold([page(0, [org('a')], 1234)])
    expect(state).toMatchObject({ total: 1234, capped: false })
    expect(listableCount(state)).toBe(1234)
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
    const state = fold([
      page(0, [org('a')]),
      { type: 'done', total: 1, capped: false, pagination: 'offset' },
    ])
    expect(state).toMatchObject({ total: 1, complete: true, capped: false, loadedCount: 1 })
  })
})

test('listableCount is the total, at most 1000 when the list is capped', () => {
  expect(listableCount({ total: 12, capped: false })).toBe(12)
  expect(listableCount({ total: 5000, capped: false })).toBe(5000)
  expect(listableCount({ total: 1200, capped: true })).toBe(1000)
  expect(listableCount({ total: undefined, capped: false })).toBeUndefined()
})

describe('paging past 1000 by checkpoint', () => {
  const checkpointPage = (start: number, ids: string[], next: string | undefined) =>
    ({
      type: 'page',
      start,
      items: ids.map(org),
      checkpoint: { next },
    }) satisfies MembershipsEvent

  test('the first checkpoint page replaces the offset page before it; later ones follow it', () => {
    const state = fold([
      page(0, [org('a'), org('b')], 5000),
      { type: 'pagination', pagination: 'checkpoint' },
      checkpointPage(0, ['a', 'b', 'c'], 'd'),
      checkpointPage(3, ['d', 'e'], 'f'),
    ])
    expect(state.items.map((organization) => organization.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(state).toMatchObject({
      total: 5000,
      pagination: 'checkpoint',
      next: 'f',
      capped: false,
      complete: false,
    })
    expect(listableCount(state)).toBe(5000)
  })

  test('done ends the checkpoint: nothing left to resume from', () => {
    const state = fold([
      page(0, [org('a')], 2),
      { type: 'pagination', pagination: 'checkpoint' },
      checkpointPage(0, ['a', 'b'], undefined),
      { type: 'done', total: 2, capped: false, pagination: 'checkpoint' },
    ])
    expect(state).toMatchObject({ complete: true, next: undefined, loadedCount: 2 })
  })

  test('a refusal caps the list at 1000 and keeps the reason', () => {
    const state = fold([
      page(0, [org('a')], 5000),
      { type: 'pagination', pagination: 'offset', checkpointRefusal: 'it refused' },
    ])
    expect(state).toMatchObject({ capped: true, checkpointRefusal: 'it refused' })
    expect(listableCount(state)).toBe(1000)
  })
})
