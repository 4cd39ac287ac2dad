import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Link } from 'wouter'
import { Tag } from '@/components/tag'
import { formatCount, formatNumber } from '@/lib/format'
import { toVerify } from '@/lib/routes'
import {
  DECISION_LABELS,
  DECISIONS,
  DecisionRefused,
  HINT_LABELS,
  reasonRequired,
  type AccessHint,
  type Decision,
  type ReviewProgress,
} from '../review-decisions'
import type { AccessReviewState } from '../use-access-review'

/** What signing off produced: shown, with the manifest's hash, until the page is left. */
export interface SignedOff {
  fileName: string
  manifestSha256: string
  countersigned: { kid: string } | null
}

export interface AccessReviewPanelProps {
  state: AccessReviewState
  progress: ReviewProgress
  hints: readonly AccessHint[]
  /** Every row is the reviewer's own: they cannot review this list. */
  ownAccount: boolean
  /** The rows the table shows now (after the filter), not the reviewer's own: a bulk apply's target. */
  rowsInView: readonly string[]
  filtered: boolean
  /** Why sign-off must wait (the list is loading, rows are undecided); none: it may go ahead. */
  signOffBlockedBy: string | undefined
  /** How many rows' roles are loaded, of all: the pack says so too. */
  roles: { loaded: number; total: number }
  /** Builds, countersigns and downloads the pack; rejects with what went wrong. */
  onSignOff: () => Promise<SignedOff>
  signedOff: SignedOff | undefined
}

/** "7 Dec 2026, 23:40 UTC": review times are evidence, so they say their zone. */
function utcText(iso: string): string {
  return `${new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`
}

/**
 * The access review's controls above its table: start it, see how far it is, apply a decision to
 * the rows in view, sign off (which downloads the evidence pack), or discard it.
 */
export function AccessReviewPanel(props: AccessReviewPanelProps) {
  const { state, ownAccount, signedOff } = props
  if (signedOff) return <SignedOffNotice signedOff={signedOff} />
  if (state.review === undefined) return null
  if (state.review === null) {
    return (
      <Group gap="sm" align="center">
        <Button size="xs" variant="light" disabled={ownAccount} onClick={state.start}>
          Start access review
        </Button>
        <Text size="xs" c="dimmed">
          {ownAccount
            ? 'This is your own account: another admin must review your access.'
            : 'Decide keep, revoke or don’t know for each membership, then sign off for an evidence pack.'}
        </Text>
      </Group>
    )
  }
  return <ActiveReview {...props} review={state.review} />
}

function ActiveReview({
  state,
  review,
  progress,
  hints,
  rowsInView,
  filtered,
  signOffBlockedBy,
  roles,
  onSignOff,
}: AccessReviewPanelProps & { review: NonNullable<AccessReviewState['review']> }) {
  const [signing, setSigning] = useState(false)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const percent = progress.reviewable === 0 ? 0 : (progress.decided / progress.reviewable) * 100

  const signOff = async () => {
    setSigning(true)
    setFailure(undefined)
    try {
      await onSignOff()
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setSigning(false)
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="access-review-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={3} size="h5" id="access-review-title">
              Access review
            </Title>
            <Text size="xs" c="dimmed">
              {`By ${review.reviewer.name ?? review.reviewer.email ?? review.reviewer.sub}${review.reviewer.email && review.reviewer.name ? ` (${review.reviewer.email})` : ''} · started ${utcText(review.startedAt)} · `}
              {state.unsaved
                ? 'this browser would not save it: it is lost on reload'
                : 'saved in this browser'}
            </Text>
          </Stack>
          {confirmDiscard ? (
            <Group gap="xs">
              <Text size="xs">{`Discard ${formatCount(progress.decided, 'decision')}?`}</Text>
              <Button size="compact-xs" color="red" onClick={state.discard}>
                Discard
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setConfirmDiscard(false)}>
                Keep reviewing
              </Button>
            </Group>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => setConfirmDiscard(true)}
            >
              Discard review
            </Button>
          )}
        </Group>

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {`${formatNumber(progress.decided)} of ${formatNumber(progress.reviewable)} decided`}
          </Text>
          <Progress value={percent} size="sm" aria-label="Review progress" />
          <Text size="xs" c="dimmed">
            {DECISIONS.map(
              (decision) =>
                `${DECISION_LABELS[decision]} ${formatNumber(progress.counts[decision])}`,
            ).join(' · ')}
            {progress.own > 0 &&
              ` · ${formatCount(progress.own, 'row')} about your own account, left for another admin`}
          </Text>
        </Stack>

        {hints.length > 0 && (
          <Group gap="xs" aria-label="Hints for this review">
            <Text size="xs" fw={600}>
              Look twice:
            </Text>
            {hints.map((hint) => (
              <Tag key={hint} color="red">
                {HINT_LABELS[hint]}
              </Tag>
            ))}
          </Group>
        )}

        <BulkDecision state={state} rows={rowsInView} filtered={filtered} />

        <Group gap="sm" align="center">
          <Button
            size="xs"
            onClick={() => void signOff()}
            loading={signing}
            disabled={signOffBlockedBy !== undefined}
          >
            Sign off and download evidence pack
          </Button>
          <Text size="xs" c="dimmed">
            {signOffBlockedBy ??
              (roles.loaded < roles.total
                ? `Roles are loaded for ${formatNumber(roles.loaded)} of ${formatCount(roles.total, 'membership')}: the pack says which are missing and why.`
                : 'Every row’s roles are loaded.')}
          </Text>
        </Group>
        {failure !== undefined && (
          <Alert color="red" variant="light" title="The review was not signed off">
            <Text size="sm">{failure}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

function BulkDecision({
  state,
  rows,
  filtered,
}: {
  state: AccessReviewState
  rows: readonly string[]
  filtered: boolean
}) {
  const [decision, setDecision] = useState<Decision>('keep')
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined)
  const target = filtered ? 'rows matching the filter' : 'rows'

  const apply = () => {
    try {
      state.decide(rows, { decision, reason })
      setMessage({
        error: false,
        text: `${DECISION_LABELS[decision]}: applied to ${formatCount(rows.length, 'row')}.`,
      })
    } catch (error) {
      if (!(error instanceof DecisionRefused)) throw error
      setMessage({ error: true, text: error.message })
    }
  }

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={`Decide for all ${formatNumber(rows.length)} ${target}`}
          data={DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }))}
          value={decision}
          onChange={(event) => setDecision(event.currentTarget.value as Decision)}
        />
        <TextInput
          size="xs"
          label="Reason"
          placeholder={reasonRequired(decision) ? 'Required' : 'Optional'}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.currentTarget.value)}
          w={260}
          error={message?.error ? message.text : undefined}
        />
        <Button size="xs" variant="default" disabled={rows.length === 0} onClick={apply}>
          {`Apply to ${formatCount(rows.length, 'row')}`}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" role="status">
        {message && !message.error ? message.text : ''}
      </Text>
    </Stack>
  )
}

function SignedOffNotice({ signedOff }: { signedOff: SignedOff }) {
  return (
    <Alert color="teal" variant="light" title="Review signed off" role="status">
      <Stack gap={4}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Downloaded <Code>{signedOff.fileName}</Code>
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Manifest SHA-256 <Code>{signedOff.manifestSha256}</Code>
        </Text>
        <Text size="sm">
          {signedOff.countersigned
            ? `Countersigned by Orgscope’s proxy (key ${signedOff.countersigned.kid}).`
            : 'Not countersigned: Orgscope talks to the Management API directly, without its proxy. The pack says so.'}
        </Text>
        <Link href={toVerify()} asChild>
          {/* The alert's own text colour, underlined: the link blue on teal falls under 4.5:1. */}
          <Anchor size="sm" c="inherit" underline="always">
            Verify a pack
          </Anchor>
        </Link>
      </Stack>
    </Alert>
  )
}
