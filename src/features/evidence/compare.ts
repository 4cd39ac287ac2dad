import { strFromU8, unzipSync } from 'fflate'
import { parseKeyValueCell } from '@/lib/export/cells'
import { parseCsv, restoreNeutralised } from '@/lib/export/csv'
import type { ExportFormat, ExportInput } from '@/lib/export/download'
import { sha256Hex } from '@/lib/export/hash'
import { createProvenance } from '@/lib/export/provenance'
import { PACK_FILES, type Decision, type DecisionRecord } from './evidence-pack'

// "What changed since last time": an earlier evidence pack or plain memberships export read back
// as a snapshot, compared with the memberships on screen now. Rows are matched by user and
// organization; roles are compared by name, and only where both sides know them.

export interface SnapshotRow {
  userId: string
  userEmail?: string
  organizationId: string
  organizationName?: string
  /** Role names; null when the file does not know them (not loaded, failed, no roles column). */
  roles: string[] | null
}

export interface SnapshotSource {
  fileName: string
  /** Of the file as read, so the comparison names exactly which file it compared with. */
  sha256: string
  kind: 'evidence pack' | 'JSON export' | 'CSV export'
  /** When its data was fetched (a pack) or the file generated (an export); null if it does not say. */
  takenAt: string | null
  /** Whose memberships: the user id, an organization id, or null when the file does not say. */
  subject: string | null
  /** Set when the file is a bulk review's (a `users` pack or the review's export): many users. */
  bulkReview?: true
}

export interface Snapshot {
  source: SnapshotSource
  rows: SnapshotRow[]
  decisions: DecisionRecord[]
}

/** A file `readSnapshot` cannot read, with a message for the admin. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

type Cells = Record<string, unknown>

const isObject = (value: unknown): value is Cells =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** A row of any of our tables (memberships, a bulk review) as user, organization and roles. */
function snapshotRow(cells: Cells, hasRoles: boolean, subject: string | null, line: number) {
  const organizationId = textOf(cells.organization_id) ?? textOf(cells.id)
  const userId = textOf(cells.user_id) ?? subject ?? undefined
  if (!organizationId) throw new SnapshotError(`Row ${line} has no organization id.`)
  if (!userId) throw new SnapshotError(`The file does not say whose memberships these are.`)
  const status = textOf(cells.roles_status)
  const known = hasRoles && (status === undefined || status === 'loaded')
  const raw = cells.roles
  const map = isObject(raw) ? raw : typeof raw === 'string' ? parseKeyValueCell(raw) : {}
  const organizationName =
    textOf(cells.display_name) ??
    textOf(cells.organization_display_name) ??
    textOf(cells.organization_name) ??
    textOf(cells.name)
  const row: SnapshotRow = {
    userId,
    organizationId,
    roles: known ? Object.values(map).map(String).sort() : null,
  }
  const userEmail = textOf(cells.user_email)
  if (userEmail) row.userEmail = userEmail
  if (organizationName) row.organizationName = organizationName
  return row
}

function rowsOf(table: readonly Cells[], columns: readonly string[], subject: string | null) {
  const hasRoles = columns.includes('roles')
  if (!columns.includes('id') && !columns.includes('organization_id')) {
    throw new SnapshotError('The table has no organization id column (id or organization_id).')
  }
  return table.map((cells, index) => snapshotRow(cells, hasRoles, subject, index + 1))
}

/**
 * A bulk review's rows: user × organization. A user found in no organization has a row with empty
 * organization cells: no membership, so nothing to compare.
 */
function bulkRowsOf(table: readonly Cells[], columns: readonly string[]) {
  if (!columns.includes('user_id') || !columns.includes('organization_id')) {
    throw new SnapshotError('The table has no user_id and organization_id columns.')
  }
  return rowsOf(
    table.filter((cells) => textOf(cells.organization_id) !== undefined),
    columns,
    null,
  )
}

/** The bulk review export's first column (review-export.ts): the entry each row was found by. */
const isBulkReviewTable = (columns: readonly string[]) =>
  columns.includes('input') && columns.includes('user_id') && columns.includes('organization_id')

/**
 * An organization's members (a pack or export of its members page): each row names the user, the
 * organization is the file's subject. A member's `name` is theirs, not the organization's.
 */
function memberRowsOf(
  table: readonly Cells[],
  columns: readonly string[],
  organizationId: string,
  organizationName: string | undefined,
) {
  if (!columns.includes('user_id')) {
    throw new SnapshotError('The table has no user_id column: it does not list members.')
  }
  const rows = table.map(({ name: _member, ...cells }) => ({
    ...cells,
    organization_id: organizationId,
    organization_name: organizationName,
  }))
  return rowsOf(rows, [...columns, 'organization_id'], null)
}

/** CSV records under a header as cell maps, our formula quotes removed. */
function csvTable(header: readonly string[], records: readonly string[][]): Cells[] {
  return records
    .filter((record) => record.length > 0)
    .map((record) =>
      Object.fromEntries(
        header.map((name, index) => [name, restoreNeutralised(record[index] ?? '')]),
      ),
    )
}

const DECISIONS: readonly string[] = ['keep', 'revoke', 'unsure'] satisfies Decision[]

function decisionsOf(text: string): DecisionRecord[] {
  const [header = [], ...records] = parseCsv(text)
  return csvTable(header, records).map((cells) => {
    const decision = String(cells.decision ?? '')
    const record: DecisionRecord = {
      userId: String(cells.user_id ?? ''),
      organizationId: String(cells.organization_id ?? ''),
      decision: DECISIONS.includes(decision) ? (decision as Decision) : null,
      reason: String(cells.reason ?? ''),
      decidedAt: textOf(cells.decided_at) ?? null,
      decidedBy: textOf(cells.decided_by) ?? null,
      flags: String(cells.flags ?? '')
        .split('; ')
        .filter((flag) => flag !== ''),
    }
    const userEmail = textOf(cells.user_email)
    const organizationName = textOf(cells.organization_name)
    if (userEmail) record.userEmail = userEmail
    if (organizationName) record.organizationName = organizationName
    return record
  })
}

function packSnapshot(
  bytes: Uint8Array,
  source: Omit<SnapshotSource, 'kind' | 'takenAt' | 'subject'>,
): Snapshot {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new SnapshotError('This zip file is damaged and cannot be read.')
  }
  const read = (name: string) => {
    const data = files[name]
    if (!data)
      throw new SnapshotError(`This zip is not an Orgscope evidence pack: it has no ${name}.`)
    return strFromU8(data)
  }
  const manifest = parseJson(read(PACK_FILES.manifest), PACK_FILES.manifest)
  const memberships = parseJson(read(PACK_FILES.membershipsJson), PACK_FILES.membershipsJson)
  const scope = isObject(manifest.scope) ? manifest.scope : {}
  const subject =
    scope.kind === 'user'
      ? (textOf(scope.userId) ?? null)
      : scope.kind === 'organization'
        ? (textOf(scope.organizationId) ?? null)
        : null
  const population = isObject(manifest.population) ? manifest.population : {}
  const columns = stringsOf(memberships.columns)
  const table = Array.isArray(memberships.rows) ? memberships.rows.filter(isObject) : []
  const bulk = scope.kind === 'users'
  return {
    source: {
      ...source,
      kind: 'evidence pack',
      takenAt: textOf(population.fetchedAt) ?? null,
      subject,
      ...(bulk && { bulkReview: true as const }),
    },
    rows: bulk
      ? bulkRowsOf(table, columns)
      : scope.kind === 'organization' && subject !== null
        ? memberRowsOf(table, columns, subject, textOf(scope.name))
        : rowsOf(table, columns, scope.kind === 'user' ? subject : null),
    decisions: decisionsOf(read(PACK_FILES.decisionsCsv)),
  }
}

function parseJson(text: string, name: string): Cells {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new SnapshotError(`${name} is not valid JSON.`)
  }
  if (!isObject(value)) throw new SnapshotError(`${name} does not hold an object.`)
  return value
}

const stringsOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

function jsonSnapshot(text: string, source: Pick<SnapshotSource, 'fileName' | 'sha256'>): Snapshot {
  const envelope = parseJson(text, source.fileName)
  const provenance = isObject(envelope.provenance) ? envelope.provenance : {}
  if (!Array.isArray(envelope.rows)) {
    throw new SnapshotError('This JSON file is not an Orgscope export: it has no rows.')
  }
  const about = isObject(provenance.subject) ? provenance.subject : {}
  const organizationId = textOf(about.userId) ? undefined : textOf(about.organizationId)
  const subject = textOf(about.userId) ?? organizationId ?? null
  const table = envelope.rows.filter(isObject)
  const columns = Array.isArray(envelope.columns)
    ? stringsOf(envelope.columns)
    : Object.keys(table[0] ?? {})
  // A bulk review's export says what the review was asked (`review.entries`), not one subject.
  const bulk = isObject(provenance.review) || isBulkReviewTable(columns)
  return {
    source: {
      ...source,
      kind: 'JSON export',
      // When its data was fetched; files from before fetch times were recorded, when generated.
      takenAt: textOf(provenance.fetchedUntil) ?? textOf(provenance.generatedAt) ?? null,
      subject,
      ...(bulk && { bulkReview: true as const }),
    },
    rows: bulk
      ? bulkRowsOf(table, columns)
      : organizationId === undefined
        ? rowsOf(table, columns, subject)
        : memberRowsOf(table, columns, organizationId, textOf(about.organizationName)),
    decisions: [],
  }
}

function csvSnapshot(
  text: string,
  source: Pick<SnapshotSource, 'fileName' | 'sha256'>,
  assume: ReadOptions,
): Snapshot {
  let records: string[][]
  try {
    records = parseCsv(text)
  } catch {
    throw new SnapshotError('This CSV file ends inside a quoted field: it is cut short or damaged.')
  }
  // Exports made before CSVs were the table alone start with a provenance block (`tool,Orgscope`…),
  // then an empty record.
  const withProvenance = records[0]?.[0] === 'tool'
  const blockEnd = withProvenance ? records.findIndex((record) => record.length === 0) : -1
  if (withProvenance && blockEnd < 0) {
    throw new SnapshotError('This CSV file has a provenance block but no table after it.')
  }
  const provenance = new Map(
    records
      .slice(0, Math.max(blockEnd, 0))
      .map(([key = '', value = '']) => [key, restoreNeutralised(value)]),
  )
  const [header, ...body] = records.slice(blockEnd + 1)
  if (!header || header.length === 0) throw new SnapshotError('This CSV file has no header row.')
  const userId = textOf(provenance.get('subject.userId'))
  const organizationId = textOf(provenance.get('subject.organizationId'))
  // A members table names no organization: the file's, else the page's it was dropped on.
  const membersOf =
    userId === undefined && !header.includes('id') && !header.includes('organization_id')
      ? (organizationId ?? assume.assumeOrganizationId)
      : undefined
  const table = csvTable(header, body)
  const bulk = isBulkReviewTable(header)
  return {
    source: {
      ...source,
      kind: 'CSV export',
      takenAt: textOf(provenance.get('generatedAt')) ?? null,
      subject: userId ?? organizationId ?? null,
      ...(bulk && { bulkReview: true as const }),
    },
    rows: bulk
      ? bulkRowsOf(table, header)
      : membersOf === undefined
        ? rowsOf(table, header, userId ?? assume.assumeUserId ?? null)
        : memberRowsOf(
            table,
            header,
            membersOf,
            textOf(provenance.get('subject.organizationName')),
          ),
    decisions: [],
  }
}

/**
 * Whose list a file that does not say is read as: a plain CSV export (the table alone) of one
 * user's memberships dropped on that user's page, or of an organization's members dropped on the
 * organization's page. The source's `subject` stays null.
 */
export interface ReadOptions {
  assumeUserId?: string | undefined
  assumeOrganizationId?: string | undefined
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/**
 * An earlier evidence pack, JSON export or CSV export (with or without its provenance block) as a
 * snapshot to compare with. Throws a `SnapshotError` saying why a file cannot be read.
 */
export async function readSnapshot(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<Snapshot> {
  const source = { fileName, sha256: await sha256Hex(new Uint8Array(bytes)) }
  if (ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) return packSnapshot(bytes, source)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SnapshotError(
      'This file is neither an evidence pack (zip) nor a UTF-8 CSV or JSON export.',
    )
  }
  return text.trimStart().startsWith('{')
    ? jsonSnapshot(text, source)
    : csvSnapshot(text, source, options)
}

export interface RolesChange {
  userId: string
  userEmail?: string
  organizationId: string
  organizationName: string | undefined
  roles: string[]
}

export interface RemediationCheck {
  userId: string
  userEmail?: string
  organizationId: string
  organizationName: string | undefined
  decidedAt: string | null
  reason: string
  status: 'removed' | 'still present' | 'role changed'
}

export interface Comparison {
  added: SnapshotRow[]
  removed: SnapshotRow[]
  rolesGained: RolesChange[]
  rolesLost: RolesChange[]
  /** Rows on both sides whose roles one side does not know: not compared. */
  rolesNotComparable: number
  /** Memberships the earlier pack decided to revoke, and what became of them. */
  remediation: RemediationCheck[]
}

const keyOf = (row: { userId: string; organizationId: string }) =>
  `${row.userId}\u0000${row.organizationId}`

const difference = (from: readonly string[], minus: readonly string[]) =>
  from.filter((role) => !minus.includes(role))

export function compareSnapshots(
  earlier: Snapshot,
  current: { rows: readonly SnapshotRow[]; takenAt: string },
): Comparison {
  const before = new Map(earlier.rows.map((row) => [keyOf(row), row]))
  const now = new Map(current.rows.map((row) => [keyOf(row), row]))
  const comparison: Comparison = {
    added: current.rows.filter((row) => !before.has(keyOf(row))),
    removed: earlier.rows.filter((row) => !now.has(keyOf(row))),
    rolesGained: [],
    rolesLost: [],
    rolesNotComparable: 0,
    remediation: [],
  }
  const rolesChanged = new Set<string>()
  for (const row of current.rows) {
    const old = before.get(keyOf(row))
    if (!old) continue
    if (old.roles === null || row.roles === null) {
      comparison.rolesNotComparable += 1
      continue
    }
    const userEmail = row.userEmail ?? old.userEmail
    const about = {
      userId: row.userId,
      ...(userEmail === undefined ? {} : { userEmail }),
      organizationId: row.organizationId,
      organizationName: row.organizationName ?? old.organizationName,
    }
    const gained = difference(row.roles, old.roles)
    const lost = difference(old.roles, row.roles)
    if (gained.length > 0) comparison.rolesGained.push({ ...about, roles: gained })
    if (lost.length > 0) comparison.rolesLost.push({ ...about, roles: lost })
    if (gained.length + lost.length > 0) rolesChanged.add(keyOf(row))
  }
  for (const record of earlier.decisions) {
    if (record.decision !== 'revoke') continue
    const key = keyOf(record)
    const userEmail = now.get(key)?.userEmail ?? record.userEmail
    comparison.remediation.push({
      userId: record.userId,
      ...(userEmail === undefined ? {} : { userEmail }),
      organizationId: record.organizationId,
      organizationName: now.get(key)?.organizationName ?? record.organizationName,
      decidedAt: record.decidedAt,
      reason: record.reason,
      status: !now.has(key) ? 'removed' : rolesChanged.has(key) ? 'role changed' : 'still present',
    })
  }
  return comparison
}

const COMPARISON_COLUMNS = [
  'change',
  'user_id',
  'organization_id',
  'organization_name',
  'roles',
  'remediation_status',
  'revoke_decided_at',
  'revoke_reason',
] as const

function comparisonRows(comparison: Comparison) {
  const membership = (change: string, row: SnapshotRow) => ({
    change,
    user_id: row.userId,
    organization_id: row.organizationId,
    organization_name: row.organizationName ?? null,
    roles: row.roles?.join(', ') ?? null,
    remediation_status: null,
    revoke_decided_at: null,
    revoke_reason: null,
  })
  const roles = (change: string, row: RolesChange) => ({
    ...membership(change, { ...row, roles: null }),
    roles: row.roles.join(', '),
  })
  return [
    ...comparison.added.map((row) => membership('added', row)),
    ...comparison.removed.map((row) => membership('removed', row)),
    ...comparison.rolesGained.map((row) => roles('roles gained', row)),
    ...comparison.rolesLost.map((row) => roles('roles lost', row)),
    ...comparison.remediation.map((check) => ({
      ...membership('revoke decided earlier', { ...check, roles: null }),
      remediation_status: check.status,
      revoke_decided_at: check.decidedAt,
      revoke_reason: check.reason,
    })),
  ]
}

export interface ComparisonExportRequest {
  earlier: SnapshotSource
  /** When the current rows were fetched, as given to `compareSnapshots`; whose, for the file name. */
  current: { takenAt: string; userId?: string }
  tenantDomain: string
  exportedBy: string
  format: ExportFormat
  /** Defaults to now. */
  generatedAt?: Date
}

/**
 * What `buildExport` needs to write the comparison: one row per change, under a provenance that
 * names both sides (the earlier file by name, SHA-256 and time; the current data by fetch time).
 */
export function comparisonExportInput(
  comparison: Comparison,
  request: ComparisonExportRequest,
): ExportInput {
  const rows = comparisonRows(comparison)
  const { earlier, current } = request
  const notComparable =
    comparison.rolesNotComparable > 0
      ? `Roles not compared for ${comparison.rolesNotComparable} memberships: one side does not know them.`
      : undefined
  const provenance = {
    ...createProvenance({
      tenantDomain: request.tenantDomain,
      exportedBy: request.exportedBy,
      generatedAt: request.generatedAt ?? new Date(),
      // The current side's data: when the list on the page was fetched.
      fetched: { from: new Date(current.takenAt), until: new Date(current.takenAt) },
      rowsExported: rows.length,
      totalRows: rows.length,
      gaps: [],
      note: notComparable,
    }),
    earlier: { fileName: earlier.fileName, sha256: earlier.sha256, takenAt: earlier.takenAt },
    current: { fetchedAt: current.takenAt },
  }
  const userId = current.userId ?? earlier.subject ?? undefined
  return {
    format: request.format,
    name: { kind: 'comparison', userId },
    provenance,
    columns: COMPARISON_COLUMNS,
    rows,
  }
}
