// RFC 4180 CSV that is also safe to open in a spreadsheet.
//
// Layout: comma separated, every record ends with CRLF (the last one too, as RFC 4180 allows and
// Excel writes), and a field is quoted only when it must be: when it holds a comma, a double quote,
// CR or LF. Inner double quotes are doubled. Nothing else is changed: no trimming, no
// normalisation — the bytes are evidence.
//
// Formula neutralisation (OWASP "CSV Injection"): a spreadsheet treats a cell that starts with
// `=`, `+`, `-` or `@` as a formula, and some importers drop a leading TAB or CR and then evaluate
// what follows. Tenant data (organization names, metadata, an admin's filter text) is written by
// whoever can edit it, so such a cell gets a leading `'`, which spreadsheets show as text and hide.
// Decisions:
// - Leading whitespace does not protect a cell: LibreOffice's "trim spaces" import option and
//   several importers strip it and then see the `=`. So a trigger after any run of whitespace
//   (spaces, NBSP, ideographic space, TAB, CR, LF, …) neutralises the cell too.
// - A leading `-` is neutralised even when the cell is a plain number such as `-5`: OWASP lists it
//   without exception (`-2+3+cmd|' /C calc'!A0` starts like a number), and every column we export
//   is text anyway. The JSON export carries the exact value.
// - Only cells we did not write are neutralised. Our own fixed strings — the header's column
//   names — are marked `trusted` and written as they are.

/** A cell of our own (a column name): escaped but never neutralised. */
export interface TrustedCell {
  readonly trusted: string
}

/** Text from the tenant or the admin (neutralised and escaped), or one of our own fixed strings. */
export type CsvCell = string | TrustedCell

/** The UTF-8 byte order mark as a character: Excel reads the file as UTF-8 only when it is there. */
export const UTF8_BOM = '\uFEFF'

const CRLF = '\r\n'

/** Marks a fixed string of ours (a header name) so it is never neutralised. */
export function trusted(value: string): TrustedCell {
  return { trusted: value }
}

const ALWAYS_DANGEROUS_FIRST = /^[\t\r]/
const FORMULA_AFTER_WHITESPACE = /^\s*[=+\-@]/

/**
 * `value` with a leading `'` if a spreadsheet could read it as a formula (see the decisions
 * above); otherwise `value`.
 */
export function neutraliseFormula(value: string): string {
  const formulaLike = ALWAYS_DANGEROUS_FIRST.test(value) || FORMULA_AFTER_WHITESPACE.test(value)
  return formulaLike ? `'${value}` : value
}

/**
 * The inverse of `neutraliseFormula`, for reading our own CSV back: drops the `'` it added. A cell
 * that starts with `'` and would not need one is left as it is (its quote is part of the text).
 */
export function restoreNeutralised(cell: string): string {
  const rest = cell.slice(1)
  return cell.startsWith("'") && neutraliseFormula(rest) !== rest ? rest : cell
}

const NEEDS_QUOTES = /[",\r\n]/

/** One field as RFC 4180 writes it: quoted (inner quotes doubled) only when it has to be. */
export function escapeCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function fieldOf(cell: CsvCell): string {
  return typeof cell === 'string'
    ? escapeCsvField(neutraliseFormula(cell))
    : escapeCsvField(cell.trusted)
}

export interface CsvOptions {
  /** Start with the UTF-8 byte order mark, so Excel shows non-ASCII text correctly. */
  bom?: boolean
}

/**
 * Records as CSV text: fields joined by commas, every record ended by CRLF. An empty record (`[]`)
 * is an empty line. Encode the result as UTF-8.
 */
export function serializeCsv(
  records: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const body = records.map((record) => record.map(fieldOf).join(',') + CRLF).join('')
  return options.bom ? UTF8_BOM + body : body
}

/**
 * Reads CSV as `serializeCsv` writes it (and RFC 4180 in general): records of fields, a leading
 * BOM skipped, CRLF or LF line ends, quoted fields with doubled quotes and line breaks inside. An
 * empty line is an empty record (`[]`). For checking exports — tests and end-to-end journeys —
 * not for guessing at other tools' dialects. Throws on a quote left open.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let inQuotes = false
  let recordStarted = false
  const endField = () => {
    record.push(field)
    field = ''
  }
  const endRecord = () => {
    if (recordStarted) endField()
    records.push(record)
    record = []
    recordStarted = false
  }
  for (let index = 0; index < input.length; index += 1) {
    const char = input.charAt(index)
    if (inQuotes) {
      if (char !== '"') field += char
      else if (input.charAt(index + 1) === '"') {
        field += '"'
        index += 1
      } else inQuotes = false
      continue
    }
    if (char === '\r' && input.charAt(index + 1) === '\n') continue
    if (char === '\n') {
      endRecord()
      continue
    }
    recordStarted = true
    if (char === ',') endField()
    else if (char === '"' && field === '') inQuotes = true
    else field += char
  }
  if (inQuotes) throw new SyntaxError('The CSV ends inside a quoted field.')
  if (recordStarted) endRecord()
  return records
}
