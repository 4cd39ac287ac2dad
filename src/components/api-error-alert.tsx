import { Alert, Button, Code, Group, Stack, Text, type MantineColor } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useEffect, useState, type ReactNode } from 'react'
import { formatClockTime, formatDuration, formatNumber } from '@/lib/format'
import { describeError, formatErrorDetails, type ErrorView } from '@/lib/management-api/errors'
import { nextAttemptAt, type RateLimitInfo } from '@/lib/management-api/rate-limit'
import { LineIcon } from './line-icon'
import { MissingScopeHelp } from './missing-scope-help'

export interface ApiErrorAlertProps {
  /** Whatever was thrown: a ManagementApiError, a token failure, a render error. */
  error: unknown
  /** "Try again" (5xx, network, time-out, malformed, other 400s; 429 once the window reset). */
  onRetry?: () => void
  /** "Sign in again" on 401; the page passes loginWithRedirect returning to the current page. */
  onSignInAgain?: () => void
  /** "Back to search" on 400 invalid_uri and 404; without it the button is a link to `/`. */
  onBackToSearch?: () => void
  /** The user id as the page sent it, shown when the API says the path or user is wrong. */
  userId?: string
  /** When older results are still on screen, since when. */
  staleSince?: Date
  /**
   * The app is already trying again by itself at this time (a 5xx, network failure or time-out
   * under the retry policy): the alert counts down to it. A 429 counts down to its reset anyway.
   */
  retryingAt?: Date
}

type Situation =
  | 'invalid-uri'
  | 'invalid-query'
  | 'query-too-long'
  | 'bad-request'
  | 'session'
  | 'missing-scope'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'not-api'
  | 'refused'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'unexpected'

/** Kind first, then status, then errorCode — never the message text. */
function situationOf(view: ErrorView): Situation {
  switch (view.kind) {
    case 'network':
    case 'timeout':
    case 'malformed':
    case 'unexpected':
      return view.kind
    case 'session':
      return 'session'
    case 'http':
      break
  }
  const status = view.status ?? 0
  if (status === 401) return 'session'
  if (status === 429) return 'rate-limited'
  if (status === 414) return 'query-too-long'
  if (status >= 500) return 'server'
  if (status === 403) {
    return view.errorCode === 'insufficient_scope' || view.missingScopes?.length
      ? 'missing-scope'
      : 'forbidden'
  }
  // A 400 or 404 that is not the API's own (a gateway page, a wrong base URL) says nothing
  // about the user id or the query.
  if (!view.hasApiBody) return 'not-api'
  if (status === 400) {
    if (view.errorCode === 'invalid_uri') return 'invalid-uri'
    if (view.errorCode === 'invalid_query_string') return 'invalid-query'
    return 'bad-request'
  }
  if (status === 404) return 'not-found'
  return 'refused'
}

type Tone = 'input' | 'access' | 'wait' | 'info' | 'failure'

const TONE_COLOR: Record<Tone, MantineColor> = {
  input: 'orange',
  access: 'orange',
  wait: 'yellow',
  info: 'blue',
  failure: 'red',
}

const TONE: Record<Situation, Tone> = {
  'invalid-uri': 'input',
  'invalid-query': 'input',
  'query-too-long': 'input',
  'bad-request': 'input',
  session: 'access',
  'missing-scope': 'access',
  forbidden: 'access',
  'not-found': 'info',
  'rate-limited': 'wait',
  server: 'failure',
  'not-api': 'failure',
  refused: 'failure',
  network: 'failure',
  timeout: 'failure',
  malformed: 'failure',
  unexpected: 'failure',
}

function titleOf(situation: Situation, view: ErrorView): string {
  switch (situation) {
    case 'invalid-uri':
      return 'The user id was not a valid path'
    case 'invalid-query':
      return 'The search query is not valid'
    case 'query-too-long':
      return 'The search query is too long'
    case 'bad-request':
      return view.errorCode === 'invalid_paging'
        ? 'That page is past what the Management API lists'
        : 'The Management API did not accept the request'
    case 'session':
      return 'Your session is no longer accepted'
    case 'missing-scope':
      return view.missingScopes?.length
        ? `Missing permission: ${view.missingScopes.join(' or ')}`
        : 'Missing permission'
    case 'forbidden':
      return 'Access denied'
    case 'not-found':
      return 'User not found — the user may have been deleted'
    case 'rate-limited':
      return 'Rate limited by the Management API'
    case 'server':
      if (view.status === 500) return 'The Management API ran into an error'
      if (view.status === 504) return "The Management API didn't answer in time"
      return 'The Management API is unavailable right now'
    case 'not-api':
      return 'The answer did not come from the Management API'
    case 'refused':
      return 'The Management API refused the request'
    case 'network':
      return "Can't reach the Management API — check your connection"
    case 'timeout':
      return `The Management API didn't answer within ${formatDuration(view.timeoutMs ?? 15_000)}`
    case 'malformed':
      return "The answer wasn't in the shape Orgscope expects"
    case 'unexpected':
      return 'Something went wrong'
  }
}

/** What the failure means, in one or two sentences. */
function meaningOf(situation: Situation, view: ErrorView): ReactNode {
  switch (situation) {
    case 'invalid-uri':
      return 'The Management API could not read the user id in the request path, so it did not look the user up.'
    case 'invalid-query':
      return 'The Management API could not run this search. Edit the query and search again.'
    case 'query-too-long':
      return 'The request was too long for the server. Shorten the query and search again.'
    case 'bad-request':
      return view.errorCode === 'invalid_paging'
        ? 'Only the first 1,000 results can be listed; narrow the search to see the rest.'
        : 'The request was not accepted as sent. Trying again may help if it was built from stale data.'
    case 'session':
      return view.kind === 'session'
        ? 'Orgscope could not renew your sign-in without you. Sign in again to continue where you were.'
        : 'The Management API rejected your access token: it may have expired, been revoked, or been signed with a key the tenant no longer trusts. Sign in again to continue where you were.'
    case 'missing-scope':
      return <MissingScopeHelp scopes={view.missingScopes} />
    case 'forbidden':
      return 'Your access does not allow this request. Ask a tenant owner for access.'
    case 'not-found':
      return 'No user with this id exists in the tenant. Check the id, or find the user again from search.'
    case 'rate-limited':
      return null
    case 'server':
      return view.status === 504
        ? 'The server between Orgscope and the Management API stopped waiting for its answer. The Management API may be busy; trying again usually helps.'
        : 'This is a problem on the server side and is usually temporary.'
    case 'not-api':
      return 'Something between Orgscope and the Management API (a proxy or gateway) answered instead. If this keeps happening, the API address Orgscope is configured with may be wrong.'
    case 'refused':
      return 'The request was not accepted.'
    case 'network':
      return 'The request got no answer: the network may be down, or the server refused the connection.'
    case 'timeout':
      return 'The Management API may be busy. Searches on large tenants can take longer.'
    case 'malformed':
      return 'The Management API answered, but not in the documented format, so Orgscope will not guess at it.'
    case 'unexpected':
      return 'Orgscope hit an error it did not expect.'
  }
}

/** Seconds left until `target`, ticking on whole seconds; 0 once it has passed. */
function useSecondsUntil(targetTime: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      const current = Date.now()
      setNow(current)
      const left = targetTime - current
      // Wake when the displayed number changes, not on an arbitrary 1 s grid.
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000)
    }
    const left = targetTime - Date.now()
    if (left > 0) timer = setTimeout(tick, left % 1000 || 1000)
    return () => clearTimeout(timer)
  }, [targetTime])
  return Math.max(0, Math.ceil((targetTime - now) / 1000))
}

function Countdown({ targetTime, done }: { targetTime: number; done: ReactNode }) {
  const seconds = useSecondsUntil(targetTime)
  if (seconds === 0) return done
  // The alert is a live region; a number changing every second must not be re-announced.
  return (
    <Text size="sm" fw={600} aria-live="off">
      Retrying in {formatDuration(seconds * 1000)}
    </Text>
  )
}

function RateLimitFacts({ rateLimit }: { rateLimit: RateLimitInfo | undefined }) {
  const facts: string[] = []
  if (rateLimit?.limit !== undefined) facts.push(`Limit ${formatNumber(rateLimit.limit)}`)
  if (rateLimit?.remaining !== undefined) {
    facts.push(`${formatNumber(rateLimit.remaining)} remaining`)
  }
  if (rateLimit?.reset !== undefined) facts.push(`resets at ${formatClockTime(rateLimit.reset)}`)
  return (
    <Text size="sm">
      {facts.length > 0
        ? `${facts.join(' · ')}.`
        : 'The answer carried no readable rate-limit headers.'}
    </Text>
  )
}

function RateLimited({ view, onRetry }: { view: ErrorView; onRetry: (() => void) | undefined }) {
  const at = view.receivedAt ? nextAttemptAt(view.rateLimit, view.receivedAt) : undefined
  const retry = onRetry && (
    <Button size="xs" variant="light" color="yellow" onClick={onRetry}>
      Try again
    </Button>
  )
  return (
    <Stack gap={4}>
      <Text size="sm">
        Too many requests reached the tenant in a short time. Orgscope tries again by itself once
        the limit resets.
      </Text>
      <RateLimitFacts rateLimit={view.rateLimit} />
      {at ? (
        // Keyed so a new 429 starts from a fresh clock reading.
        <Countdown
          key={at.getTime()}
          targetTime={at.getTime()}
          done={
            retry ? (
              <Group gap="sm">
                <Text size="sm">The limit has reset.</Text>
                {retry}
              </Group>
            ) : (
              <Text size="sm" fw={600}>
                Retrying now…
              </Text>
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

function BackToSearch({ onBackToSearch }: { onBackToSearch: (() => void) | undefined }) {
  return onBackToSearch ? (
    <Button size="xs" onClick={onBackToSearch}>
      Back to search
    </Button>
  ) : (
    <Button size="xs" component="a" href="/">
      Back to search
    </Button>
  )
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

function actionsFor(situation: Situation, props: ApiErrorAlertProps): ReactNode {
  const { onRetry, onSignInAgain, onBackToSearch } = props
  const retry = onRetry && (
    <Button size="xs" onClick={onRetry}>
      Try again
    </Button>
  )
  switch (situation) {
    case 'invalid-uri':
    case 'not-found':
      return <BackToSearch onBackToSearch={onBackToSearch} />
    case 'session':
      return onSignInAgain ? (
        <Button size="xs" onClick={onSignInAgain}>
          Sign in again
        </Button>
      ) : null
    case 'missing-scope':
      // Signing in again cannot grant anything; it only picks up a permission granted since.
      // The details to send a tenant owner come first (see ApiErrorAlert).
      return onSignInAgain ? (
        <Button size="xs" variant="subtle" onClick={onSignInAgain}>
          Sign in again (after it is granted)
        </Button>
      ) : null
    case 'invalid-query':
    case 'query-too-long':
    case 'forbidden':
    case 'rate-limited':
      // The query stays editable beside the alert; 429 offers its own button once the window
      // has reset; repeating a forbidden request changes nothing.
      return null
    case 'bad-request':
    case 'server':
    case 'not-api':
    case 'refused':
    case 'network':
    case 'timeout':
    case 'malformed':
    case 'unexpected':
      return retry
  }
}

const ICON_PATHS: Record<Tone, ReactNode> = {
  input: (
    <>
      <path d="M12 9v4" />
      <path d="M10.3 3.9 2.5 17.5A2 2 0 0 0 4.2 20.5h15.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      <path d="M12 17h.01" />
    </>
  ),
  access: (
    <>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
  wait: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  info: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
      <path d="M8.5 8.5l5 5M13.5 8.5l-5 5" />
    </>
  ),
  failure: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 8v5" />
      <path d="M12 16h.01" />
    </>
  ),
}

function ToneIcon({ tone }: { tone: Tone }) {
  return <LineIcon size={20}>{ICON_PATHS[tone]}</LineIcon>
}

/**
 * The one component every failed request renders: what happened (title, HTTP status, the API's
 * own message and error code), what it means, and what to do next. All tenant and API strings
 * render as text.
 */
export function ApiErrorAlert(props: ApiErrorAlertProps) {
  const view = describeError(props.error)
  const situation = situationOf(view)
  const tone = TONE[situation]
  const meaning = meaningOf(situation, view)
  const showUserId =
    props.userId !== undefined && (situation === 'invalid-uri' || situation === 'not-found')
  const actions = actionsFor(situation, props)
  // A missing permission is fixed by a tenant owner, not from here: the main button is the one
  // that hands them the facts.
  const copyFirst = situation === 'missing-scope'

  return (
    <Alert
      variant="light"
      color={TONE_COLOR[tone]}
      title={titleOf(situation, view)}
      icon={<ToneIcon tone={tone} />}
    >
      <Stack gap="xs">
        <StatusLine view={view} />
        <ApiMessage situation={situation} view={view} />
        {showUserId && (
          <Text size="sm">
            <Text span c="dimmed">
              User id as sent:{' '}
            </Text>
            <Code>{props.userId}</Code>
          </Text>
        )}
        {typeof meaning === 'string' ? <Text size="sm">{meaning}</Text> : meaning}
        {situation === 'rate-limited' && <RateLimited view={view} onRetry={props.onRetry} />}
        {situation !== 'rate-limited' && props.retryingAt && (
          <Countdown
            key={props.retryingAt.getTime()}
            targetTime={props.retryingAt.getTime()}
            done={
              <Text size="sm" fw={600}>
                Retrying now…
              </Text>
            }
          />
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
