import { csvTextOf, type ExportRow } from './cells'
import { serializeCsv, trusted, type CsvCell } from './csv'
import { exportFileName } from './file-name'
import { sha256Hex } from './hash'
import { provenanceCsvRecords, type Provenance } from './provenance'
import { reviewProvenanceCsvRecords, type ReviewProvenance } from './review-provenance'

export type ExportFormat = 'csv' | 'json'

export interface ExportInput {
  format: ExportFormat
  provenance: Provenance
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

/** Every column of a row, in column order, `null` where the row has no cell. */
function orderedRow(columns: readonly string[], row: ExportRow): Record<string, ExportRow[string]> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))
}

/** What any export file holds: its provenance (as JSON and as CSV records) and the table. */
interface ExportContent {
  format: ExportFormat
  provenance: { rowsExported: number }
  provenanceRecords: CsvCell[][]
  columns: readonly string[]
  rows: readonly ExportRow[]
  fileName: string
}

/**
 * The provenance block (see provenance.ts for why this layout), an empty record, then the table:
 * header of column ids, one record per row. With a BOM so Excel reads it as UTF-8.
 */
function csvText({ provenanceRecords, columns, rows }: ExportContent): string {
  const records: CsvCell[][] = [
    ...provenanceRecords,
    [],
    columns.map(trusted),
    ...rows.map((row) => columns.map((column) => csvTextOf(row[column]))),
  ]
  return serializeCsv(records, { bom: true })
}

/**
 * `{ provenance, columns, rows }`, values exactly as the API gave them (JSON is not opened as a
 * spreadsheet, so nothing is neutralised; maps stay objects). No BOM: RFC 8259 forbids one.
 */
function jsonText({ provenance, columns, rows }: ExportContent): string {
  const envelope = {
    provenance,
    columns,
    rows: rows.map((row) => orderedRow(columns, row)),
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

async function buildFile(content: ExportContent): Promise<ExportFile> {
  if (content.provenance.rowsExported !== content.rows.length) {
    // The record would misstate what the file holds: a bug in the caller, never a file to save.
    throw new Error(
      `The provenance says ${content.provenance.rowsExported} rows but ${content.rows.length} were given.`,
    )
  }
  const text = content.format === 'csv' ? csvText(content) : jsonText(content)
  const bytes = new TextEncoder().encode(text)
  return {
    fileName: content.fileName,
    mimeType: MIME_TYPES[content.format],
    bytes,
    sha256: await sha256Hex(bytes),
  }
}

/** The file for an export of one user's memberships: its name, type, UTF-8 bytes and SHA-256. */
export function buildExport(input: ExportInput): Promise<ExportFile> {
  return buildFile({
    ...input,
    provenanceRecords: provenanceCsvRecords(input.provenance),
    fileName: exportFileName({
      kind: 'memberships',
      userId: input.provenance.subject.userId,
      generatedAt: new Date(input.provenance.generatedAt),
      extension: input.format,
    }),
  })
}

/** A bulk review's export: as `ExportInput`, with the review's provenance. */
export interface ReviewExportInput extends Omit<ExportInput, 'provenance'> {
  provenance: ReviewProvenance
}

/** The file for an export of a bulk review's rows. */
export function buildReviewExport(input: ReviewExportInput): Promise<ExportFile> {
  return buildFile({
    ...input,
    provenanceRecords: reviewProvenanceCsvRecords(input.provenance),
    fileName: exportFileName({
      kind: 'review',
      generatedAt: new Date(input.provenance.generatedAt),
      extension: input.format,
    }),
  })
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
