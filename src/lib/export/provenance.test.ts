import { describe, expect, test } from 'vitest'
import { serializeCsv } from './csv'
import {
  createProvenance,
  PROVENANCE_CSV_KEYS,
  provenanceCsvRecords,
  type ProvenanceInput,
} from './provenance'

const BASE: ProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  subject: { userId: 'samlp|acme-saml|jane@acme.com', email: 'jane@acme.com' },
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: 'acme',
  sort: { column: 'name', direction: 'descending' },
  rowsExported: 12,
  totalRows: 40,
  loadingFinished: true,
  capped: false,
}

describe('provenance record', () => {
  test('holds every field, the time in ISO 8601 UTC, in a fixed key order', () => {
    const provenance = createProvenance(BASE)

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      subject: { userId: 'samlp|acme-saml|jane@acme.com', email: 'jane@acme.com' },
      generatedAt: '2026-01-02T03:04:05.678Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      sort: { column: 'name', direction: 'descending' },
      rowsExported: 12,
      totalRows: 40,
      complete: true,
    })
    expect(Object.keys(provenance)).toEqual([
      'tool',
      'tenantDomain',
      'subject',
      'generatedAt',
      'exportedBy',
      'filter',
      'sort',
      'rowsExported',
      'totalRows',
      'complete',
    ])
  })

  test('records no filter as an empty string and the API order as a null sort', () => {
    const provenance = createProvenance({ ...BASE, filter: '   ', sort: undefined })
    expect(provenance.filter).toBe('')
    expect(provenance.sort).toBeNull()
    expect(createProvenance({ ...BASE, filter: undefined, sort: null }).filter).toBe('')
  })

  test('leaves the email out of the subject when the user has none', () => {
    const provenance = createProvenance({ ...BASE, subject: { userId: 'auth0|1' } })
    expect(provenance.subject).toEqual({ userId: 'auth0|1' })
    expect('email' in provenance.subject).toBe(false)
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
  test('a filtered view of a fully loaded list is complete, without a note', () => {
    const provenance = createProvenance({ ...BASE, rowsExported: 3, totalRows: 40 })
    expect(provenance.complete).toBe(true)
    expect(provenance).not.toHaveProperty('note')
  })

  test('the 1000 cap makes it incomplete and the note says how many the API reported', () => {
    const provenance = createProvenance({
      ...BASE,
      filter: '',
      rowsExported: 1000,
      totalRows: 1234,
      capped: true,
    })
    expect(provenance.complete).toBe(false)
    expect(provenance.totalRows).toBe(1234)
    expect(provenance.note).toBe(
      'Incomplete: the Management API reports 1,234 memberships but lists only the first 1,000, so the rest are missing.',
    )
  })

  test('unfinished loading makes it incomplete and says so', () => {
    const provenance = createProvenance({ ...BASE, loadingFinished: false })
    expect(provenance.complete).toBe(false)
    expect(provenance.note).toBe(
      'Incomplete: loading had not finished when this was exported, so memberships not yet loaded are missing.',
    )
  })

  test("puts the caller's note after the reasons", () => {
    const provenance = createProvenance({
      ...BASE,
      loadingFinished: false,
      note: ' Requested in ticket SEC-42. ',
    })
    expect(provenance.note).toMatch(
      /^Incomplete: loading had not finished .* Requested in ticket SEC-42\.$/,
    )
    expect(createProvenance({ ...BASE, note: 'Quarterly review' }).note).toBe('Quarterly review')
  })
})

describe('CSV provenance block', () => {
  test('is one key,value record per field, keyed by the JSON paths', () => {
    const csv = serializeCsv(provenanceCsvRecords(createProvenance({ ...BASE, note: 'Q1' })))
    expect(csv).toBe(
      [
        'tool,Orgscope',
        'tenantDomain,travel0.us.auth0.com',
        'subject.userId,samlp|acme-saml|jane@acme.com',
        'subject.email,jane@acme.com',
        'generatedAt,2026-01-02T03:04:05.678Z',
        'exportedBy,ada@orgscope.test',
        'filter,acme',
        'sort.column,name',
        'sort.direction,descending',
        'rowsExported,12',
        'totalRows,40',
        'complete,true',
        'note,Q1',
        '',
      ].join('\r\n'),
    )
  })

  test('always has the same length, absent values written empty', () => {
    const records = provenanceCsvRecords(
      createProvenance({
        ...BASE,
        subject: { userId: 'auth0|1' },
        sort: undefined,
        filter: '',
        totalRows: undefined,
      }),
    )
    expect(records).toHaveLength(PROVENANCE_CSV_KEYS.length)
    expect(serializeCsv(records)).toContain('subject.email,\r\n')
    expect(serializeCsv(records)).toContain('filter,\r\nsort.column,\r\nsort.direction,\r\n')
    expect(serializeCsv(records)).toContain('totalRows,\r\n')
    expect(serializeCsv(records)).toMatch(/note,\r\n$/)
  })

  test('neutralises the values, which come from the tenant and the admin', () => {
    const csv = serializeCsv(
      provenanceCsvRecords(createProvenance({ ...BASE, filter: '=HYPERLINK("x")' })),
    )
    expect(csv).toContain(`filter,"'=HYPERLINK(""x"")"\r\n`)
  })
})
