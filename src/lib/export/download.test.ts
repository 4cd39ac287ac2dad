import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ExportRow } from './cells'
import { parseCsv } from './csv'
import { buildExport, REVOKE_OBJECT_URL_AFTER_MS, saveFile, type ExportInput } from './download'
import { sha256Hex } from './hash'
import { createProvenance } from './provenance'

const ROWS: ExportRow[] = [
  {
    id: 'org_acme',
    name: 'acme',
    display_name: 'Acme, Inc.',
    metadata: { region: 'eu', tier: 'gold' },
  },
  {
    id: 'org_evil',
    name: 'evil',
    display_name: '=HYPERLINK("https://evil.example","x")',
    metadata: null,
  },
  { id: 'org_jose', name: 'núñez', display_name: 'José Núñez 株式会社', metadata: null },
]

function exportInput(
  format: ExportInput['format'],
  columns: readonly string[] = ['id', 'name', 'display_name', 'metadata'],
  rows: readonly ExportRow[] = ROWS,
): ExportInput {
  const provenance = createProvenance({
    tenantDomain: 'travel0.us.auth0.com',
    exportedBy: 'ada@orgscope.test',
    generatedAt: new Date('2026-01-02T03:04:05.678Z'),
    fetched: {
      from: new Date('2026-01-02T02:59:58.000Z'),
      until: new Date('2026-01-02T02:59:59.250Z'),
    },
    filter: '',
    rowsExported: rows.length,
    totalRows: 3,
    gaps: [],
  })
  return {
    format,
    name: { kind: 'memberships', userId: 'samlp|acme-saml|jane@acme.com' },
    provenance,
    columns,
    rows,
  }
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes)

describe('CSV export', () => {
  test('is the table only: one header row, then the rows, with a BOM and CRLF ends', async () => {
    const file = await buildExport(exportInput('csv', ['id', 'display_name', 'metadata']))

    expect(file.fileName).toBe(
      'orgscope-memberships-samlp_acme-saml_jane@acme.com-20260102-030405Z.csv',
    )
    expect(file.mimeType).toBe('text/csv;charset=utf-8')
    expect(Array.from(file.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    expect(decode(file.bytes)).toBe(
      [
        'id,display_name,metadata',
        'org_acme,"Acme, Inc.",region=eu; tier=gold',
        `org_evil,"'=HYPERLINK(""https://evil.example"",""x"")",`,
        'org_jose,José Núñez 株式会社,',
        '',
      ].join('\r\n'),
    )
  })

  test('reads back as the rows on screen, in the columns on screen', async () => {
    const file = await buildExport(exportInput('csv', ['name', 'id'], ROWS.toReversed()))
    expect(parseCsv(decode(file.bytes))).toEqual([
      ['name', 'id'],
      ['núñez', 'org_jose'],
      ['evil', 'org_evil'],
      ['acme', 'org_acme'],
    ])
  })

  test('exports a header and no rows when nothing is in view', async () => {
    const file = await buildExport(exportInput('csv', ['id', 'name'], []))
    expect(decode(file.bytes)).toBe('id,name\r\n')
  })
})

describe('JSON export', () => {
  test('is exactly { provenance, columns, rows }, values as the API gave them', async () => {
    const file = await buildExport(exportInput('json', ['id', 'display_name', 'metadata']))

    expect(file.fileName).toBe(
      'orgscope-memberships-samlp_acme-saml_jane@acme.com-20260102-030405Z.json',
    )
    expect(file.mimeType).toBe('application/json')
    const text = decode(file.bytes)
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    expect(text.endsWith('}\n')).toBe(true)
    const envelope: unknown = JSON.parse(text)
    expect(envelope).toStrictEqual({
      provenance: {
        tool: 'Orgscope',
        tenantDomain: 'travel0.us.auth0.com',
        generatedAt: '2026-01-02T03:04:05.678Z',
        fetchedFrom: '2026-01-02T02:59:58.000Z',
        fetchedUntil: '2026-01-02T02:59:59.250Z',
        exportedBy: 'ada@orgscope.test',
        filter: '',
        filtered: false,
        rowsExported: 3,
        totalRows: 3,
        listComplete: true,
        wholeListExported: true,
      },
      columns: ['id', 'display_name', 'metadata'],
      rows: [
        { id: 'org_acme', display_name: 'Acme, Inc.', metadata: { region: 'eu', tier: 'gold' } },
        { id: 'org_evil', display_name: '=HYPERLINK("https://evil.example","x")', metadata: null },
        { id: 'org_jose', display_name: 'José Núñez 株式会社', metadata: null },
      ],
    })
    expect(Object.keys(envelope as object)).toEqual(['provenance', 'columns', 'rows'])
  })

  test('writes every column of every row in column order, null where a row lacks one', async () => {
    const input = exportInput('json', ['name', 'id'], [{ id: 'org_acme' }])
    const envelope = JSON.parse(decode((await buildExport(input)).bytes)) as { rows: object[] }
    expect(envelope.rows[0]).toStrictEqual({ name: null, id: 'org_acme' })
    expect(Object.keys(envelope.rows[0] ?? {})).toEqual(['name', 'id'])
  })
})

describe('build', () => {
  test('reports the SHA-256 of exactly the bytes it returns', async () => {
    for (const format of ['csv', 'json'] as const) {
      const file = await buildExport(exportInput(format))
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(file.sha256).toBe(await sha256Hex(file.bytes))
    }
  })

  test('refuses rows that do not match the provenance count', async () => {
    const input = exportInput('csv')
    await expect(buildExport({ ...input, rows: input.rows.slice(1) })).rejects.toThrow(
      'The provenance says 3 rows but 2 were given.',
    )
  })
})

describe('saving', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  test('clicks a temporary download link to an object URL and revokes the URL afterwards', async () => {
    vi.useFakeTimers()
    const createObjectURL = vi.fn((_object: Blob | MediaSource) => 'blob:orgscope/1')
    const revokeObjectURL = vi.fn((_url: string) => {})
    vi.spyOn(URL, 'createObjectURL').mockImplementation(createObjectURL)
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(revokeObjectURL)
    const clicked: { href: string; download: string; inDocument: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, inDocument: this.isConnected })
    })

    saveFile({
      fileName: 'orgscope-memberships-auth0_1-20260102-030405Z.csv',
      mimeType: 'text/csv;charset=utf-8',
      bytes: new TextEncoder().encode('a,b\r\n'),
    })

    expect(clicked).toEqual([
      {
        href: 'blob:orgscope/1',
        download: 'orgscope-memberships-auth0_1-20260102-030405Z.csv',
        inDocument: true,
      },
    ])
    const blob = createObjectURL.mock.calls[0]?.[0]
    if (!(blob instanceof Blob)) throw new Error('expected a Blob behind the object URL')
    expect(blob.type).toBe('text/csv;charset=utf-8')
    expect(await blob.text()).toBe('a,b\r\n')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(revokeObjectURL).not.toHaveBeenCalled()

    vi.advanceTimersByTime(REVOKE_OBJECT_URL_AFTER_MS)
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:orgscope/1')
  })
})
