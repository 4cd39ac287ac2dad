import { describe, expect, test } from 'vitest'
import { parseCsv } from '@/lib/export/csv'
import { buildExport } from '@/lib/export/download'
import { REVIEW_COLUMNS, reviewExportInput, type ReviewExportRequest } from './review-export'

const ADMIN = { id: 'rol_admin', name: 'Admin' }

const REQUEST: ReviewExportRequest = {
  format: 'csv',
  tenantDomain: 'travel0.us.auth0.com',
  exportedBy: 'ada@orgscope.test',
  generatedAt: new Date('2026-01-02T03:04:05.678Z'),
  filter: 'acme',
  rows: [
    {
      inputs: ['pat@example.com', 'auth0|pat'],
      user: {
        user_id: 'auth0|pat',
        email: 'pat@example.com',
        last_login: '2025-12-01T09:30:00.000Z',
        blocked: true,
        identities: [
          { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: 'pat' },
        ],
      },
      organization: { id: 'org_acme', name: 'acme', display_name: 'Acme, Inc.' },
    },
    { inputs: ['auth0|solo'], user: { user_id: 'auth0|solo', name: 'Solo' } },
  ],
  totalRows: 9,
  entries: ['pat@example.com', 'auth0|pat', 'auth0|solo'],
  users: [],
  failures: [],
  refused: [{ line: 4, text: 'jane doe', reason: 'neither a user id nor an email' }],
  unfinished: 0,
  rolesOf: (userId, organizationId) =>
    userId === 'auth0|pat' && organizationId === 'org_acme'
      ? { status: 'loaded', roles: [ADMIN] }
      : { status: 'not loaded' },
}

describe('the review export', () => {
  test('names the file for the review and the UTC time; the CSV is the table alone', async () => {
    const file = await buildExport(reviewExportInput(REQUEST))

    expect(file.fileName).toBe('orgscope-review-20260102-030405Z.csv')
    const records = parseCsv(new TextDecoder().decode(file.bytes))
    expect(records).toEqual([
      [...REVIEW_COLUMNS],
      [
        'pat@example.com\nauth0|pat',
        'auth0|pat',
        'pat@example.com',
        '',
        '2025-12-01T09:30:00.000Z',
        'true',
        'Username-Password-Authentication',
        'org_acme',
        'acme',
        'Acme, Inc.',
        'rol_admin=Admin',
        'loaded',
      ],
      // Never signed in, never blocked, no identities listed: empty, false, empty; in no
      // organization, so no roles to load either.
      ['auth0|solo', 'auth0|solo', '', 'Solo', '', 'false', '', '', '', '', '', ''],
    ])
  })

  test('as JSON, holds the rows in view and says how many', async () => {
    const file = await buildExport(reviewExportInput({ ...REQUEST, format: 'json' }))
    const envelope = JSON.parse(new TextDecoder().decode(file.bytes)) as {
      provenance: {
        rowsExported: number
        totalRows: number
        listComplete: boolean
        review: { refused: unknown[] }
      }
      rows: { user_id: string; organization_id: string | null }[]
    }

    expect(file.fileName).toBe('orgscope-review-20260102-030405Z.json')
    // A refused line is evidence too: which line, what it said, why it was not looked up; and
    // whoever it meant was not reviewed, so the list is not complete.
    expect(envelope.provenance).toMatchObject({
      rowsExported: 2,
      totalRows: 9,
      listComplete: false,
      wholeListExported: false,
    })
    expect(envelope.provenance.review.refused).toEqual([
      { line: 4, text: 'jane doe', reason: 'neither a user id nor an email' },
    ])
    expect(envelope.rows.map((row) => [row.user_id, row.organization_id])).toEqual([
      ['auth0|pat', 'org_acme'],
      ['auth0|solo', null],
    ])
  })

  test("has each membership's roles and says whether every row's roles are in the file", async () => {
    const pat = REQUEST.rows[0]
    if (!pat) throw new Error('fixture')
    const beta = { ...pat, organization: { id: 'org_beta', name: 'beta' } }
    const request = { ...REQUEST, format: 'json' as const, rows: [...REQUEST.rows, beta] }
    const parse = async (input: ReviewExportRequest) =>
      JSON.parse(new TextDecoder().decode((await buildExport(reviewExportInput(input))).bytes)) as {
        provenance: { rolesComplete: boolean; rolesStatusCounts: object; note: string }
        rows: { organization_id: string | null; roles: unknown; roles_status: string | null }[]
      }

    const partly = await parse(request)
    expect(partly.rows.map((row) => [row.organization_id, row.roles, row.roles_status])).toEqual([
      ['org_acme', { rol_admin: 'Admin' }, 'loaded'],
      [null, null, null],
      ['org_beta', null, 'not loaded'],
    ])
    // The user in no organization counts neither way: one of two memberships is missing roles.
    expect(partly.provenance).toMatchObject({
      rolesComplete: false,
      rolesStatusCounts: { loaded: 1, 'not loaded': 1 },
    })
    expect(partly.provenance.note).toContain('Roles: not in the file for 1 of 2 rows (1 not loaded')

    const whole = await parse({ ...request, rolesOf: () => ({ status: 'loaded', roles: [] }) })
    expect(whole.provenance).toMatchObject({
      rolesComplete: true,
      rolesStatusCounts: { loaded: 2 },
    })
  })
})
