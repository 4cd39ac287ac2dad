import { describe, expect, test } from 'vitest'
import { parseCsv, serializeCsv } from './csv'
import { createProvenance, provenanceBlock, type ProvenanceInput } from './provenance'

const BASE: ProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: 'acme',
  rowsExported: 12,
  totalRows: 40,
  gaps: [],
}

describe('provenance record', () => {
  test('holds every common field, the time in ISO 8601 UTC, in a fixed key order', () => {
    const provenance = createProvenance(BASE)

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      rowsExported: 12,
      totalRows: 40,
      complete: true,
    })
    expect(Object.keys(provenance)).toEqual([
      'tool',
      'tenantDomain',
      'generatedAt',
      'exportedBy',
      'filter',
      'rowsExported',
      'totalRows',
      'complete',
    ])
  })

  test('records no filter as an empty string', () => {
    expect(createProvenance({ ...BASE, filter: '   ' }).filter).toBe('')
    expect(createProvenance({ ...BASE, filter: undefined }).filter).toBe('')
  })

  test('records a total the API did not report as null', () => {
    expect(createProvenance({ ...BASE, totalRows: undefined }).totalRows).toBeNull()
  })

  test('refuses counts that cannot be row counts', () => {
    expect(() => createProvenance({ ...BASE, rowsExported: -1 })).toThrow(RangeError)
    expect(() => createProvenance({ ...BASE, rowsExported: 1.5 })).toThrow(RangeError)
    expect(() => createProvenance({ ...BASE, totalRows: Number.NaN })).toThrow(RangeError)
  })
})

describe('completeness', () => {
  test('without gaps the export is complete, without a note', () => {
    const provenance = createProvenance({ ...BASE, rowsExported: 3 })
    expect(provenance.complete).toBe(true)
    expect(provenance).not.toHaveProperty('note')
  })

  test('any gap makes it incomplete, and the note gives every one', () => {
    const provenance = createProvenance({ ...BASE, gaps: ['Incomplete: one.', 'Incomplete: two.'] })
    expect(provenance.complete).toBe(false)
    expect(provenance.note).toBe('Incomplete: one. Incomplete: two.')
  })

  test("puts the caller's note after the gaps", () => {
    const provenance = createProvenance({
      ...BASE,
      gaps: ['Incomplete: loading had not finished.'],
      note: ' Requested in ticket SEC-42. ',
    })
    expect(provenance.note).toBe(
      'Incomplete: loading had not finished. Requested in ticket SEC-42.',
    )
    expect(createProvenance({ ...BASE, note: 'Quarterly review' })).toMatchObject({
      complete: true,
      note: 'Quarterly review',
    })
  })
})

describe('provenance block', () => {
  // A feature's own fields placed among the common ones, and a list.
  const KEYS = [
    'tool',
    'who.id',
    'tenantDomain',
    'generatedAt',
    'exportedBy',
    'filter',
    'rowsExported',
    'totalRows',
    'complete',
    'note',
    'asked.count',
    'asked',
  ] as const
  const block = (filter = 'acme') =>
    provenanceBlock(
      KEYS,
      { ...createProvenance({ ...BASE, filter }), asked: ['a', '=b'], who: { id: 'u1' } },
      { 'who.id': ['u1'], 'asked.count': ['2'], asked: ['a', '=b'] },
    )

  test("orders the JSON fields as the keys list them, the feature's among the common ones", () => {
    expect(Object.keys(block().provenance)).toEqual([
      'tool',
      'who',
      'tenantDomain',
      'generatedAt',
      'exportedBy',
      'filter',
      'rowsExported',
      'totalRows',
      'complete',
      'asked',
    ])
  })

  test('writes a record per key: the key, then its values, a list one item per field', () => {
    expect(parseCsv(serializeCsv(block().provenanceCsv))).toEqual([
      ['tool', 'Orgscope'],
      ['who.id', 'u1'],
      ['tenantDomain', 'travel0.us.auth0.com'],
      ['generatedAt', '2026-01-02T03:04:05.678Z'],
      ['exportedBy', 'ada@orgscope.test'],
      ['filter', 'acme'],
      ['rowsExported', '12'],
      ['totalRows', '40'],
      ['complete', 'true'],
      ['note', ''],
      ['asked.count', '2'],
      ['asked', 'a', "'=b"],
    ])
  })

  test('neutralises the values, which come from the tenant and the admin', () => {
    const csv = serializeCsv(block('=HYPERLINK("x")').provenanceCsv)
    expect(csv).toContain(`filter,"'=HYPERLINK(""x"")"\r\n`)
  })
})
