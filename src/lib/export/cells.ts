// A table as an export holds it: each feature turns its rows into cells keyed by column id; the
// file builder writes them as CSV text or as JSON values.

/** A value in an exported table: text, `null` when the API gave none, or a key/value map. */
export type ExportCell = string | null | Readonly<Record<string, string>>

/** One row, keyed by column id. */
export type ExportRow = Readonly<Record<string, ExportCell>>

/** Columns in the file's order, and rows holding a cell for each of them. */
export interface ExportTable {
  columns: readonly string[]
  rows: readonly ExportRow[]
}

const METADATA_SPECIAL = /[\\;=]/g

/**
 * A key/value map as one CSV cell: `key=value; key=value`, in the map's order. A `\`, `;` or `=`
 * inside a key or value is escaped with `\`, so the cell splits back unambiguously; ordinary
 * metadata reads unchanged. (The JSON export keeps the map as an object.)
 */
export function formatKeyValueCell(map: Readonly<Record<string, string>>): string {
  const escape = (text: string) => text.replace(METADATA_SPECIAL, '\\$&')
  return Object.entries(map)
    .map(([key, value]) => `${escape(key)}=${escape(value)}`)
    .join('; ')
}

/** A cell as CSV text: `null` is an empty field, a map is `key=value; key=value`. */
export function csvTextOf(cell: ExportCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  return typeof cell === 'string' ? cell : formatKeyValueCell(cell)
}
