import { describe, expect, test } from 'vitest'
import { parseCsv } from '@/lib/export/csv'
import { buildExport } from '@/lib/export/download'
import { ManagementApiError } from '@/lib/management-api/errors'
import type { Organization } from '@/lib/management-api/schemas'
import {
  MEMBERSHIPS_EXPORT_COLUMNS,
  membershipsExportInput,
  type MembershipsExportRequest,
  type RolesState,
} from './memberships-export'
import { filterOrganizations, sortOrganizations, type SortState } from './organization-list'

const ORGANIZATIONS: Organization[] = [
  { id: 'org_b', name: 'beta', display_name: 'Beta Freight', metadata: { region: 'eu' } },
  { id: 'org_a', name: 'alpha', display_name: 'Alpha Air' },
  { id: 'org_c', name: 'gamma', branding: { colors: { primary: '#112233' } } },
]
const MEMBER = { id: 'rol_m', name: 'Member' }
const ROLES: Record<string, RolesState> = {
  org_a: { status: 'loaded', roles: [MEMBER, { id: 'rol_x', name: 'Org; Admin' }] },
  org_b: {
    status: 'failed',
    error: new ManagementApiError({
      kind: 'http',
      status: 403,
      error: 'Forbidden',
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected any of: read:organization_member_roles',
      missingScopes: ['read:organization_member_roles'],
      requestPath: '/x',
      receivedAt: new Date(),
    }),
  },
}

const serverError = new ManagementApiError({
  kind: 'http',
  status: 500,
  error: 'Internal Server Error',
  message: 'Something broke',
  requestPath: '/x',
  receivedAt: new Date(),
})

/** What the page does: filter, then sort, then export what that leaves. */
function request(filter: string, sort: SortState): MembershipsExportRequest {
  return {
    format: 'csv',
    tenantDomain: 'travel0.us.auth0.com',
    subject: {
      userId: 'auth0|tess',
      email: 'trio@example.com',
      lastLogin: '2026-01-01T08:00:00.000Z',
      blocked: true,
      connection: 'Username-Password-Authentication',
    },
    exportedBy: 'ada@orgscope.test',
    generatedAt: new Date('2026-01-02T03:04:05.678Z'),
    filter,
    sort,
    memberships: {
      total: 3,
      complete: true,
      capped: false,
      pagination: 'offset',
      fetchedFrom: Date.parse('2026-01-02T02:00:00.000Z'),
      fetchedUntil: Date.parse('2026-01-02T02:00:00.000Z'),
    },
    rows: sortOrganizations(filterOrganizations(ORGANIZATIONS, filter), sort),
    rolesOf: (id) => ROLES[id] ?? { status: 'not loaded' },
  }
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('the memberships export', () => {
  test('holds exactly the rows left by the filter, in the sorted order, in screen column order', () => {
    const input = membershipsExportInput(
      request('a', { column: 'displayName', direction: 'ascending' }),
    )

    expect(input.columns).toEqual([
      'logo_url',
      'display_name',
      'name',
      'id',
      'roles',
      'roles_status',
      'primary_color',
      'page_background_color',
      'metadata',
    ])
    // "a" matches Alpha Air, Beta Freight and gamma; sorted by display name (gamma by its name).
    expect(input.rows.map((row) => row.id)).toEqual(['org_a', 'org_b', 'org_c'])
    expect(membershipsExportInput(request('beta', undefined)).rows.map((row) => row.id)).toEqual([
      'org_b',
    ])
  })

  test('says for every row whether its roles were loaded, refused or never asked for, and counts the rows without', () => {
    const input = membershipsExportInput(request('', undefined))

    expect(input.rows.map((row) => [row.id, row.roles, row.roles_status])).toEqual([
      [
        'org_b',
        null,
        'HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles',
      ],
      ['org_a', { rol_m: 'Member', rol_x: 'Org; Admin' }, 'loaded'],
      ['org_c', null, 'not loaded'],
    ])
    expect(input.provenance.note).toBe(
      'Roles: not in the file for 2 of 3 rows (1 refused, 1 not loaded — roles are looked up for rows shown on screen, or by "Load all roles"); roles_status says why for each.',
    )
    // The list itself was whole; its roles are not, and the file says which rows lack them.
    expect(input.provenance).toMatchObject({
      listComplete: true,
      wholeListExported: true,
      rolesComplete: false,
      rolesStatusCounts: {
        'HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles': 1,
        loaded: 1,
        'not loaded': 1,
      },
    })
  })

  test('says the roles are complete once every row has them', () => {
    const input = membershipsExportInput({
      ...request('', undefined),
      rolesOf: () => ({ status: 'loaded', roles: [] }),
    })
    expect(input.rows.every((row) => row.roles_status === 'loaded')).toBe(true)
    expect(input.provenance).toMatchObject({
      rolesComplete: true,
      rolesStatusCounts: { loaded: 3 },
    })
    expect(input.provenance).not.toHaveProperty('note')
  })

  test('a failed lookup gives its status and message, a retried or pending one says so; none reads as "not loaded"', () => {
    const states: Record<string, RolesState> = {
      org_a: { status: 'failed', error: serverError },
      org_b: { status: 'failed', error: serverError, retrying: true },
      org_c: { status: 'loading' },
    }
    const input = membershipsExportInput({
      ...request('', undefined),
      rolesOf: (id) => states[id] ?? { status: 'not loaded' },
    })

    expect(input.rows.map((row) => [row.id, row.roles_status])).toEqual([
      [
        'org_b',
        'HTTP 500 Internal Server Error — Something broke (being tried again when exported)',
      ],
      ['org_a', 'HTTP 500 Internal Server Error — Something broke'],
      ['org_c', 'loading'],
    ])
    expect(input.provenance.note).toBe(
      'Roles: not in the file for 3 of 3 rows (2 failed, 1 still loading); roles_status says why for each.',
    )
  })

  test('records the provenance: tenant, subject with account context, who, when, filter, sort and counts', () => {
    const { provenance } = membershipsExportInput(
      request('beta', { column: 'name', direction: 'descending' }),
    )
    expect(provenance).toMatchObject({
      tenantDomain: 'travel0.us.auth0.com',
      subject: {
        userId: 'auth0|tess',
        email: 'trio@example.com',
        lastLogin: '2026-01-01T08:00:00.000Z',
        blocked: true,
        connection: 'Username-Password-Authentication',
      },
      exportedBy: 'ada@orgscope.test',
      generatedAt: '2026-01-02T03:04:05.678Z',
      fetchedFrom: '2026-01-02T02:00:00.000Z',
      fetchedUntil: '2026-01-02T02:00:00.000Z',
      filter: 'beta',
      filtered: true,
      sort: { column: 'name', direction: 'descending' },
      rowsExported: 1,
      totalRows: 3,
      listComplete: true,
      wholeListExported: false,
    })
  })

  test('as CSV, reads back as one header row and the rows on screen', async () => {
    const file = await buildExport(membershipsExportInput(request('a', undefined)))
    const table = parseCsv(decode(file.bytes))

    expect(file.fileName).toBe('orgscope-memberships-auth0_tess-20260102-030405Z.csv')
    expect(table).toHaveLength(4)
    expect(table[0]).toEqual(MEMBERSHIPS_EXPORT_COLUMNS)
    expect(table.slice(1).map((record) => record[3])).toEqual(['org_b', 'org_a', 'org_c'])
    expect(table[2]?.[4]).toBe('rol_m=Member; rol_x=Org\\; Admin')
  })
  test('as CSV, is exactly the header row and the table, no provenance', async () => {
    const file = await buildExport(
      membershipsExportInput(request('beta', { column: 'name', direction: 'descending' })),
    )

    expect(decode(file.bytes)).toBe(
      [
        'logo_url,display_name,name,id,roles,roles_status,primary_color,page_background_color,metadata',
        ',Beta Freight,beta,org_b,,HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles,,,region=eu',
        '',
      ].join('\r\n'),
    )
  })

  test('as JSON, names the file for the user and carries the whole provenance', async () => {
    const file = await buildExport(
      membershipsExportInput({ ...request('beta', undefined), format: 'json' }),
    )
    const { provenance } = JSON.parse(decode(file.bytes)) as { provenance: object }

    expect(file.fileName).toBe('orgscope-memberships-auth0_tess-20260102-030405Z.json')
    expect(provenance).toStrictEqual({
      tool: 'Orgscope',
      tenantDomain: 'travel0.us.auth0.com',
      generatedAt: '2026-01-02T03:04:05.678Z',
      fetchedFrom: '2026-01-02T02:00:00.000Z',
      fetchedUntil: '2026-01-02T02:00:00.000Z',
      exportedBy: 'ada@orgscope.test',
      filter: 'beta',
      filtered: true,
      rowsExported: 1,
      totalRows: 3,
      listComplete: true,
      wholeListExported: false,
      note: 'Roles: not in the file for 1 of 1 rows (1 refused); roles_status says why for each.',
      subject: {
        userId: 'auth0|tess',
        email: 'trio@example.com',
        lastLogin: '2026-01-01T08:00:00.000Z',
        blocked: true,
        connection: 'Username-Password-Authentication',
      },
      sort: null,
      pagination: 'offset',
      rolesComplete: false,
      rolesStatusCounts: {
        'HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles': 1,
      },
    })
  })
})
