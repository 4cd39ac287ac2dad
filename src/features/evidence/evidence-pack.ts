import { strToU8, zipSync, type Zippable } from 'fflate'
import { csvTextOf, type ExportRow } from '@/lib/export/cells'
import { serializeCsv, trusted } from '@/lib/export/csv'
import { exportFileName } from '@/lib/export/file-name'
import { sha256Hex } from '@/lib/export/hash'
import type { RecordedRequest } from '@/lib/management-api/request-log'
import { COUNTERSIGN_KEYS_PATH } from './countersign-proxy'

// An evidence pack: what an access review saw and decided, as one zip an auditor can check without
// Orgscope. Every file's SHA-256 is in manifest.json; in proxy mode the proxy countersigns the
// manifest's SHA-256, so the pack also proves which admin signed off and when (verify-pack.ts).
// The same input gives the same bytes: fixed file order, fixed zip times, stable JSON.

export type Decision = 'keep' | 'revoke' | 'unsure' // shown as Keep / Revoke / Don't know

export interface DecisionRecord {
  userId: string
  userEmail?: string
  organizationId: string
  organizationName?: string
  /** null: not decided (e.g. self-review rows). */
  decision: Decision | null
  /** Required (non-blank) for revoke and unsure: `buildEvidencePack` throws without one. */
  reason: string
  /** ISO UTC. */
  decidedAt: string | null
  /** Reviewer email or sub. */
  decidedBy: string | null
  /** e.g. 'self-review', 'inactive-90-days', 'blocked'. */
  flags: readonly string[]
}

/** One Management API request made for the review: as the session's request log records it. */
export type EvidenceRequest = RecordedRequest

export type EvidenceScope =
  | { kind: 'user'; userId: string; email?: string }
  | { kind: 'organization'; organizationId: string; name?: string }
  | {
      kind: 'users'
      entries: readonly string[]
      refusedInput: readonly { line: number; text: string; reason: string }[]
    }

export interface EvidencePopulation {
  rows: number
  total: number | null
  complete: boolean
  capped: boolean
  pagination: 'offset' | 'checkpoint' | null
  gaps: readonly string[]
  fetchedAt: string
  rolesComplete: boolean
}

export interface Countersignature {
  jws: string
  kid: string
  keysUrl: string
}

export interface EvidencePackInput {
  tool: { name: 'Orgscope'; version: string }
  tenantDomain: string
  mode: 'proxy' | 'direct'
  reviewer: { sub: string; email?: string; name?: string }
  startedAt: Date
  signedOffAt: Date
  scope: EvidenceScope
  /** What the table showed at sign-off; the pack always holds the whole population. */
  filters: { text: string; roles?: readonly string[] }
  population: EvidencePopulation
  /** The memberships table (ExportRow from lib/export/cells). */
  columns: readonly string[]
  rows: readonly ExportRow[]
  decisions: readonly DecisionRecord[]
  requests: readonly EvidenceRequest[]
  /** Absent in direct mode. */
  countersign?: (manifestSha256: string) => Promise<Countersignature>
}

export const EVIDENCE_PACK_FORMAT = 'orgscope-evidence-pack/1'

/** The pack's file names. */
export const PACK_FILES = {
  readme: 'README.txt',
  membershipsCsv: 'memberships.csv',
  membershipsJson: 'memberships.json',
  decisionsCsv: 'decisions.csv',
  manifest: 'manifest.json',
  countersignature: 'countersignature.jws',
} as const

const DECISIONS_CSV_COLUMNS = [
  'user_id',
  'user_email',
  'organization_id',
  'organization_name',
  'decision',
  'reason',
  'decided_at',
  'decided_by',
  'flags',
] as const

export interface ManifestFile {
  name: string
  bytes: number
  sha256: string
}

export interface Manifest {
  format: typeof EVIDENCE_PACK_FORMAT
  tool: { name: 'Orgscope'; version: string }
  tenant: string
  mode: 'proxy' | 'direct'
  reviewer: { sub: string; email?: string; name?: string }
  startedAt: string
  signedOffAt: string
  scope: EvidenceScope
  filters: { text: string; roles?: readonly string[] }
  population: EvidencePopulation & {
    decided: number
    undecided: number
    decisions: Record<Decision, number>
  }
  requests: readonly EvidenceRequest[]
  files: ManifestFile[]
  countersignature: { requestedFrom: 'proxy'; keysUrl: string } | { unsigned: true; why: string }
}

export interface EvidencePack {
  fileName: string
  bytes: Uint8Array<ArrayBuffer>
  sha256: string
  manifest: Manifest
  manifestSha256: string
  countersignature: Countersignature | null
}

const DIRECT_MODE_UNSIGNED =
  'Orgscope ran in direct mode: there is no proxy to countersign the manifest, so the hashes show the files match this manifest but nothing shows who made it or when.'

const README = `Orgscope access review evidence pack (${EVIDENCE_PACK_FORMAT})

Files:
  memberships.csv       The memberships reviewed: one header row, then one row per membership.
                        Cells a spreadsheet could run as a formula start with ' (shown as text).
  memberships.json      The same rows as JSON, values exactly as the Management API gave them.
  decisions.csv         One row per membership: the decision (keep, revoke, unsure, or empty when
                        not decided), the reason, when and by whom.
  manifest.json         Who reviewed what, when, in which tenant; the population and whether it
                        was complete; every Management API request made; and the size and SHA-256
                        of every other file.
  countersignature.jws  Only when Orgscope ran behind its proxy: the proxy's signature (JWS,
                        EdDSA) over the SHA-256 of manifest.json, naming the signed-in admin.

Checking by hand:
  sha256sum memberships.csv memberships.json decisions.csv README.txt
  (PowerShell: Get-FileHash -Algorithm SHA256 <file>)
  Each hash must equal the one listed for the file under "files" in manifest.json.
  sha256sum manifest.json gives the hash the countersignature's payload names as "sha256".
  Orgscope's /verify page does all of this, and checks the countersignature against the keys the
  proxy publishes at ${COUNTERSIGN_KEYS_PATH}.
`

const utf8 = (text: string) => strToU8(text) as Uint8Array<ArrayBuffer>

/** Throws unless every revoke and unsure decision has a reason: an auditor asks why. */
function assertReasons(decisions: readonly DecisionRecord[]) {
  for (const record of decisions) {
    if ((record.decision === 'revoke' || record.decision === 'unsure') && !record.reason.trim()) {
      throw new Error(
        `A reason is required for "${record.decision}": ${record.userId} in ${record.organizationId}.`,
      )
    }
  }
}

/** The table as plain CSV: exactly one header row then the rows, formulas neutralised. */
function membershipsCsv(columns: readonly string[], rows: readonly ExportRow[]): string {
  return serializeCsv(
    [columns.map(trusted), ...rows.map((row) => columns.map((column) => csvTextOf(row[column])))],
    { bom: true },
  )
}

/** `{ columns, rows }`, every column of every row in column order, `null` where a row has none. */
function membershipsJson(columns: readonly string[], rows: readonly ExportRow[]): string {
  const envelope = {
    columns,
    rows: rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column, row[column] ?? null])),
    ),
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

function decisionsCsv(decisions: readonly DecisionRecord[]): string {
  return serializeCsv(
    [
      DECISIONS_CSV_COLUMNS.map(trusted),
      ...decisions.map((record) => [
        record.userId,
        record.userEmail ?? '',
        record.organizationId,
        record.organizationName ?? '',
        record.decision ?? '',
        record.reason,
        record.decidedAt ?? '',
        record.decidedBy ?? '',
        record.flags.join('; '),
      ]),
    ],
    { bom: true },
  )
}

/** Copies `object` with only the given keys, in that order, leaving out undefined ones. */
function ordered<T extends object>(object: T, keys: readonly (keyof T)[]): T {
  return Object.fromEntries(
    keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]),
  ) as T
}

function orderedScope(scope: EvidenceScope): EvidenceScope {
  switch (scope.kind) {
    case 'user':
      return ordered(scope, ['kind', 'userId', 'email'])
    case 'organization':
      return ordered(scope, ['kind', 'organizationId', 'name'])
    case 'users':
      return {
        kind: 'users',
        entries: [...scope.entries],
        refusedInput: scope.refusedInput.map((entry) => ordered(entry, ['line', 'text', 'reason'])),
      }
  }
}

function orderedRequest(request: EvidenceRequest): EvidenceRequest {
  const query = Object.fromEntries(
    Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
  return {
    method: request.method,
    path: request.path,
    query,
    status: request.status,
    outcome: request.outcome,
    itemCount: request.itemCount,
    rateLimit: request.rateLimit && ordered(request.rateLimit, ['limit', 'remaining', 'reset']),
    receivedAt: request.receivedAt,
  }
}

function countDecisions(decisions: readonly DecisionRecord[]) {
  const counts: Record<Decision, number> = { keep: 0, revoke: 0, unsure: 0 }
  for (const { decision } of decisions) if (decision) counts[decision] += 1
  const decided = counts.keep + counts.revoke + counts.unsure
  return { decided, undecided: decisions.length - decided, decisions: counts }
}

function manifestOf(input: EvidencePackInput, files: ManifestFile[]): Manifest {
  const { population } = input
  return {
    format: EVIDENCE_PACK_FORMAT,
    tool: { name: input.tool.name, version: input.tool.version },
    tenant: input.tenantDomain,
    mode: input.mode,
    reviewer: ordered(input.reviewer, ['sub', 'email', 'name']),
    startedAt: input.startedAt.toISOString(),
    signedOffAt: input.signedOffAt.toISOString(),
    scope: orderedScope(input.scope),
    filters: ordered({ ...input.filters, roles: input.filters.roles && [...input.filters.roles] }, [
      'text',
      'roles',
    ]),
    population: {
      rows: population.rows,
      total: population.total,
      complete: population.complete,
      capped: population.capped,
      pagination: population.pagination,
      gaps: [...population.gaps],
      fetchedAt: population.fetchedAt,
      rolesComplete: population.rolesComplete,
      ...countDecisions(input.decisions),
    },
    requests: input.requests.map(orderedRequest),
    files,
    countersignature:
      input.mode === 'proxy'
        ? { requestedFrom: 'proxy', keysUrl: COUNTERSIGN_KEYS_PATH }
        : { unsigned: true, why: DIRECT_MODE_UNSIGNED },
  }
}

/** `orgscope-review-<subject>-<UTC stamp>.zip`. */
function packFileName(scope: EvidenceScope, signedOffAt: Date): string {
  const subject =
    scope.kind === 'user'
      ? scope.userId
      : scope.kind === 'organization'
        ? scope.organizationId
        : // Entries, not users: an email can name two accounts, and an entry can name none.
          `${scope.entries.length}-${scope.entries.length === 1 ? 'entry' : 'entries'}`
  return exportFileName({
    kind: 'review',
    userId: subject,
    generatedAt: signedOffAt,
    extension: 'zip',
  })
}

/**
 * The zip entries' time: the sign-off in UTC wall-clock figures. fflate writes a Date's local
 * figures (zip times have no zone), so the Date is built from the UTC ones: the bytes are the same
 * in every time zone.
 */
function zipTime(at: Date): Date {
  return new Date(
    at.getUTCFullYear(),
    at.getUTCMonth(),
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  )
}

/**
 * The pack for a signed-off review. In proxy mode `countersign` is called with the manifest's
 * SHA-256; if it rejects, so does this (never a silently unsigned pack). Throws when a revoke or
 * unsure decision has no reason.
 */
export async function buildEvidencePack(input: EvidencePackInput): Promise<EvidencePack> {
  assertReasons(input.decisions)
  if (input.mode === 'proxy' && !input.countersign) {
    throw new Error('In proxy mode the pack must be countersigned, but no countersign was given.')
  }
  const listed: [string, Uint8Array<ArrayBuffer>][] = [
    [PACK_FILES.readme, utf8(README)],
    [PACK_FILES.membershipsCsv, utf8(membershipsCsv(input.columns, input.rows))],
    [PACK_FILES.membershipsJson, utf8(membershipsJson(input.columns, input.rows))],
    [PACK_FILES.decisionsCsv, utf8(decisionsCsv(input.decisions))],
  ]
  const files = await Promise.all(
    listed.map(async ([name, bytes]) => ({
      name,
      bytes: bytes.length,
      sha256: await sha256Hex(bytes),
    })),
  )
  const manifest = manifestOf(input, files)
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`)
  const manifestSha256 = await sha256Hex(manifestBytes)
  const countersignature =
    input.mode === 'proxy' && input.countersign ? await input.countersign(manifestSha256) : null

  const mtime = zipTime(input.signedOffAt)
  const entries: Zippable = {}
  for (const [name, bytes] of listed) entries[name] = [bytes, { mtime }]
  entries[PACK_FILES.manifest] = [manifestBytes, { mtime }]
  if (countersignature) {
    entries[PACK_FILES.countersignature] = [utf8(`${countersignature.jws}\n`), { mtime }]
  }
  const bytes = zipSync(entries, { level: 9 }) as Uint8Array<ArrayBuffer>
  return {
    fileName: packFileName(input.scope, input.signedOffAt),
    bytes,
    sha256: await sha256Hex(bytes),
    manifest,
    manifestSha256,
    countersignature,
  }
}
