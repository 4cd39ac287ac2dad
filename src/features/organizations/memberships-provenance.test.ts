import { describe, expect, test } from 'vitest'
import { membershipsProvenance, type MembershipsProvenanceInput } from './memberships-provenance'

const BASE: MembershipsProvenanceInput = {
  tenantDomain: 'travel0.us.auth0.com',
  subject: {
    userId: 'samlp|acme-saml|jane@acme.com',
    email: 'jane@acme.com',
    lastLogin: '2025-12-31T09:15:00.000Z',
    blocked: false,
    connection: 'acme-saml',
  },
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: 'acme',
  sort: { column: 'name', direction: 'descending' },
  rowsExported: 12,
  memberships: {
    total: 40,
    complete: true,
    capped: false,
    pagination: 'offset',
    fetchedFrom: Date.parse('2026-01-02T01:00:00.000Z'),
    fetchedUntil: Date.parse('2026-01-02T01:00:03.000Z'),
  },
  roles: { rolesComplete: false, rolesStatusCounts: { loaded: 10, 'not loaded': 2 } },
}

const provenanceOf = membershipsProvenance

describe('memberships provenance record', () => {
  test('holds every field, the time in ISO 8601 UTC, in a fixed key order', () => {
    const provenance = provenanceOf(BASE)

    expect(provenance).toEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      fetchedFrom: '2026-01-02T01:00:00.000Z',
      fetchedUntil: '2026-01-02T01:00:03.000Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'acme',
      filtered: true,
      rowsExported: 12,
      totalRows: 40,
      listComplete: true,
      wholeListExported: false,
      subject: {
        userId: 'samlp|acme-saml|jane@acme.com',
        email: 'jane@acme.com',
        lastLogin: '2025-12-31T09:15:00.000Z',
        blocked: false,
        connection: 'acme-saml',
      },
      sort: { column: 'name', direction: 'descending' },
      pagination: 'offset',
      rolesComplete: false,
      rolesStatusCounts: { loaded: 10, 'not loaded': 2 },
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
      'subject',
      'sort',
      'pagination',
      'rolesComplete',
      'rolesStatusCounts',
    ])
  })

  test('records no filter as an empty string and the API order as a null sort', () => {
    const provenance = provenanceOf({ ...BASE, filter: '   ', sort: undefined })
    expect(provenance.filter).toBe('')
    expect(provenance.sort).toBeNull()
  })

  test('records account context the user record lacks as null, every key present', () => {
    const provenance = provenanceOf({ ...BASE, subject: { userId: 'auth0|1' } })
    expect(provenance.subject).toStrictEqual({
      userId: 'auth0|1',
      email: null,
      lastLogin: null,
      blocked: null,
      connection: null,
    })
  })

  test('records a blocked user as blocked', () => {
    const subject = { ...BASE.subject, blocked: true }
    expect(provenanceOf({ ...BASE, subject }).subject.blocked).toBe(true)
  })

  test('records no fetch time until a page has arrived', () => {
    const memberships = { total: 40, complete: false, capped: false, pagination: undefined }
    expect(provenanceOf({ ...BASE, memberships })).toMatchObject({
      fetchedFrom: null,
      fetchedUntil: null,
    })
  })

  test('records a total the API did not report as null', () => {
    const memberships = { ...BASE.memberships, total: undefined }
    expect(provenanceOf({ ...BASE, memberships }).totalRows).toBeNull()
  })
})

describe('memberships completeness', () => {
  test('a filtered view of a fully loaded list: the list is complete, the file is not the whole list', () => {
    const provenance = provenanceOf({ ...BASE, rowsExported: 3 })
    expect(provenance).toMatchObject({
      listComplete: true,
      filtered: true,
      wholeListExported: false,
    })
    expect(provenance).not.toHaveProperty('note')
  })

  test('a list past 1000 paged by checkpoint is complete, and says it was paged that way', () => {
    const provenance = provenanceOf({
      ...BASE,
      filter: '',
      rowsExported: 5000,
      memberships: { total: 5000, complete: true, capped: false, pagination: 'checkpoint' },
    })
    expect(provenance).toMatchObject({
      listComplete: true,
      wholeListExported: true,
      totalRows: 5000,
      pagination: 'checkpoint',
    })
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
    expect(provenance.listComplete).toBe(false)
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
    expect(provenance.listComplete).toBe(false)
    expect(provenance.note).toMatch(
      /^Incomplete: the Management API lists only the first 1,000 here, so the rest are missing\. /,
    )
  })

  test('unfinished loading makes it incomplete and says so', () => {
    const provenance = provenanceOf({
      ...BASE,
      memberships: { ...BASE.memberships, complete: false },
    })
    expect(provenance.listComplete).toBe(false)
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
