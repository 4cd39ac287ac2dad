import { describe, expect, test } from 'vitest'
import { buildExport, type ExportInput } from '@/lib/export/download'
import { parseCsv, serializeCsv } from '@/lib/export/csv'
import { sha256Hex } from '@/lib/export/hash'
import { createProvenance } from '@/lib/export/provenance'
import {
  compareSnapshots,
  comparisonExportInput,
  readSnapshot,
  SnapshotError,
  type Snapshot,
  type SnapshotRow,
} from './compare'
import { buildEvidencePack } from './evidence-pack'
import { packInput } from './test-pack'

const JANE = 'samlp|acme|jane@acme.com'
const encode = (text: string) => new TextEncoder().encode(text)

// An export of Jane's memberships in the memberships export's shape (features/organizations
// memberships-export.ts, which this feature may not import): the table with roles as an id=name
// map and a roles_status per row; the JSON adds the provenance with `subject.userId`.
const EXPORT_TABLE = {
  columns: ['display_name', 'name', 'id', 'roles', 'roles_status'],
  rows: [
    {
      display_name: 'Acme, Inc.',
      name: 'acme',
      id: 'org_acme',
      roles: { rol_1: 'Admin; owner' },
      roles_status: 'loaded',
    },
    {
      display_name: '=cmd',
      name: 'evil',
      id: 'org_evil',
      roles: null,
      roles_status: 'not loaded',
    },
  ],
}

function exportRequest(format: 'csv' | 'json'): ExportInput {
  const provenance = {
    ...createProvenance({
      tenantDomain: 'travel0.us.auth0.com',
      exportedBy: 'ada@orgscope.test',
      generatedAt: new Date('2026-02-01T09:30:00.000Z'),
      fetched: {
        from: new Date('2026-02-01T08:59:58.000Z'),
        until: new Date('2026-02-01T09:00:00.000Z'),
      },
      rowsExported: 2,
      totalRows: 2,
      gaps: [],
    }),
    subject: { userId: JANE, email: 'jane@acme.com' },
  }
  return { format, name: { kind: 'memberships', userId: JANE }, provenance, ...EXPORT_TABLE }
}

const EXPECTED_EXPORT_ROWS: SnapshotRow[] = [
  {
    userId: JANE,
    organizationId: 'org_acme',
    organizationName: 'Acme, Inc.',
    roles: ['Admin; owner'],
  },
  { userId: JANE, organizationId: 'org_evil', organizationName: '=cmd', roles: null },
]

describe('reading an earlier file', () => {
  test('reads an evidence pack: its rows, roles by name, decisions and when it was fetched', async () => {
    const pack = await buildEvidencePack(packInput())
    const snapshot = await readSnapshot(pack.fileName, pack.bytes)

    expect(snapshot.source).toEqual({
      fileName: pack.fileName,
      sha256: pack.sha256,
      kind: 'evidence pack',
      takenAt: '2026-03-04T10:00:05.000Z',
      subject: JANE,
    })
    expect(snapshot.rows).toEqual([
      {
        userId: JANE,
        organizationId: 'org_acme',
        organizationName: 'Acme, Inc.',
        roles: ['Admin', 'Member'],
      },
      {
        userId: JANE,
        organizationId: 'org_evil',
        organizationName: '=HYPERLINK("https://evil.example","x")',
        roles: [],
      },
      { userId: JANE, organizationId: 'org_globex', organizationName: 'Globex', roles: null },
    ])
    expect(
      snapshot.decisions.map(({ organizationId, decision, reason, flags }) => [
        organizationId,
        decision,
        reason,
        flags,
      ]),
    ).toEqual([
      ['org_acme', 'keep', '', []],
      ['org_evil', 'revoke', 'Left the evil team', ['inactive-90-days', 'blocked']],
      ['org_globex', null, '', ['self-review']],
    ])
    expect(snapshot.decisions[1]?.organizationName).toBe('=HYPERLINK("https://evil.example","x")')
  })

  test('reads a JSON export', async () => {
    const file = await buildExport(exportRequest('json'))
    const snapshot = await readSnapshot(file.fileName, file.bytes)

    expect(snapshot.source).toEqual({
      fileName: file.fileName,
      sha256: file.sha256,
      kind: 'JSON export',
      takenAt: '2026-02-01T09:00:00.000Z',
      subject: JANE,
    })
    expect(snapshot.rows).toEqual(EXPECTED_EXPORT_ROWS)
  })

  test('reads a CSV export after its provenance block (as exported before plain CSVs), formula quotes and escapes undone', async () => {
    const table = parseCsv(
      new TextDecoder().decode((await buildExport(exportRequest('csv'))).bytes),
    )
    const legacy = serializeCsv(
      [
        ['tool', 'Orgscope'],
        ['tenantDomain', 'travel0.us.auth0.com'],
        ['subject.userId', JANE],
        ['generatedAt', '2026-02-01T09:00:00.000Z'],
        ['complete', 'true'],
        [],
        ...table,
      ],
      { bom: true },
    )
    const snapshot = await readSnapshot('old.csv', encode(legacy))

    expect(snapshot.source).toMatchObject({
      kind: 'CSV export',
      takenAt: '2026-02-01T09:00:00.000Z',
      subject: JANE,
    })
    expect(snapshot.rows).toEqual(EXPECTED_EXPORT_ROWS)
  })

  test('reads a plain CSV export: the table alone, whose it is not said', async () => {
    const file = await buildExport(exportRequest('csv'))
    // Dropped on Jane's page: read as hers, and the source still says the file did not say.
    const snapshot = await readSnapshot(file.fileName, file.bytes, { assumeUserId: JANE })

    expect(snapshot.source).toMatchObject({ kind: 'CSV export', takenAt: null, subject: null })
    expect(snapshot.rows).toEqual(EXPECTED_EXPORT_ROWS)
    await expect(readSnapshot(file.fileName, file.bytes)).rejects.toThrow(
      'The file does not say whose memberships these are.',
    )
  })

  test('reads a plain CSV of a bulk review, each row naming its user', async () => {
    const csv =
      'user_id,organization_id,organization_display_name\r\nauth0|1,org_a,A\r\nauth0|2,org_b,\r\n'
    const snapshot = await readSnapshot('review.csv', encode(csv))

    expect(snapshot.source).toMatchObject({ kind: 'CSV export', takenAt: null, subject: null })
    expect(snapshot.source.sha256).toBe(await sha256Hex(encode(csv)))
    expect(snapshot.rows).toEqual([
      { userId: 'auth0|1', organizationId: 'org_a', organizationName: 'A', roles: null },
      { userId: 'auth0|2', organizationId: 'org_b', roles: null },
    ])
  })

  test.each([
    [
      'a CSV without user ids or a subject',
      'id,name\r\norg_a,a\r\n',
      'does not say whose memberships',
    ],
    [
      'a CSV without organization ids',
      'user_id,name\r\nauth0|1,a\r\n',
      'no organization id column',
    ],
    ['JSON that is not an export', '{"hello":1}', 'has no rows'],
    ['a damaged zip', 'PK\u0003\u0004garbage', 'damaged'],
  ])('explains why it cannot read %s', async (_name, text, message) => {
    const reading = readSnapshot('earlier', encode(text))
    await expect(reading).rejects.toThrow(SnapshotError)
    await expect(reading).rejects.toThrow(message)
  })
})

function snapshotOf(rows: SnapshotRow[], decisions: Snapshot['decisions'] = []): Snapshot {
  return {
    source: {
      fileName: 'last.zip',
      sha256: 'ab'.repeat(32),
      kind: 'evidence pack',
      takenAt: '2026-01-01T00:00:00.000Z',
      subject: JANE,
    },
    rows,
    decisions,
  }
}

const row = (organizationId: string, roles: string[] | null): SnapshotRow => ({
  userId: JANE,
  organizationId,
  organizationName: organizationId.replace('org_', ''),
  roles,
})

const revoke = (organizationId: string) => ({
  userId: JANE,
  organizationId,
  decision: 'revoke' as const,
  reason: 'No longer needed',
  decidedAt: '2026-01-01T01:00:00.000Z',
  decidedBy: 'ada@orgscope.test',
  flags: [],
})

describe('comparing with last time', () => {
  const earlier = snapshotOf(
    [
      row('org_a', ['Admin', 'Member']),
      row('org_b', ['Member']),
      row('org_c', null),
      row('org_gone', []),
    ],
    [
      revoke('org_gone'),
      revoke('org_b'),
      revoke('org_a'),
      { ...revoke('org_c'), decision: 'keep' as const },
    ],
  )
  const current = {
    takenAt: '2026-04-01T00:00:00.000Z',
    rows: [
      row('org_a', ['Member', 'Billing']),
      row('org_b', ['Member']),
      row('org_c', ['Admin']),
      row('org_new', ['Member']),
    ],
  }

  test('lists memberships added and removed, and roles gained and lost where both sides know them', () => {
    const comparison = compareSnapshots(earlier, current)

    expect(comparison.added.map(({ organizationId }) => organizationId)).toEqual(['org_new'])
    expect(comparison.removed.map(({ organizationId }) => organizationId)).toEqual(['org_gone'])
    expect(comparison.rolesGained).toEqual([
      { userId: JANE, organizationId: 'org_a', organizationName: 'a', roles: ['Billing'] },
    ])
    expect(comparison.rolesLost).toEqual([
      { userId: JANE, organizationId: 'org_a', organizationName: 'a', roles: ['Admin'] },
    ])
    expect(comparison.rolesNotComparable).toBe(1)
  })

  test('follows up every revoke decided last time', () => {
    const { remediation } = compareSnapshots(earlier, current)

    expect(remediation.map(({ organizationId, status }) => [organizationId, status])).toEqual([
      ['org_gone', 'removed'],
      ['org_b', 'still present'],
      ['org_a', 'role changed'],
    ])
    expect(remediation[0]).toMatchObject({
      reason: 'No longer needed',
      decidedAt: '2026-01-01T01:00:00.000Z',
    })
  })

  test('exports one row per change, under a provenance naming both sides', async () => {
    const comparison = compareSnapshots(earlier, current)
    const file = await buildExport(
      comparisonExportInput(comparison, {
        earlier: earlier.source,
        current,
        tenantDomain: 'travel0.us.auth0.com',
        exportedBy: 'ada@orgscope.test',
        format: 'csv',
        generatedAt: new Date('2026-04-01T00:05:00.000Z'),
      }),
    )
    const table = parseCsv(new TextDecoder().decode(file.bytes))
    const json = await buildExport(
      comparisonExportInput(comparison, {
        earlier: earlier.source,
        current,
        tenantDomain: 'travel0.us.auth0.com',
        exportedBy: 'ada@orgscope.test',
        format: 'json',
        generatedAt: new Date('2026-04-01T00:05:00.000Z'),
      }),
    )
    const { provenance } = JSON.parse(new TextDecoder().decode(json.bytes)) as {
      provenance: Record<string, unknown>
    }

    expect(provenance).toMatchObject({
      earlier: {
        fileName: 'last.zip',
        sha256: 'ab'.repeat(32),
        takenAt: '2026-01-01T00:00:00.000Z',
      },
      current: { fetchedAt: '2026-04-01T00:00:00.000Z' },
      note: expect.stringContaining('Roles not compared for 1 memberships'),
    })
    expect(table.map((record) => [record[0], record[2], record[4], record[5]])).toEqual([
      ['change', 'organization_id', 'roles', 'remediation_status'],
      ['added', 'org_new', 'Member', ''],
      ['removed', 'org_gone', '', ''],
      ['roles gained', 'org_a', 'Billing', ''],
      ['roles lost', 'org_a', 'Admin', ''],
      ['revoke decided earlier', 'org_gone', '', 'removed'],
      ['revoke decided earlier', 'org_b', '', 'still present'],
      ['revoke decided earlier', 'org_a', '', 'role changed'],
    ])
    expect(file.fileName).toBe('orgscope-comparison-samlp_acme_jane@acme.com-20260401-000500Z.csv')
  })
})

describe('an organization’s members read back', () => {
  // The members export's shape (features/organizations/members-export.ts): a member's `name` is
  // the person's, and the organization is the file's subject, not a column.
  const MEMBERS = {
    columns: ['user_id', 'name', 'email', 'roles', 'roles_status'],
    rows: [
      {
        user_id: JANE,
        name: 'Jane',
        email: 'jane@acme.com',
        roles: { rol_1: 'Admin' },
        roles_status: 'loaded',
      },
    ],
  }

  test('a JSON export is the organization’s members, named by the organization not the member', async () => {
    const json = JSON.stringify({
      provenance: { subject: { organizationId: 'org_acme', organizationName: 'Acme' } },
      ...MEMBERS,
    })
    const snapshot = await readSnapshot('members.json', encode(json))
    expect(snapshot.source.subject).toBe('org_acme')
    expect(snapshot.rows).toEqual([
      { userId: JANE, organizationId: 'org_acme', organizationName: 'Acme', roles: ['Admin'] },
    ])
  })

  test('the CSV table alone is read as the organization it is dropped on, and only then', async () => {
    const csv = serializeCsv([
      [...MEMBERS.columns],
      [JANE, 'Jane', 'jane@acme.com', 'rol_1=Admin', 'loaded'],
    ])
    const snapshot = await readSnapshot('members.csv', encode(csv), {
      assumeOrganizationId: 'org_acme',
    })
    expect(snapshot.source.subject).toBeNull()
    expect(snapshot.rows).toEqual([{ userId: JANE, organizationId: 'org_acme', roles: ['Admin'] }])
    await expect(readSnapshot('members.csv', encode(csv))).rejects.toThrow(SnapshotError)
  })
})

describe('a bulk review read back', () => {
  const JOHN = 'auth0|john'
  // The bulk review export's shape (features/review/review-export.ts): user × organization, a
  // user in no organization with empty organization cells.
  const COLUMNS = [
    'input',
    'user_id',
    'user_email',
    'organization_id',
    'organization_name',
    'organization_display_name',
    'roles',
    'roles_status',
  ]
  const ROWS = [
    {
      input: 'jane@acme.com',
      user_id: JANE,
      user_email: 'jane@acme.com',
      organization_id: 'org_acme',
      organization_name: 'acme',
      organization_display_name: 'Acme, Inc.',
      roles: { rol_1: 'Admin' },
      roles_status: 'loaded',
    },
    {
      input: JOHN,
      user_id: JOHN,
      user_email: null,
      organization_id: null,
      organization_name: null,
      organization_display_name: null,
      roles: null,
      roles_status: null,
    },
  ]
  const EXPECTED: SnapshotRow[] = [
    {
      userId: JANE,
      userEmail: 'jane@acme.com',
      organizationId: 'org_acme',
      organizationName: 'Acme, Inc.',
      roles: ['Admin'],
    },
  ]

  test('a users evidence pack: its memberships (a user in none has no row) and its revokes', async () => {
    const pack = await buildEvidencePack(
      packInput({
        scope: { kind: 'users', entries: ['jane@acme.com', JOHN], refusedInput: [] },
        columns: COLUMNS,
        rows: ROWS,
        decisions: [
          {
            userId: JANE,
            userEmail: 'jane@acme.com',
            organizationId: 'org_acme',
            decision: 'revoke',
            reason: 'Left',
            decidedAt: '2026-03-04T10:10:00.000Z',
            decidedBy: 'ada@orgscope.test',
            flags: [],
          },
        ],
      }),
    )
    const earlier = await readSnapshot(pack.fileName, pack.bytes)
    expect(earlier.source).toMatchObject({ kind: 'evidence pack', subject: null, bulkReview: true })
    expect(earlier.rows).toEqual(EXPECTED)

    const comparison = compareSnapshots(earlier, {
      takenAt: '2026-04-01T00:00:00.000Z',
      rows: [{ userId: JOHN, organizationId: 'org_globex', roles: [] }],
    })
    expect(comparison.added.map((row) => [row.userId, row.organizationId])).toEqual([
      [JOHN, 'org_globex'],
    ])
    expect(comparison.removed).toEqual(EXPECTED)
    expect(comparison.remediation).toMatchObject([
      { userId: JANE, userEmail: 'jane@acme.com', organizationId: 'org_acme', status: 'removed' },
    ])
  })

  test('the review’s JSON and CSV exports are read as user × organization', async () => {
    const json = JSON.stringify({
      provenance: { generatedAt: '2026-02-01T09:30:00.000Z', review: { entries: [] } },
      columns: COLUMNS,
      rows: ROWS,
    })
    const fromJson = await readSnapshot('review.json', encode(json))
    expect(fromJson.source).toMatchObject({ kind: 'JSON export', bulkReview: true })
    expect(fromJson.rows).toEqual(EXPECTED)

    const csv = serializeCsv([
      COLUMNS,
      [
        'jane@acme.com',
        JANE,
        'jane@acme.com',
        'org_acme',
        'acme',
        'Acme, Inc.',
        'rol_1=Admin',
        'loaded',
      ],
      [JOHN, JOHN, '', '', '', '', '', ''],
    ])
    const fromCsv = await readSnapshot('review.csv', encode(csv))
    expect(fromCsv.source).toMatchObject({ kind: 'CSV export', subject: null, bulkReview: true })
    expect(fromCsv.rows).toEqual(EXPECTED)
  })

  test('a one-user export is not taken for a bulk review', async () => {
    const file = await buildExport(exportRequest('json'))
    const snapshot = await readSnapshot(file.fileName, file.bytes)
    expect(snapshot.source.bulkReview).toBeUndefined()
  })
})
