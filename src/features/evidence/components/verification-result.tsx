import { Box, Group, Paper, Stack, Text, Title, type MantineColor } from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'
import { Tag } from '@/components/tag'
import { formatCount, formatNumber } from '@/lib/format'
import { formatDateTimeWithUtc } from '@/lib/relative-time'
import type { ManifestSummary } from '../manifest-summary'
import type { CountersignatureCheck, FileCheck, FileStatus, Verification } from '../verify-pack'
import { HashText } from './hash-text'
import classes from './verification-result.module.css'

/** Fields in columns at least `min` wide, as many as fit. */
function Fields({ min, mt, children }: { min: string; mt?: string; children: ReactNode }) {
  return (
    <Box className={classes.grid} mt={mt} style={{ '--min': min } as CSSProperties}>
      {children}
    </Box>
  )
}

const VERDICT: Record<
  Verification['status'],
  { title: string; color: MantineColor; text: string }
> = {
  intact: {
    title: 'Intact',
    color: 'teal',
    text: 'Every file matches the SHA-256 in the manifest.',
  },
  changed: {
    title: 'Changed',
    color: 'red',
    text: 'This pack is not as it was made: see what differs below.',
  },
  unconfirmed: {
    title: 'Not confirmed',
    color: 'grape',
    text: 'Every file matches the manifest, but the countersignature could not be checked.',
  },
  unreadable: { title: 'Unreadable', color: 'red', text: '' },
}

const FILE_COLOR: Record<FileStatus, MantineColor> = {
  intact: 'teal',
  changed: 'red',
  missing: 'red',
  'not in manifest': 'grape',
}

const COUNTERSIGNATURE_COLOR: Record<CountersignatureCheck['status'], MantineColor> = {
  valid: 'teal',
  invalid: 'red',
  'key not published': 'grape',
  'keys unavailable': 'grape',
  'not checked': 'gray',
  absent: 'gray',
}

function Verdict({ status, detail }: { status: Verification['status']; detail: string }) {
  const verdict = VERDICT[status]
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      style={{ borderLeft: `6px solid var(--mantine-color-${verdict.color}-filled)` }}
    >
      <Title order={2} c={`${verdict.color}.7`} fz={32} lh={1.1}>
        {verdict.title}
      </Title>
      <Text mt="xs">{detail || verdict.text}</Text>
    </Paper>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  )
}

const size = (bytes: number) => formatCount(bytes, 'byte')

function FileRow({ file }: { file: FileCheck }) {
  return (
    <Paper withBorder p="sm" radius="sm" component="li" aria-label={`${file.name}: ${file.status}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {file.name}
        </Text>
        <Tag color={FILE_COLOR[file.status]}>{file.status}</Tag>
      </Group>
      <Fields min="22rem" mt="xs">
        <Field
          label={`Expected (manifest)${file.expected ? ` · ${size(file.expected.bytes)}` : ''}`}
        >
          {file.expected ? <HashText hash={file.expected.sha256} /> : 'Not listed in manifest.json'}
        </Field>
        <Field label={`Found (in the zip)${file.found ? ` · ${size(file.found.bytes)}` : ''}`}>
          {file.found ? <HashText hash={file.found.sha256} /> : 'Not in the zip'}
        </Field>
      </Fields>
    </Paper>
  )
}

function validDate(text: string): Date | null {
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? null : date
}

function When({ at }: { at: string | null }) {
  if (at === null) return <>Not recorded</>
  const date = validDate(at)
  return <>{date ? formatDateTimeWithUtc(date) : at}</>
}

function CountersignatureBlock({ check }: { check: CountersignatureCheck }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="countersignature-heading"
    >
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4" id="countersignature-heading">
          Countersignature
        </Title>
        <Tag color={COUNTERSIGNATURE_COLOR[check.status]}>{check.status}</Tag>
      </Group>
      {check.status === 'valid' ? (
        <Fields min="14rem" mt="sm">
          <Field label="Signed off by">
            {check.admin.email ? `${check.admin.email} (${check.admin.sub})` : check.admin.sub}
          </Field>
          <Field label="Countersigned at">
            <When at={check.signedAt} />
          </Field>
          <Field label="Key">
            <Text ff="monospace" size="sm" span>
              {check.kid}
            </Text>
            {check.issuer && ` · ${check.issuer}`}
          </Field>
        </Fields>
      ) : (
        <Stack gap="xs" mt="sm">
          <Text size="sm">{check.why}</Text>
          {'kid' in check && check.kid && (
            <Text size="sm" c="dimmed">
              Key:{' '}
              <Text ff="monospace" span>
                {check.kid}
              </Text>
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}

function decisionsText(summary: ManifestSummary): string {
  if (!summary.decisions) return 'Not recorded'
  const { keep, revoke, unsure } = summary.decisions
  const undecided =
    summary.undecided === null ? '' : `; ${formatNumber(summary.undecided)} not decided`
  return `${formatNumber(keep)} keep, ${formatNumber(revoke)} revoke, ${formatNumber(unsure)} don’t know${undecided}`
}

function rowsText(summary: ManifestSummary): string {
  if (summary.rows === null) return 'Not recorded'
  const total = summary.total === null ? '' : ` of ${formatNumber(summary.total)}`
  const complete =
    summary.complete === false ? ' (incomplete)' : summary.complete ? ' (complete)' : ''
  return `${formatNumber(summary.rows)}${total}${complete}`
}

function ManifestBlock({ summary }: { summary: ManifestSummary }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="manifest-heading">
      <Title order={2} size="h4" id="manifest-heading">
        What the manifest says
      </Title>
      <Fields min="14rem" mt="sm">
        <Field label="Tenant">{summary.tenant ?? 'Not recorded'}</Field>
        <Field label="Reviewer">{summary.reviewer ?? 'Not recorded'}</Field>
        <Field label="Scope">{summary.scope ?? 'Not recorded'}</Field>
        <Field label="Started">
          <When at={summary.startedAt} />
        </Field>
        <Field label="Signed off at">
          <When at={summary.signedOffAt} />
        </Field>
        <Field label="Rows">{rowsText(summary)}</Field>
        <Field label="Decisions">{decisionsText(summary)}</Field>
        <Field label="Mode">{summary.mode ?? 'Not recorded'}</Field>
        <Field label="Made by">
          {summary.toolVersion ? `Orgscope ${summary.toolVersion}` : 'Not recorded'}
          {summary.format && ` · ${summary.format}`}
        </Field>
      </Fields>
    </Paper>
  )
}

/** The outcome of checking one pack: the verdict first, then why, file by file. */
export function VerificationResult({
  verification,
  file,
}: {
  verification: Verification
  file: { name: string; bytes: number; sha256: string }
}) {
  const problems =
    verification.status === 'unreadable'
      ? verification.reason
      : verification.status === 'changed'
        ? changedText(verification.files, verification.countersignature)
        : ''
  return (
    <Stack gap="md">
      <Verdict status={verification.status} detail={problems} />
      <Paper withBorder p="md" radius="md">
        <Fields min="22rem">
          <Field label={`File checked · ${size(file.bytes)}`}>
            <Text ff="monospace" size="sm" span>
              {file.name}
            </Text>
          </Field>
          <Field label="SHA-256 of the zip">
            <HashText hash={file.sha256} />
          </Field>
        </Fields>
      </Paper>
      {verification.status !== 'unreadable' && (
        <>
          <CountersignatureBlock check={verification.countersignature} />
          <Stack gap="xs" component="section" aria-labelledby="files-heading">
            <Title order={2} size="h4" id="files-heading">
              Files
            </Title>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {verification.files.map((check) => (
                <FileRow key={check.name} file={check} />
              ))}
            </Stack>
          </Stack>
          <ManifestBlock summary={verification.summary} />
        </>
      )}
    </Stack>
  )
}

/** "memberships.csv changed; decisions.csv missing." — the files named in the verdict itself. */
function changedText(files: readonly FileCheck[], countersignature: CountersignatureCheck): string {
  const named = files
    .filter(({ status }) => status !== 'intact')
    .map(
      ({ name, status }) =>
        `${name} ${status === 'not in manifest' ? 'is not in the manifest' : status}`,
    )
  if (countersignature.status === 'invalid') named.push(countersignature.why)
  return `${named.join('; ')}.`.replace(/\.\.$/, '.')
}
