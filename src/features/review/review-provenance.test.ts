import { describe, expect, test } from 'vitest'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Organization } from '@/lib/management-api/schemas'
import { parseCsv, serializeCsv } from '@/lib/export/csv'
import { ManagementApiError } from '@/lib/management-api/errors'
import {
  REVIEW_PROVENANCE_CSV_KEYS,
  reviewProvenance,
  type ReviewProvenanceInput,
} from './review-provenance'

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
}

const cappedUser = (userId: string, total: number | undefined) => ({
  user: { user_id: userId },
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
    const { provenance } = reviewProvenance({ ...BASE, failures: [] })

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      rowsExported: 2,
      totalRows: 9,
      complete: true,
      review: { entries: ['pat@example.com', 'auth0|gone', '=cmd|x'], failures: [], refused: [] },
    })
    expect(Object.keys(provenance).at(-1)).toBe('review')
  })

  test('records each failure: the entry, the user it found, the error in one line', () => {
    const { provenance } = reviewProvenance({
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
    const block = reviewProvenance({ ...BASE, refused })

    expect(block.provenance.review.refused).toStrictEqual(refused)
    // Whoever those lines meant was not reviewed: the file does not pass as the whole list.
    expect(block.provenance).toMatchObject({
      complete: false,
      note: expect.stringContaining(
        '2 line(s) of the list were neither a user id nor an email and were not looked up (see review.refused).',
      ),
    })
    const byKey = new Map(
      parseCsv(serializeCsv(block.provenanceCsv)).map(([key = '', ...values]) => [key, values]),
    )
    expect(byKey.get('review.refused.count')).toEqual(['2'])
    expect(byKey.get('review.refused')).toEqual([
      'line 2: \u201cjane doe\u201d (neither a user id nor an email)',
      'line 7: \u201c=HYPERLINK("x")\u201d (neither a user id nor an email)',
    ])
  })

  test('is incomplete, saying why, when lookups failed, lists were capped or not yet loaded', () => {
    const { provenance } = reviewProvenance({
      ...BASE,
      users: [cappedUser('auth0|big', 1200), cappedUser('auth0|huge', undefined)],
      unfinished: 1,
    })

    expect(provenance.complete).toBe(false)
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
    expect(reviewProvenance(whole).provenance.complete).toBe(true)
    expect(
      reviewProvenance({ ...whole, users: [cappedUser('auth0|big', 1200)] }).provenance,
    ).toMatchObject({
      complete: false,
    })
    expect(reviewProvenance({ ...whole, unfinished: 3 }).provenance).toMatchObject({
      complete: false,
      note: 'Incomplete: 3 entries were not reviewed when this was exported.',
    })
  })

  test('refuses an unfinished count that cannot be one', () => {
    expect(() => reviewProvenance({ ...BASE, unfinished: -1 })).toThrow(RangeError)
  })

  test('writes a fixed block to CSV, one list item per field, every value neutralised', () => {
    const records = parseCsv(serializeCsv(reviewProvenance(BASE).provenanceCsv))

    expect(records.map(([key]) => key)).toEqual([...REVIEW_PROVENANCE_CSV_KEYS])
    const byKey = new Map(records.map(([key = '', ...values]) => [key, values]))
    expect(byKey.get('review.entries.count')).toEqual(['3'])
    expect(byKey.get('review.entries')).toEqual(['pat@example.com', 'auth0|gone', "'=cmd|x"])
    expect(byKey.get('review.failures.count')).toEqual(['1'])
    expect(byKey.get('review.failures')).toEqual([
      'auth0|gone: HTTP 404 Not Found — The user does not exist.',
    ])
  })
})
