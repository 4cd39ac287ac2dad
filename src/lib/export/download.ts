import { csvTextOf, type ExportRow } from './cells'
import { serializeCsv, trusted } from './csv'
import { exportFileName } from './file-name'
import { sha256Hex } from './hash'
import type { Provenance } from './provenance'

export type ExportFormat = 'csv' | 'json'

/**
 * What a feature exports: its provenance (provenance.ts) and its table, the rows it shows. The
 * JSON holds both; the CSV only the table.
 */
export interface ExportInput {
  format: ExportFormat
  provenance: Provenance
  /** For the file name (file-name.ts): what kind of export, and whose when it is one user's. */
  name: { kind: string; userId?: string | undefined }
  /** Column ids in the order shown. */
  columns: readonly string[]
  /** The rows shown, in the order shown: `provenance.rowsExported` of them. */
  rows: readonly ExportRow[]
}

/** A finished export: the exact bytes to save and their SHA-256. */
export interface ExportFile {
  fileName: string
  mimeType: string
  bytes: Uint8Array<ArrayBuffer>
  /** Of `bytes`, 64 lowercase hex digits. */
  sha256: string
}

const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
}

/**
 * The table only, as every CSV reader expects it: one header row of column ids, then one record
 * per row (the provenance is in the JSON, see provenance.ts). With a BOM so Excel reads UTF-8.
 */
function csvText({ columns, rows }: ExportInput): string {
  const records = [
    columns.map(trusted),
    ...rows.map((row) => columns.map((column) => csvTextOf(row[column]))),
  ]
  return serializeCsv(records, { bom: true })
}

/**
 * `{ provenance, columns, rows }`, values exactly as the API gave them (JSON is not opened as a
 * spreadsheet, so nothing is neutralised; maps stay objects). No BOM: RFC 8259 forbids one.
 */
function jsonText({ provenance, columns, rows }: ExportInput): string {
  const envelope = {
    provenance,
    columns,
    // Every column of a row, in column order, `null` where the row has no cell.
    rows: rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column, row[column] ?? null])),
    ),
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/** The export's file: its name, type, UTF-8 bytes and SHA-256. */
export async function buildExport(input: ExportInput): Promise<ExportFile> {
  const { provenance, rows, format } = input
  if (provenance.rowsExported !== rows.length) {
    // The record would misstate what the file holds: a bug in the caller, never a file to save.
    throw new Error(
      `The provenance says ${provenance.rowsExported} rows but ${rows.length} were given.`,
    )
  }
  const bytes = new TextEncoder().encode(format === 'csv' ? csvText(input) : jsonText(input))
  return {
    fileName: exportFileName({
      ...input.name,
      generatedAt: new Date(provenance.generatedAt),
      extension: format,
    }),
    mimeType: MIME_TYPES[format],
    bytes,
    sha256: await sha256Hex(bytes),
  }
}

/**
 * How long the object URL outlives the click. Some browsers read the blob after `click()` returns,
 * so revoking at once can fail the download (FileSaver.js waits 40 s for the same reason).
 */
export const REVOKE_OBJECT_URL_AFTER_MS = 40_000

/** Hands the file to the browser's download: a Blob, an object URL and a temporary `<a download>`. */
export function saveFile(file: Pick<ExportFile, 'fileName' | 'mimeType' | 'bytes'>): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  // Older Firefox versions follow only a link that is in the document.
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_OBJECT_URL_AFTER_MS)
  }
}
