import { describe, expect, test } from 'vitest'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Organization } from '@/lib/management-api/schemas'
import { ManagementApiError } from '@/lib/management-api/errors'
import { reviewProvenance, type ReviewProvenanceInput } from './review-provenance'

const notFound = new ManagementApiError({
  kind: 'http',
  status: 404,
  error: 'Not Found',
  message: 'The user does not exist.',
  requestPath: '/x',
  receivedAt: new Date(),
})

const BASE: ReviewProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: ' acme ',
  rowsExported: 2,
  totalRows: 9,
  entries: ['pat@example.com', 'auth0|gone', '=cmd|x'],
  users: [],
  failures: [{ input: 'auth0|gone', error: notFound }],
  refused: [],
  unfinished: 0,
  roles: { rolesComplete: false, rolesStatusCounts: { loaded: 1, 'not loaded': 1 } },
}

const cappedUser = (userId: string, total: number | undefined) => ({
  user: { user_id: userId },
  fetchedAt: Date.parse('2026-01-02T03:00:00.000Z'),
  memberships: {
    ...emptyListLoad<Organization>(),
    complete: true,
    capped: true,
    total,
    checkpointRefusal: 'it refused checkpoint paging (400: take)',
  },
})

describe('review provenance', () => {
  test('records the tenant, who, when (UTC), the filter, the counts and the entries', () => {
    const provenance = reviewProvenance({ ...BASE, failures: [] })

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      fetchedFrom: null,
      fetchedUntil: null,
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      filtered: true,
      rowsExported: 2,
      totalRows: 9,
      listComplete: true,
      wholeListExported: false,
      rolesComplete: false,
      rolesStatusCounts: { loaded: 1, 'not loaded': 1 },
      review: { entries: ['pat@example.com', 'auth0|gone', '=cmd|x'], failures: [], refused: [] },
    })
    expect(Object.keys(provenance).at(-1)).toBe('review')
  })

  test("records when the users' lists were fetched: the earliest and the latest page", () => {
    const at = (time: string) => Date.parse(`2026-01-02T${time}Z`)
    const user = (userId: string, from: number, until: number) => ({
      user: { user_id: userId },
      fetchedAt: until,
      memberships: { ...emptyListLoad<Organization>(), fetchedFrom: from, fetchedUntil: until },
    })
    const provenance = reviewProvenance({
      ...BASE,
      users: [user('a', at('02:00:05'), at('02:00:09')), user('b', at('02:00:01'), at('02:00:03'))],
    })
    expect(provenance).toMatchObject({
      fetchedFrom: '2026-01-02T02:00:01.000Z',
      fetchedUntil: '2026-01-02T02:00:09.000Z',
    })
  })

  test('records each failure: the entry, the user it found, the error in one line', () => {
    const provenance = reviewProvenance({
      ...BASE,
      failures: [
        ...BASE.failures,
        { input: 'pat@example.com', user: { user_id: 'auth0|pat' }, error: notFound },
      ],
    })

    expect(provenance.review.failures).toStrictEqual([
      { input: 'auth0|gone', error: 'HTTP 404 Not Found — The user does not exist.' },
      {
        input: 'pat@example.com',
        userId: 'auth0|pat',
        error: 'HTTP 404 Not Found — The user does not exist.',
      },
    ])
  })

  test('records every refused line of the list: its number, the text as given and why', () => {
    const refused = [
      { line: 2, text: 'jane doe', reason: 'neither a user id nor an email' },
      { line: 7, text: '=HYPERLINK("x")', reason: 'neither a user id nor an email' },
    ]
    const provenance = reviewProvenance({ ...BASE, refused })

    expect(provenance.review.refused).toStrictEqual(refused)
    // Whoever those lines meant was not reviewed: the file does not pass as the whole list.
    expect(provenance).toMatchObject({
      listComplete: false,
      note: expect.stringContaining(
        '2 line(s) of the list were neither a user id nor an email and were not looked up (see review.refused).',
      ),
    })
  })

  test('is incomplete, saying why, when lookups failed, lists were capped or not yet loaded', () => {
    const provenance = reviewProvenance({
      ...BASE,
      users: [cappedUser('auth0|big', 1200), cappedUser('auth0|huge', undefined)],
      unfinished: 1,
    })

    expect(provenance.listComplete).toBe(false)
    expect(provenance.note).toBe(
      "Incomplete: 1 lookup(s) failed, so those users' memberships are missing (see review.failures). " +
        'Incomplete: the Management API lists only the first 1,000 memberships of auth0|big (reports 1,200), auth0|huge here, so the rest are missing. ' +
        'The Management API lists at most 1,000 memberships by page number; checkpoint paging (from/take) lists them all, ' +
        'but on this tenant it refused checkpoint paging (400: take). ' +
        'A tenant (and proxy) that accepts from and take on this endpoint shows every one. ' +
        'Incomplete: 1 entry was not reviewed when this was exported.',
    )
  })

  test('each gap alone makes it incomplete', () => {
    const whole = { ...BASE, failures: [] }
    expect(reviewProvenance(whole).listComplete).toBe(true)
    expect(reviewProvenance({ ...whole, users: [cappedUser('auth0|big', 1200)] })).toMatchObject({
      listComplete: false,
    })
    expect(reviewProvenance({ ...whole, unfinished: 3 })).toMatchObject({
      listComplete: false,
      note: 'Incomplete: 3 entries were not reviewed when this was exported.',
    })
  })

  test('refuses an unfinished count that cannot be one', () => {
    expect(() => reviewProvenance({ ...BASE, unfinished: -1 })).toThrow(RangeError)
  })
})
