import { describe, expect, test } from 'vitest'
import { serializeCsv } from '@/lib/export/csv'
import {
  MEMBERSHIPS_PROVENANCE_CSV_KEYS,
  membershipsProvenance,
  type MembershipsProvenanceInput,
} from './memberships-provenance'

const BASE: MembershipsProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  subject: { userId: 'samlp|acme-saml|jane@acme.com', email: 'jane@acme.com' },
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: 'acme',
  sort: { column: 'name', direction: 'descending' },
  rowsExported: 12,
  memberships: { total: 40, complete: true, capped: false, pagination: 'offset' },
}

const provenanceOf = (input: MembershipsProvenanceInput) => membershipsProvenance(input).provenance
const csvOf = (input: MembershipsProvenanceInput) =>
  serializeCsv(membershipsProvenance(input).provenanceCsv)

describe('memberships provenance record', () => {
  test('holds every field, the time in ISO 8601 UTC, in a fixed key order', () => {
    const provenance = provenanceOf(BASE)

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
      pagination: 'offset',
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
      'pagination',
    ])
  })

  test('records no filter as an empty string and the API order as a null sort', () => {
    const provenance = provenanceOf({ ...BASE, filter: '   ', sort: undefined })
    expect(provenance.filter).toBe('')
    expect(provenance.sort).toBeNull()
  })

  test('leaves the email out of the subject when the user has none', () => {
    const provenance = provenanceOf({ ...BASE, subject: { userId: 'auth0|1' } })
    expect(provenance.subject).toEqual({ userId: 'auth0|1' })
    expect('email' in provenance.subject).toBe(false)
  })

  test('records a total the API did not report as null', () => {
    const memberships = { ...BASE.memberships, total: undefined }
    expect(provenanceOf({ ...BASE, memberships }).totalRows).toBeNull()
  })
})

describe('memberships completeness', () => {
  test('a filtered view of a fully loaded list is complete, without a note', () => {
    const provenance = provenanceOf({ ...BASE, rowsExported: 3 })
    expect(provenance.complete).toBe(true)
    expect(provenance).not.toHaveProperty('note')
  })

  test('a list past 1000 paged by checkpoint is complete, and says it was paged that way', () => {
    const provenance = provenanceOf({
      ...BASE,
      filter: '',
      rowsExported: 5000,
      memberships: { total: 5000, complete: true, capped: false, pagination: 'checkpoint' },
    })
    expect(provenance).toMatchObject({ complete: true, totalRows: 5000, pagination: 'checkpoint' })
    expect(provenance).not.toHaveProperty('note')
  })

  test('the 1000 cap makes it incomplete; the note says how many the API reported, why, and what would list the rest', () => {
    const provenance = provenanceOf({
      ...BASE,
      filter: '',
      rowsExported: 1000,
      memberships: {
        total: 1234,
        complete: true,
        capped: true,
        pagination: 'offset',
        checkpointRefusal: "it refused checkpoint paging (400: Query validation error: 'take')",
      },
    })
    expect(provenance.complete).toBe(false)
    expect(provenance.totalRows).toBe(1234)
    expect(provenance.note).toBe(
      'Incomplete: the Management API reports 1,234 memberships but lists only the first 1,000 here, so the rest are missing. ' +
        'The Management API lists at most 1,000 memberships by page number; checkpoint paging (from/take) lists them all, ' +
        "but on this tenant it refused checkpoint paging (400: Query validation error: 'take'). " +
        'A tenant (and proxy) that accepts from and take on this endpoint shows every one.',
    )
  })

  test('the cap without a reported total still makes it incomplete', () => {
    const provenance = provenanceOf({
      ...BASE,
      memberships: { total: undefined, complete: true, capped: true, pagination: 'offset' },
    })
    expect(provenance.complete).toBe(false)
    expect(provenance.note).toMatch(
      /^Incomplete: the Management API lists only the first 1,000 here, so the rest are missing\. /,
    )
  })

  test('unfinished loading makes it incomplete and says so', () => {
    const provenance = provenanceOf({
      ...BASE,
      memberships: { ...BASE.memberships, complete: false },
    })
    expect(provenance.complete).toBe(false)
    expect(provenance.note).toBe(
      'Incomplete: loading had not finished when this was exported, so memberships not yet loaded are missing.',
    )
  })

  test("puts the caller's note after the reasons", () => {
    const provenance = provenanceOf({
      ...BASE,
      memberships: { ...BASE.memberships, complete: false },
      note: ' Requested in ticket SEC-42. ',
    })
    expect(provenance.note).toMatch(
      /^Incomplete: loading had not finished .* Requested in ticket SEC-42\.$/,
    )
    expect(provenanceOf({ ...BASE, note: 'Quarterly review' }).note).toBe('Quarterly review')
  })
})

describe('memberships CSV provenance block', () => {
  test('is one key,value record per field, keyed by the JSON paths', () => {
    expect(csvOf({ ...BASE, note: 'Q1' })).toBe(
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
        'pagination,offset',
        'note,Q1',
        '',
      ].join('\r\n'),
    )
  })

  test('always has the same length, absent values written empty', () => {
    const input = {
      ...BASE,
      subject: { userId: 'auth0|1' },
      sort: undefined,
      filter: '',
      memberships: { ...BASE.memberships, total: undefined },
    }
    expect(membershipsProvenance(input).provenanceCsv).toHaveLength(
      MEMBERSHIPS_PROVENANCE_CSV_KEYS.length,
    )
    expect(csvOf(input)).toContain('subject.email,\r\n')
    expect(csvOf(input)).toContain('filter,\r\nsort.column,\r\nsort.direction,\r\n')
    expect(csvOf(input)).toContain('totalRows,\r\n')
    expect(
      csvOf({ ...input, memberships: { ...input.memberships, pagination: undefined } }),
    ).toContain('pagination,\r\n')
    expect(csvOf(input)).toMatch(/note,\r\n$/)
  })
})
