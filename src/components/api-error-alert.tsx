import { Alert, Button, Code, Group, Stack, Text, type MantineColor } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useState, type ReactNode } from 'react'
import { formatClockTime, formatNumber } from '@/lib/format'
import {
  describeFailure,
  type FailureDescription,
  type Situation,
  type Tone,
} from '@/lib/management-api/describe-failure'
import { formatErrorDetails, type ErrorView } from '@/lib/management-api/errors'
import { nextAttemptAt } from '@/lib/management-api/rate-limit'
import { useSignInAgain } from '@/lib/sign-in-again'
import { useTenant } from '@/lib/tenant'
import { Countdown } from './countdown'
import { FailureText } from './failure-text'
import { ToneIcon } from './tone-icon'

export interface ApiErrorAlertProps {
  /** Whatever was thrown: a ManagementApiError, a token failure, a render error. */
  error: unknown
  /** "Try again" (5xx, network, time-out, malformed, other 400s; 429 once the window reset). */
  onRetry?: () => void
  /** "Back to search" on 400 invalid_uri and 404; without it the button is a link to `/`. */
  onBackToSearch?: () => void
  /** The user id as the page sent it, shown when the API says the path or user is wrong. */
  userId?: string
  /** The organization id as the page sent it: the same, for an organization's page. */
  organizationId?: string
  /** When older results are still on screen, since when. */
  staleSince?: Date
  /**
   * The app is already trying again by itself at this time (a 5xx, network failure or time-out
   * under the retry policy): the alert counts down to it. A 429 counts down to its reset anyway.
   */
  retryingAt?: Date
}

const TONE_COLOR: Record<Tone, MantineColor> = {
  input: 'orange',
  access: 'orange',
  wait: 'yellow',
  info: 'blue',
  failure: 'red',
}

/** "Retrying in 4 s", counting down to when the next try goes out, then `done`. */
function RetryCountdown({ at, done }: { at: Date; done?: ReactNode }) {
  return (
    <Countdown
      key={at.getTime()}
      until={at}
      prefix="Retrying in"
      size="sm"
      fw={600}
      display="block"
      done={
        done ?? (
          <Text size="sm" fw={600}>
            Retrying now…
          </Text>
        )
      }
    />
  )
}

/** The rate-limit headers, and a countdown to the reset; "Try again" once it has passed. */
function RateLimited({ view, onRetry }: { view: ErrorView; onRetry: (() => void) | undefined }) {
  const { rateLimit } = view
  const facts = [
    rateLimit?.limit !== undefined && `Limit ${formatNumber(rateLimit.limit)}`,
    rateLimit?.remaining !== undefined && `${formatNumber(rateLimit.remaining)} remaining`,
    rateLimit?.reset !== undefined && `resets at ${formatClockTime(rateLimit.reset)}`,
  ].filter(Boolean)
  const at = view.receivedAt ? nextAttemptAt(rateLimit, view.receivedAt) : undefined
  const retry = onRetry && (
    <Button size="xs" variant="light" color="yellow" onClick={onRetry}>
      Try again
    </Button>
  )
  return (
    <Stack gap={4}>
      <Text size="sm">
        {facts.length > 0
          ? `${facts.join(' · ')}.`
          : 'The answer carried no readable rate-limit headers.'}
      </Text>
      {at ? (
        <RetryCountdown
          at={at}
          done={
            retry && (
              <Group gap="sm">
                <Text size="sm">The limit has reset.</Text>
                {retry}
              </Group>
            )
          }
        />
      ) : (
        retry && <Group gap="sm">{retry}</Group>
      )}
    </Stack>
  )
}

/** "403 Forbidden · insufficient_scope" — the facts an admin quotes to support. */
function StatusLine({ view }: { view: ErrorView }) {
  if (view.kind !== 'http' || view.status === undefined) return null
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        <Text span fw={700}>
          HTTP {view.status}
        </Text>
        {view.error ? ` ${view.error}` : ''}
      </Text>
      {view.errorCode && <Code>{view.errorCode}</Code>}
    </Group>
  )
}

/** The API's own words (or, for a foreign body, what the client noticed). */
function ApiMessage({ situation, view }: { situation: Situation; view: ErrorView }) {
  if (view.kind === 'http') {
    return (
      <Text size="sm">
        {view.hasApiBody && (
          <Text span c="dimmed">
            Management API:{' '}
          </Text>
        )}
        {view.message}
      </Text>
    )
  }
  if (situation === 'malformed') {
    return view.detail ? (
      <Text size="sm">
        <Text span c="dimmed">
          What did not fit:{' '}
        </Text>
        {view.detail}
      </Text>
    ) : null
  }
  if (situation === 'unexpected' || situation === 'session') {
    return <Text size="sm">{view.message}</Text>
  }
  return null
}

function CopyDetails({ view, prominent = false }: { view: ErrorView; prominent?: boolean }) {
  const clipboard = useClipboard({ timeout: 2000 })
  const [details, setDetails] = useState('')
  const copy = () => {
    const text = formatErrorDetails(view, new Date())
    setDetails(text)
    clipboard.copy(text)
  }
  return (
    <>
      <Button
        size="xs"
        variant={prominent ? 'light' : 'subtle'}
        color={prominent ? undefined : 'gray'}
        onClick={copy}
      >
        <span aria-live="off">{clipboard.copied ? 'Copied' : 'Copy details'}</span>
      </Button>
      {clipboard.error && details && (
        <Stack gap={4} w="100%">
          <Text size="xs" c="dimmed">
            The clipboard is not available here; select the details below instead.
          </Text>
          <Code block>{details}</Code>
        </Stack>
      )}
    </>
  )
}

function actionsFor(
  { situation, retryable }: FailureDescription,
  { onRetry, onBackToSearch }: ApiErrorAlertProps,
  signInAgain: (() => void) | undefined,
): ReactNode {
  switch (situation) {
    case 'invalid-uri':
    case 'not-found':
      return onBackToSearch ? (
        <Button size="xs" onClick={onBackToSearch}>
          Back to search
        </Button>
      ) : (
        <Button size="xs" component="a" href="/">
          Back to search
        </Button>
      )
    case 'session':
      return signInAgain ? (
        <Button size="xs" onClick={signInAgain}>
          Sign in again
        </Button>
      ) : null
    case 'missing-scope':
      // Signing in again cannot grant anything; it only picks up a permission granted since.
      // The details to send a tenant owner come first (see ApiErrorAlert).
      return signInAgain ? (
        <Button size="xs" variant="subtle" onClick={signInAgain}>
          Sign in again (after it is granted)
        </Button>
      ) : null
    case 'rate-limited':
      // Its own button comes once the window has reset (RateLimited).
      return null
  }
  // Not for what asking again cannot change: the query stays editable beside the alert, and
  // repeating a forbidden request changes nothing.
  return (
    retryable &&
    onRetry && (
      <Button size="xs" onClick={onRetry}>
        Try again
      </Button>
    )
  )
}

/**
 * The one component every failed request renders: what happened (title, HTTP status, the API's
 * own message and error code), what it means, and what to do next ("Sign in again" on a refused
 * session comes from `useSignInAgain`). All tenant and API strings render as text.
 */
export function ApiErrorAlert(props: ApiErrorAlertProps) {
  const subject = props.organizationId === undefined ? 'user' : 'organization'
  const failure = describeFailure(props.error, { mode: useTenant().mode, subject })
  const { signInAgain } = useSignInAgain()
  const { situation, view, tone } = failure
  const idAsSent = props.organizationId ?? props.userId
  const showId =
    idAsSent !== undefined && (situation === 'invalid-uri' || situation === 'not-found')
  const actions = actionsFor(failure, props, signInAgain)
  // A missing permission is fixed by a tenant owner, not from here: the main button is the one
  // that hands them the facts.
  const copyFirst = situation === 'missing-scope'

  return (
    <Alert
      variant="light"
      color={TONE_COLOR[tone]}
      title={failure.title}
      icon={<ToneIcon tone={tone} />}
    >
      <Stack gap="xs">
        <StatusLine view={view} />
        <ApiMessage situation={situation} view={view} />
        {showId && (
          <Text size="sm">
            <Text span c="dimmed">
              {subject === 'user' ? 'User id as sent: ' : 'Organization id as sent: '}
            </Text>
            <Code>{idAsSent}</Code>
          </Text>
        )}
        <FailureText detail={failure.detail} nextStep={failure.nextStep} />
        {situation === 'rate-limited' && <RateLimited view={view} onRetry={props.onRetry} />}
        {situation !== 'rate-limited' && props.retryingAt && (
          <RetryCountdown at={props.retryingAt} />
        )}
        {props.staleSince && (
          <Text size="sm" c="dimmed">
            Results from {formatClockTime(props.staleSince)} are still shown; they may be out of
            date.
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {copyFirst && <CopyDetails view={view} prominent />}
          {actions}
          {!copyFirst && <CopyDetails view={view} />}
        </Group>
      </Stack>
    </Alert>
  )
}

/** Why "Sign in again" failed before it left the page, where the page shows it; else nothing. */
export function SignInAgainFailure() {
  const { signInError } = useSignInAgain()
  return signInError === undefined ? null : <ApiErrorAlert error={signInError} />
}
