import { Alert, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { ExportMenu, saveExport } from '@/components/export-menu'
import {
  EvidenceDropZone,
  loadCompare,
  type Comparison,
  type Snapshot,
  type SnapshotRow,
} from '@/features/evidence/api'
import { useSignedInAdmin } from '@/features/auth/use-signed-in-admin'
import { Tag } from '@/components/tag'
import { formatCount, formatDateTimeWithZone, formatNumber } from '@/lib/format'
import type { ListLoad } from '@/lib/management-api/list-load'
import { useTenant } from '@/lib/tenant'
import classes from './access-review.module.css'

/** The list on the page now, as the comparison reads it. */
export interface CurrentList {
  rows: readonly SnapshotRow[]
  /** When it was fetched, ISO UTC. */
  takenAt: string
}

type State =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string }
  | { status: 'failed'; fileName: string; message: string }
  | { status: 'compared'; earlier: Snapshot; comparison: Comparison; current: CurrentList }

/**
 * "Compare with last time": drop an earlier evidence pack or export of this list; see what was
 * added and removed, which roles were gained and lost, and whether what was revoked last time is
 * gone. Off until the list on the page is whole: a comparison with a list still loading, or cut
 * at the API's cap, would report the rest as removed.
 */
export function CompareWithEarlier({
  subject,
  current,
  list,
}: {
  /** Whose list this is: a file about another user or organization is refused, not compared. */
  subject: CompareSubject
  /** Read when a file is dropped, so roles loaded since the page opened count. */
  current: () => CurrentList
  /**
   * The list on the page: compared only once whole, not when cut at the API's cap, and not while
   * part of it is unknown (`unknown` says which part: a bulk review's failed lookups).
   */
  list: Pick<ListLoad<unknown>, 'complete' | 'capped'> & { unknown?: string | undefined }
}) {
  const unavailableBecause = !list.complete
    ? 'Available once the whole list has loaded.'
    : list.capped
      ? 'Not available: this list stops at the API’s 1,000 cap, so everything past it would read as removed.'
      : list.unknown
        ? `Not available: ${list.unknown} would read as removed. Retry them first.`
        : undefined
  const [state, setState] = useState<State>({ status: 'idle' })
  const { domain } = useTenant()
  const exportedBy = useSignedInAdmin()

  const onFile = async (file: File) => {
    setState({ status: 'reading', fileName: file.name })
    try {
      const [{ readSnapshot, compareSnapshots }, bytes] = await Promise.all([
        loadCompare(),
        file.arrayBuffer(),
      ])
      const earlier = await readSnapshot(
        file.name,
        new Uint8Array(bytes),
        subject.kind === 'user'
          ? { assumeUserId: subject.userId }
          : subject.kind === 'organization'
            ? { assumeOrganizationId: subject.organizationId }
            : {},
      )
      const refusal = populationRefusal(earlier, subject)
      if (refusal !== undefined) throw new Error(`${file.name} ${refusal}`)
      const now = current()
      setState({
        status: 'compared',
        earlier,
        comparison: compareSnapshots(earlier, now),
        current: now,
      })
    } catch (error) {
      setState({
        status: 'failed',
        fileName: file.name,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="compare-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="compare-title">
          Compare with last time
        </Title>
        <EvidenceDropZone
          label="Choose an earlier evidence file"
          description={
            unavailableBecause ??
            'An evidence pack (.zip) or an export (.csv, .json) of this list: see what changed since.'
          }
          accept=".zip,.csv,.json"
          busy={state.status === 'reading'}
          disabled={unavailableBecause !== undefined}
          compact
          onFile={(file) => void onFile(file)}
        />
        {state.status === 'failed' && (
          <Alert color="red" variant="light" title={`Could not compare with ${state.fileName}`}>
            <Text size="sm">{state.message}</Text>
          </Alert>
        )}
        {state.status === 'compared' && (
          <ComparisonView
            rowsAre={ROWS_ARE[subject.kind]}
            earlier={state.earlier}
            comparison={state.comparison}
            onExport={(format) =>
              saveExport(async () => {
                const { comparisonExportInput } = await loadCompare()
                return comparisonExportInput(state.comparison, {
                  earlier: state.earlier.source,
                  current: {
                    takenAt: state.current.takenAt,
                    ...(subject.kind === 'users' ? {} : { userId: idOf(subject) }),
                  },
                  tenantDomain: domain,
                  exportedBy,
                  format,
                })
              })
            }
          />
        )}
      </Stack>
    </Paper>
  )
}

/** A user's memberships, an organization's members, or a bulk review's users × organizations. */
export type CompareSubject =
  | { kind: 'user'; userId: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'users' }

type OneSubject = Exclude<CompareSubject, { kind: 'users' }>

const idOf = (subject: OneSubject) =>
  subject.kind === 'user' ? subject.userId : subject.organizationId

const ROWS_ARE: Record<CompareSubject['kind'], RowsAre> = {
  user: 'organizations',
  organization: 'members',
  users: 'memberships',
}

/**
 * Why `earlier` is a different population than `subject` (the rest of a sentence starting with
 * the file name); undefined: the same. Compared across populations, everything would read as
 * added or removed: a bulk review takes only a bulk review's file, a user's or organization's
 * page only one about that user or organization.
 */
function populationRefusal(earlier: Snapshot, subject: CompareSubject): string | undefined {
  const { bulkReview, subject: about } = earlier.source
  if (subject.kind === 'users') {
    if (bulkReview) return undefined
    const whose =
      about === null ? 'is not from a bulk review' : `is about ${about} alone, not a bulk review`
    return `${whose}: compare it on that user’s or organization’s page, or drop a bulk review’s evidence pack or export here.`
  }
  if (bulkReview) {
    return 'is a bulk review’s, of many users: compare it on the bulk review.'
  }
  const refusal = aboutSomethingElse(earlier, subject)
  return refusal === undefined ? undefined : `is about ${refusal}: open that page to compare.`
}

/** Whom `earlier` is about when it is not `subject` ("auth0|x, not auth0|y"); undefined: it is. */
function aboutSomethingElse(earlier: Snapshot, subject: OneSubject): string | undefined {
  const id = idOf(subject)
  if (earlier.source.subject !== null && earlier.source.subject !== id) {
    return `${earlier.source.subject}, not ${id}`
  }
  // A list of one user's memberships, dropped on an organization's page, names other organizations.
  const other =
    subject.kind === 'organization'
      ? earlier.rows.find((row) => row.organizationId !== id)?.organizationId
      : undefined
  return other === undefined ? undefined : `${other}, not ${id}`
}

type ChangeKind = 'Revoked last time' | 'Added' | 'Removed' | 'Roles gained' | 'Roles lost'

interface ChangeRow {
  key: string
  kind: ChangeKind
  /** The organization on a user's page, the member (user id) on an organization's, both on a bulk review. */
  about: string
  /** Roles, or the reason a revoke was decided. */
  detail: string
  /** For a revoke: what became of it. */
  now?: RemediationStatus
}

type RemediationStatus = Comparison['remediation'][number]['status']

const REMEDIATION: Record<RemediationStatus, { text: string; color: string }> = {
  removed: { text: 'Access removed', color: 'teal' },
  'still present': { text: 'Still has access', color: 'red' },
  'role changed': { text: 'Roles changed, still a member', color: 'grape' },
}

const KIND_COLORS: Record<ChangeKind, string> = {
  'Revoked last time': 'grape',
  Added: 'blue',
  Removed: 'gray',
  'Roles gained': 'blue',
  'Roles lost': 'gray',
}

function changeRows(
  { remediation, added, removed, rolesGained, rolesLost }: Comparison,
  rowsAre: RowsAre,
): ChangeRow[] {
  const row = (
    kind: ChangeKind,
    change: {
      userId: string
      userEmail?: string | undefined
      organizationId: string
      organizationName?: string | undefined
    },
    detail: string,
    now?: RemediationStatus,
  ): ChangeRow => ({
    key: `${kind}\u0000${change.userId}\u0000${change.organizationId}`,
    kind,
    about: aboutText(change, rowsAre),
    detail,
    ...(now === undefined ? {} : { now }),
  })
  return [
    ...remediation.map((change) => row('Revoked last time', change, change.reason, change.status)),
    ...added.map((change) => row('Added', change, change.roles?.join(', ') ?? '')),
    ...removed.map((change) => row('Removed', change, change.roles?.join(', ') ?? '')),
    ...rolesGained.map((change) => row('Roles gained', change, change.roles.join(', '))),
    ...rolesLost.map((change) => row('Roles lost', change, change.roles.join(', '))),
  ]
}

/** What the rows of the list are: one user's organizations, one organization's members, or both. */
type RowsAre = 'organizations' | 'members' | 'memberships'

const ABOUT_HEADER: Record<RowsAre, string> = {
  organizations: 'Organization',
  members: 'Member (user id)',
  memberships: 'User in organization',
}

function aboutText(
  change: {
    userId: string
    userEmail?: string | undefined
    organizationId: string
    organizationName?: string | undefined
  },
  rowsAre: RowsAre,
): string {
  const organization = change.organizationName ?? change.organizationId
  if (rowsAre === 'organizations') return organization
  if (rowsAre === 'members') return change.userId
  return `${change.userEmail ?? change.userId} in ${organization}`
}

function ComparisonView({
  rowsAre,
  earlier,
  comparison,
  onExport,
}: {
  rowsAre: RowsAre
  earlier: Snapshot
  comparison: Comparison
  onExport: Parameters<typeof ExportMenu>[0]['onExport']
}) {
  const { added, removed, rolesGained, rolesLost } = comparison
  const rows = changeRows(comparison, rowsAre)
  return (
    <Stack gap="sm" role="region" aria-label="Changes since the earlier file">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {`Since ${earlier.source.fileName} (${earlier.source.kind}${takenAtText(earlier.source.takenAt)}): `}
        <strong>
          {`${formatCount(added.length, 'membership')} added, ${formatNumber(removed.length)} removed; roles gained in ${formatNumber(rolesGained.length)}, lost in ${formatNumber(rolesLost.length)}`}
        </strong>
        .
        {comparison.rolesNotComparable > 0 &&
          ` Roles not compared for ${formatCount(comparison.rolesNotComparable, 'membership')}: one side does not know them.`}
      </Text>
      {rows.length > 0 && (
        <div className={classes.scroll}>
          <table className={classes.changes} aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">{ABOUT_HEADER[rowsAre]}</th>
                <th scope="col">Roles, or the reason then</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>
                    <Tag color={KIND_COLORS[row.kind]}>{row.kind}</Tag>
                  </td>
                  <td dir="auto">{row.about}</td>
                  <td>{row.detail}</td>
                  <td>
                    {row.now && (
                      <Tag color={REMEDIATION[row.now].color}>{REMEDIATION[row.now].text}</Tag>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportMenu onExport={onExport} />
    </Stack>
  )
}

/** When the earlier file's data was fetched, as the page's own "As of" says it; as written if unreadable. */
function takenAtText(takenAt: string | null): string {
  if (takenAt === null) return ''
  const date = new Date(takenAt)
  return `, data of ${Number.isNaN(date.getTime()) ? takenAt : formatDateTimeWithZone(date)}`
}
