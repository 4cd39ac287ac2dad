import { describe, expect, test } from 'vitest'
import { emptyListLoad, fetchedAtOf, listLoadReducer } from './list-load'

describe('when a list was fetched', () => {
  const item = (id: string) => ({ id })
  const page = (start: number, ids: string[], checkpoint?: { next: string | undefined }) => ({
    type: 'page' as const,
    start,
    items: ids.map(item),
    ...(checkpoint && { checkpoint }),
  })

  test('records the first and the latest page, and nothing before a page arrives', () => {
    let clock = Date.parse('2026-12-07T23:40:00.000Z')
    const reduce = listLoadReducer(
      (each: { id: string }) => each.id,
      () => clock,
    )
    const empty = emptyListLoad<{ id: string }>()
    expect(fetchedAtOf(empty)).toBeUndefined()

    const first = reduce(empty, page(0, ['a', 'b']))
    clock += 4_000
    const second = reduce(first, page(2, ['c']))

    expect(fetchedAtOf(second)).toEqual({
      from: new Date('2026-12-07T23:40:00.000Z'),
      until: new Date('2026-12-07T23:40:04.000Z'),
    })
  })

  test('a list started again by checkpoint counts from its new first page', () => {
    let clock = 1_000
    const reduce = listLoadReducer(
      (each: { id: string }) => each.id,
      () => clock,
    )
    const offset = reduce(emptyListLoad(), page(0, ['a']))
    clock = 9_000
    const restarted = reduce(offset, page(0, ['a'], { next: 'x' }))
    expect(restarted).toMatchObject({ fetchedFrom: 9_000, fetchedUntil: 9_000 })
  })
})
