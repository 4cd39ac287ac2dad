import { readSearchInput } from '@/features/users/api'
import { parseCsv } from '@/lib/export/csv'

/** How many users or emails one review takes: 500 lookups stay within minutes on small plans. */
export const REVIEW_LIMIT = 500

/** One thing to look up, as the admin gave it (`input`) and as it will be asked for. */
export type ReviewEntry =
  | { kind: 'user-id'; input: string; userId: string }
  | { kind: 'email'; input: string; email: string }

/** A value the review refused to look up: on which line, as given, and why. */
export interface RefusedLine {
  /** 1-based: the line of the list (the CSV record, should a quoted field span lines). */
  line: number
  text: string
  reason: string
}

const NEITHER = 'neither a user id nor an email'
const NOT_AN_EMAIL = 'in an email column, but not an email'

export interface ReviewList {
  /** Each user id or email once, in the order first given. */
  entries: ReviewEntry[]
  /** Values given again (the same id, or the same email in any case), left out. */
  duplicates: number
  /** Values that are neither a user id nor an email, as given, with their line: evidence too. */
  unreadable: RefusedLine[]
  /** Entries past REVIEW_LIMIT; the review refuses to start while this is above 0. */
  overLimitBy: number
}

// Header cells, compared without case, spaces, `_` or `-`, that name a column of ids or emails.
const ID_COLUMNS = new Set(['userid', 'id', 'user'])
const EMAIL_COLUMNS = new Set(['email', 'emailaddress', 'mail'])

type ColumnKind = 'user-id' | 'email'

function columnKindOf(header: string): ColumnKind | undefined {
  const name = header.toLowerCase().replace(/[\s_-]+/g, '')
  if (ID_COLUMNS.has(name)) return 'user-id'
  if (EMAIL_COLUMNS.has(name)) return 'email'
  return undefined
}

/**
 * A value read by its shape: `provider|…` is an id, `someone@somewhere` an email (one the API
 * would refuse as incomplete, `someone@localhost`, too: its refusal is the entry's answer).
 */
function entryByShape(value: string): ReviewEntry | undefined {
  const read = readSearchInput(value)
  if (read.kind === 'user-id') return { kind: 'user-id', input: value, userId: read.userId }
  if (read.kind === 'email' || read.kind === 'email-start') return emailEntry(value)
  return undefined
}

/** Auth0 compares emails without case; NFC so a decomposed "é" finds the stored one. */
function emailEntry(value: string): ReviewEntry | undefined {
  const email = value.normalize('NFC').toLowerCase()
  return /^[^\s@]+@[^\s@]+$/.test(email) ? { kind: 'email', input: value, email } : undefined
}

function entryOf(value: string, column: ColumnKind | undefined): ReviewEntry | undefined {
  // A column named for ids is trusted to hold ids, even ones search could not tell by shape
  // (`waad|Zoë Ørsted`); a column of emails still has to hold emails.
  if (column === 'user-id') return { kind: 'user-id', input: value, userId: value }
  if (column === 'email') return emailEntry(value)
  return entryByShape(value)
}

function keyOf(entry: ReviewEntry): string {
  return entry.kind === 'user-id' ? `id:${entry.userId}` : `email:${entry.email}`
}

/**
 * The values to look up, as cells: CSV (quoted fields, CRLF or LF) with tab-separated cells
 * split too, since a range copied from a spreadsheet pastes with tabs. When the first record is a
 * header — it names an id or email column and holds no id or email itself — only those columns
 * are read, each for what its header says; otherwise every non-empty cell is read by its shape.
 */
interface Cell {
  value: string
  column: ColumnKind | undefined
  /** 1-based: the record the cell is in, which is its line unless a quoted field spans lines. */
  line: number
}

function cellsOf(text: string): Cell[] {
  const records = parseCsv(text).map((record) =>
    record.flatMap((field) => field.split('\t')).map((cell) => cell.trim()),
  )
  const [first = []] = records
  const headerKinds = first.map(columnKindOf)
  const isHeader =
    headerKinds.some((kind) => kind !== undefined) &&
    first.every((cell) => cell === '' || entryByShape(cell) === undefined)
  // parseCsv keeps an empty line as an empty record, so a record's index is its line.
  return records.flatMap((record, index): Cell[] => {
    const line = index + 1
    if (!isHeader) {
      return record.flatMap((value) => (value === '' ? [] : [{ value, column: undefined, line }]))
    }
    if (index === 0) return []
    return record.flatMap((value, cell) => {
      const column = headerKinds[cell]
      return value === '' || column === undefined ? [] : [{ value, column, line }]
    })
  })
}

/**
 * Reads a pasted list or an uploaded CSV/text file: one user id or email per line (or per cell),
 * duplicates dropped, unreadable values kept aside to show, and the limit checked. Throws a
 * SyntaxError for CSV that ends inside a quoted field.
 */
export function readReviewList(text: string): ReviewList {
  const entries: ReviewEntry[] = []
  const seen = new Set<string>()
  const unreadable: RefusedLine[] = []
  let duplicates = 0
  for (const { value, column, line } of cellsOf(text)) {
    const entry = entryOf(value, column)
    if (!entry) {
      unreadable.push({ line, text: value, reason: column === 'email' ? NOT_AN_EMAIL : NEITHER })
      continue
    }
    const key = keyOf(entry)
    if (seen.has(key)) {
      duplicates += 1
      continue
    }
    seen.add(key)
    entries.push(entry)
  }
  return {
    entries,
    duplicates,
    unreadable,
    overLimitBy: Math.max(0, entries.length - REVIEW_LIMIT),
  }
}
