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

/**
 * The inverse of `formatKeyValueCell`: `a\\=b=x\\;y; path=C:\\\\tmp` → `{ 'a=b': 'x;y', path: 'C:\\tmp' }`.
 * For reading an earlier CSV export back (comparisons); `''` is an empty map.
 */
export function parseKeyValueCell(cell: string): Record<string, string> {
  const map: Record<string, string> = {}
  let key = ''
  let value = ''
  let inValue = false
  const end = () => {
    if (inValue || key !== '') map[key] = value
    key = ''
    value = ''
    inValue = false
  }
  for (let index = 0; index < cell.length; index += 1) {
    const char = cell.charAt(index)
    if (char === '\\') {
      index += 1
      if (inValue) value += cell.charAt(index)
      else key += cell.charAt(index)
    } else if (char === ';') {
      end()
      // The separator is `; `: the space belongs to it, not to the next key.
      if (cell.charAt(index + 1) === ' ') index += 1
    } else if (char === '=' && !inValue) inValue = true
    else if (inValue) value += char
    else key += char
  }
  end()
  return map
}

/** A cell as CSV text: `null` is an empty field, a map is `key=value; key=value`. */
export function csvTextOf(cell: ExportCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  return typeof cell === 'string' ? cell : formatKeyValueCell(cell)
}
