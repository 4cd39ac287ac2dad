import { describe, expect, it } from 'vitest'
import { Auth0Error } from './errors'
import { pageOf, pagedResponse, readPaging } from './paging'

const CAP = 'past the cap'
const read = (query: string) => readPaging(new URLSearchParams(query), CAP)

function failure(query: string): object {
  try {
    read(query)
  } catch (error) {
    if (error instanceof Auth0Error) return error.body
    throw error
  }
  throw new Error(`expected ${query} to fail`)
}

describe('readPaging', () => {
  it('defaults to the first page of 50, as a bare array', () => {
    expect(read('')).toEqual({ page: 0, perPage: 50, includeTotals: false, start: 0 })
  })

  it('reads page, per_page and include_totals', () => {
    expect(read('page=2&per_page=100&include_totals=true')).toEqual({
      page: 2,
      perPage: 100,
      includeTotals: true,
      start: 200,
    })
  })

  it.each([
    ['per_page=0', "'Number is less than minimum (1)' on property per_page"],
    ['per_page=101', "'Number is greater than maximum (100)' on property per_page"],
    ['per_page=ten', "'Expected type integer but found type string' on property per_page"],
    ['per_page=', "'Expected type integer but found type string' on property per_page"],
    ['page=-1', "'Number is less than minimum (0)' on property page"],
    ['page=1.5', "'Expected type integer but found type string' on property page"],
    ['page=1&page=2', "'Expected type string but found type array' on property page"],
    [
      'include_totals=yes',
      "'Expected type boolean but found type string' on property include_totals",
    ],
  ])('refuses %s as an invalid query string', (query, message) => {
    const body = failure(query)
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      errorCode: 'invalid_query_string',
    })
    expect((body as { message: string }).message).toContain(`Query validation error: ${message}`)
  })

  it('allows pages that end at record 1000 and refuses any reaching past it', () => {
    expect(read('page=9&per_page=100').start).toBe(900)
    expect(read('page=19&per_page=50').start).toBe(950)
    expect(read('page=999&per_page=1').start).toBe(999)
    for (const query of [
      'page=10&per_page=100',
      'page=20&per_page=50',
      'page=1000&per_page=1',
      'page=33&per_page=30',
    ]) {
      expect(failure(query)).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: CAP,
        errorCode: 'invalid_paging',
      })
    }
  })
})

describe('pageOf', () => {
  it('slices one page', () => {
    const items = Array.from({ length: 120 }, (_, i) => i)
    expect(pageOf(items, read('page=2&per_page=50'))).toEqual(items.slice(100, 120))
    expect(pageOf(items, read('page=3&per_page=50'))).toEqual([])
  })
})

describe('pagedResponse', () => {
  const all = ['a', 'b', 'c', 'd', 'e']

  it('answers the page as a bare array by default', async () => {
    const response = pagedResponse(all, read('page=1&per_page=2'), 'roles')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(['c', 'd'])
  })

  it('with include_totals: start, limit, the true total and the page under its key, in order', async () => {
    const response = pagedResponse(all, read('page=2&per_page=2&include_totals=true'), 'roles')
    const body: unknown = await response.json()
    expect(body).toEqual({ start: 4, limit: 2, total: 5, roles: ['e'] })
    expect(Object.keys(body as object)).toEqual(['start', 'limit', 'total', 'roles'])
  })
})
