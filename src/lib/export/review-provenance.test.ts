import { describe, expect, test } from 'vitest'
import { parseCsv, serializeCsv } from './csv'
import { buildExport } from './download'
import {
  createReviewProvenance,
  REVIEW_PROVENANCE_CSV_KEYS,
  reviewProvenanceCsvRecords,
  type ReviewProvenanceInput,
} from './review-provenance'

const BASE: ReviewProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: ' acme ',
  rowsExported: 2,
  totalRows: 9,
  entries: ['pat@example.com', 'auth0|gone', '=cmd|x'],
  failures: [{ input: 'auth0|gone', error: 'HTTP 404 Not Found: The user does not exist.' }],
  cappedUsers: [],
  unfinished: 0,
}

describe('review provenance', () => {
  test('records the tenant, who, when (UTC), the filter, the counts and the entries', () => {
    const provenance = createReviewProvenance({ ...BASE, failures: [] })

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      rowsExported: 2,
      totalRows: 9,
      complete: true,
      review: { entries: ['pat@example.com', 'auth0|gone', '=cmd|x'], failures: [] },
    })
  })

  test('is incomplete, saying why, when lookups failed, lists were capped or not yet loaded', () => {
    const provenance = createReviewProvenance({
      ...BASE,
      cappedUsers: [{ userId: 'auth0|big', total: 1200 }],
      unfinished: 1,
    })

    expect(provenance.complete).toBe(false)
    expect(provenance.note).toBe(
      "Incomplete: 1 lookup(s) failed, so those users' memberships are missing (see review.failures). " +
        'Incomplete: the Management API lists only the first 1,000 memberships of auth0|big (reports 1,200), so the rest are missing. ' +
        'Incomplete: 1 entry was not reviewed when this was exported.',
    )
  })

  test('writes a fixed block to CSV, one list item per field, every value neutralised', () => {
    const records = parseCsv(serializeCsv(reviewProvenanceCsvRecords(createReviewProvenance(BASE))))

    expect(records.map(([key]) => key)).toEqual([...REVIEW_PROVENANCE_CSV_KEYS])
    const byKey = new Map(records.map(([key = '', ...values]) => [key, values]))
    expect(byKey.get('review.entries')).toEqual(['pat@example.com', 'auth0|gone', "'=cmd|x"])
    expect(byKey.get('review.failures.count')).toEqual(['1'])
    expect(byKey.get('review.failures')).toEqual([
      'auth0|gone: HTTP 404 Not Found: The user does not exist.',
    ])
  })

  test('names the file for the review and the UTC time, the table after the block', async () => {
    const provenance = createReviewProvenance({ ...BASE, rowsExported: 1 })
    const file = await buildExport({
      format: 'csv',
      name: { kind: 'review' },
      provenance,
      provenanceCsv: reviewProvenanceCsvRecords(provenance),
      columns: ['user_id', 'organization_id'],
      rows: [{ user_id: 'auth0|pat', organization_id: 'org_acme' }],
    })

    expect(file.fileName).toBe('orgscope-review-20260102-030405Z.csv')
    const records = parseCsv(new TextDecoder().decode(file.bytes))
    expect(records[13]).toEqual([])
    expect(records.slice(14)).toEqual([
      ['user_id', 'organization_id'],
      ['auth0|pat', 'org_acme'],
    ])
  })

  test('refuses a record that misstates how many rows the file holds', async () => {
    await expect(
      buildExport({
        format: 'json',
        name: { kind: 'review' },
        provenance: createReviewProvenance(BASE),
        provenanceCsv: [],
        columns: ['user_id'],
        rows: [],
      }),
    ).rejects.toThrow('The provenance says 2 rows but 0 were given.')
  })
})
