import { describe, expect, test } from 'vitest'
import { createProvenance, rolesCompleteness, type ProvenanceInput } from './provenance'

const BASE: ProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  fetched: {
    from: new Date('2026-01-02T01:00:00.000Z'),
    until: new Date('2026-01-02T01:00:02.500Z'),
  },
  filter: 'acme',
  rowsExported: 12,
  totalRows: 40,
  gaps: [],
}

describe('provenance record', () => {
  test('holds every common field, the times in ISO 8601 UTC, in a fixed key order', () => {
    const provenance = createProvenance(BASE)

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      fetchedFrom: '2026-01-02T01:00:00.000Z',
      fetchedUntil: '2026-01-02T01:00:02.500Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      filtered: true,
      rowsExported: 12,
      totalRows: 40,
      listComplete: true,
      wholeListExported: false,
    })
    expect(Object.keys(provenance)).toEqual([
      'tool',
      'tenantDomain',
      'generatedAt',
      'fetchedFrom',
      'fetchedUntil',
      'exportedBy',
      'filter',
      'filtered',
      'rowsExported',
      'totalRows',
      'listComplete',
      'wholeListExported',
    ])
  })

  test('records when the data was fetched, not when the file was built; null when unknown', () => {
    const provenance = createProvenance(BASE)
    expect(provenance.fetchedUntil).not.toBe(provenance.generatedAt)
    expect(createProvenance({ ...BASE, fetched: undefined })).toMatchObject({
      fetchedFrom: null,
      fetchedUntil: null,
    })
  })

  test('records no filter as an empty string, not filtered', () => {
    expect(createProvenance({ ...BASE, filter: '   ' })).toMatchObject({
      filter: '',
      filtered: false,
    })
    expect(createProvenance({ ...BASE, filter: undefined }).filtered).toBe(false)
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
  test('a whole list exported without a filter: list complete and whole list exported', () => {
    const provenance = createProvenance({ ...BASE, filter: '', rowsExported: 40 })
    expect(provenance).toMatchObject({
      listComplete: true,
      filtered: false,
      wholeListExported: true,
    })
    expect(provenance).not.toHaveProperty('note')
  })

  test('a filtered 1-of-3 export of a complete list is not the whole list', () => {
    const provenance = createProvenance({ ...BASE, rowsExported: 1, totalRows: 3 })
    expect(provenance).toMatchObject({
      listComplete: true,
      filtered: true,
      rowsExported: 1,
      totalRows: 3,
      wholeListExported: false,
    })
  })

  test('another filter than the text (a role) makes the file filtered too', () => {
    const provenance = createProvenance({ ...BASE, filter: '', otherFilterApplied: true })
    expect(provenance).toMatchObject({ filter: '', filtered: true, wholeListExported: false })
  })

  test('any gap makes the list incomplete, and the note gives every one', () => {
    const provenance = createProvenance({
      ...BASE,
      filter: '',
      gaps: ['Incomplete: one.', 'Incomplete: two.'],
    })
    expect(provenance.listComplete).toBe(false)
    expect(provenance.wholeListExported).toBe(false)
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
      listComplete: true,
      note: 'Quarterly review',
    })
  })
})

describe('roles completeness', () => {
  test('complete only when every row is loaded, with the rows per status', () => {
    expect(rolesCompleteness(['loaded', 'loaded'])).toEqual({
      rolesComplete: true,
      rolesStatusCounts: { loaded: 2 },
    })
    expect(rolesCompleteness(['loaded', 'not loaded', 'not loaded', 'loading'])).toEqual({
      rolesComplete: false,
      rolesStatusCounts: { loaded: 1, 'not loaded': 2, loading: 1 },
    })
  })

  test('no rows: nothing is missing', () => {
    expect(rolesCompleteness([])).toEqual({ rolesComplete: true, rolesStatusCounts: {} })
  })
})
