import { formatDuration } from '@/lib/format'
import type { ApiMode } from '@/lib/tenant'
import { describeError, type ErrorView } from './errors'

/** What kind of failure it is, for the reader: decides the wording, the tone and the actions. */
export type Situation = keyof typeof WORDING

/** How it should look: something to edit, access to change, a wait, a fact, or a failure. */
export type Tone = 'input' | 'access' | 'wait' | 'info' | 'failure'

export interface FailureContext {
  /** The mode Orgscope runs in: who grants a missing scope, and where. Without it, said generally. */
  mode?: ApiMode
  /** The scope the request needs: a 403 that names none is read as this scope missing. */
  scope?: string
  /** What was refused, to end "…refuses ___.": "this request" unless told. */
  refused?: string
  /** What the path names, for a 400 invalid_uri or a 404: a user unless told. */
  subject?: 'user' | 'organization'
}

/**
 * One failure, in the one wording every place uses: the alert, the roles cells, the review's
 * failure list, the exports' status columns and provenance.
 */
export interface FailureDescription {
  situation: Situation
  /** The alert's title: "Missing permission: read:organizations". */
  title: string
  /** A few words that fit a table cell: "Needs read:organizations", "Failed (500)", "Timed out". */
  label: string
  /**
   * One line with the facts, for a list, a cell's title or a file:
   * "HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles",
   * "HTTP 500 Internal Server Error — <the API's message>", "Timed out — <message>".
   */
  summary: string
  /** What it means, in a sentence or two; empty when the facts say it all. */
  detail: string
  /** What to do about it; empty when there is nothing to do but wait. */
  nextStep: string
  /** Asking again can change the answer (a later attempt, or after a wait). */
  retryable: boolean
  tone: Tone
  /** The scopes a refusal named (any one would do), when it is about a scope. */
  missingScopes?: readonly string[]
  /** The facts it was made from: status, codes, the API's message, rate-limit headers. */
  view: ErrorView
}

/** Kind first, then status, then errorCode — never the message text. */
function situationOf(view: ErrorView, missingScopes: readonly string[] | undefined): Situation {
  if (view.kind !== 'http') return view.kind
  const status = view.status ?? 0
  if (status === 401) return 'session'
  if (status === 429) return 'rate-limited'
  if (status === 414) return 'query-too-long'
  if (status >= 500) return 'server'
  if (status === 403) return missingScopes ? 'missing-scope' : 'forbidden'
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

const anyOf = (scopes: readonly string[]) => scopes.join(' or ')

/** The label of a failure that is not an HTTP answer, or "Failed (status)". */
const KIND_LABEL: Partial<Record<ErrorView['kind'], string>> = {
  network: 'No connection',
  timeout: 'Timed out',
  malformed: 'Unexpected answer',
  session: 'Session ended',
}

function labelOf(view: ErrorView, scopes: readonly string[] | undefined): string {
  if (scopes?.length) return `Needs ${anyOf(scopes)}`
  return KIND_LABEL[view.kind] ?? `Failed${view.status === undefined ? '' : ` (${view.status})`}`
}

/** "HTTP 403 Forbidden · insufficient_scope — missing …": the facts an admin quotes to support. */
function summaryOf(view: ErrorView, label: string, scopes: readonly string[] | undefined): string {
  if (view.kind === 'unexpected') return view.message
  const what =
    view.kind === 'http' && view.status !== undefined
      ? [`HTTP ${view.status}${view.error ? ` ${view.error}` : ''}`, view.errorCode]
          .filter(Boolean)
          .join(' · ')
      : label
  return `${what} — ${scopes?.length ? `missing ${anyOf(scopes)}` : view.message}`
}

/**
 * Who grants a missing scope, for the mode Orgscope runs in only: the other mode's instruction
 * would send a tenant owner to change a grant that is never checked. Proxy: a permission on
 * Orgscope's API, granted through the admin's role (README, step 1). Direct: a scope on the
 * Management API itself. Either way a new sign-in only helps once granted.
 */
export function describeMissingScopes(
  scopes: readonly string[] | undefined,
  { mode, refused = 'this request' }: Pick<FailureContext, 'mode' | 'refused'> = {},
): { detail: string; nextStep: string } {
  const several = scopes !== undefined && scopes.length > 1
  const named = scopes?.length
    ? scopes.join(', ')
    : `the ${mode === 'proxy' ? 'permission' : 'scope'} this request needs`
  const after = 'Once it is granted, sign in again: only a new token carries it.'
  switch (mode) {
    case 'proxy':
      return {
        detail: `Your access token does not carry ${several ? 'any of the permissions' : 'the permission'} ${named} on Orgscope's API, so Orgscope's proxy refuses ${refused}.`,
        nextStep: `A tenant owner adds ${several ? 'one of ' : ''}${named} to your role on Orgscope's API: Auth0 Dashboard → User Management → Roles → your role → Permissions → Add Permissions, then choose Orgscope's API (README, “Using it with your Auth0 tenant”, step 1). ${after}`,
      }
    case 'direct':
      return {
        detail: `The access token does not carry ${several ? 'any of ' : ''}${named}, so the Management API refuses ${refused}.`,
        nextStep: `A tenant owner grants it in the Auth0 Dashboard: Applications → APIs → Auth0 Management API → Machine to Machine Applications, expand the application Orgscope uses, tick ${several ? 'one of ' : ''}${named} and save. ${after}`,
      }
    case undefined:
      return {
        detail: `The access token does not carry ${several ? 'any of ' : ''}${named}.`,
        nextStep: `A tenant owner can grant it to Orgscope's admins. ${after}`,
      }
  }
}

/** How one situation reads. */
interface Wording {
  tone: Tone
  /** Nothing about the request changes by asking again: the input, the access or the user. */
  final?: boolean
  title: string
  /** What the failure means. */
  detail: string
  /** What to do about it; absent when there is nothing to do but wait. */
  nextStep?: string
}

/** Each situation's wording, from the facts where they change it (a status, an error code). */
const WORDING = {
  'invalid-uri': (_view, { subject = 'user' }) => ({
    tone: 'input',
    final: true,
    title: `The ${subject} id was not a valid path`,
    detail: `The Management API could not read the ${subject} id in the request path, so it did not look the ${subject} up.`,
  }),
  'invalid-query': () => ({
    tone: 'input',
    final: true,
    title: 'The search query is not valid',
    detail: 'The Management API could not run this search.',
    nextStep: 'Edit the query and search again.',
  }),
  'query-too-long': () => ({
    tone: 'input',
    final: true,
    title: 'The search query is too long',
    detail: 'The request was too long for the server.',
    nextStep: 'Shorten the query and search again.',
  }),
  'bad-request': (view) =>
    view.errorCode === 'invalid_paging'
      ? {
          tone: 'input',
          title: 'That page is past what the Management API lists',
          detail: 'Only the first 1,000 results can be listed.',
          nextStep: 'Narrow the search to see the rest.',
        }
      : {
          tone: 'input',
          title: 'The Management API did not accept the request',
          detail: 'The request was not accepted as sent.',
          nextStep: 'Trying again may help if it was built from stale data.',
        },
  session: (view) => ({
    tone: 'access',
    final: true,
    title: 'Your session is no longer accepted',
    detail:
      view.kind === 'session'
        ? 'Orgscope could not renew your sign-in without you.'
        : 'The Management API rejected your access token: it may have expired, been revoked, or been signed with a key the tenant no longer trusts.',
    nextStep: 'Sign in again to continue where you were.',
  }),
  'missing-scope': ({ missingScopes = [] }, context) => ({
    tone: 'access',
    final: true,
    title: missingScopes.length
      ? `Missing permission: ${anyOf(missingScopes)}`
      : 'Missing permission',
    ...describeMissingScopes(missingScopes, context),
  }),
  forbidden: () => ({
    tone: 'access',
    final: true,
    title: 'Access denied',
    detail: 'Your access does not allow this request.',
    nextStep: 'Ask a tenant owner for access.',
  }),
  'not-found': (_view, { subject = 'user' }) =>
    subject === 'organization'
      ? {
          tone: 'info',
          title: 'Organization not found — it may have been deleted',
          detail: 'No organization with this id exists in the tenant.',
          nextStep: 'Check the id, or find the organization again from search.',
        }
      : {
          tone: 'info',
          title: 'User not found — the user may have been deleted',
          detail: 'No user with this id exists in the tenant.',
          nextStep: 'Check the id, or find the user again from search.',
        },
  'rate-limited': () => ({
    tone: 'wait',
    title: 'Rate limited by the Management API',
    detail: 'Too many requests reached the tenant in a short time.',
    nextStep: 'Orgscope tries again by itself once the limit resets.',
  }),
  server: (view) =>
    view.status === 504
      ? {
          tone: 'failure',
          title: "The Management API didn't answer in time",
          detail:
            'The server between Orgscope and the Management API stopped waiting for its answer.',
          nextStep: 'The Management API may be busy; trying again usually helps.',
        }
      : {
          tone: 'failure',
          title:
            view.status === 500
              ? 'The Management API ran into an error'
              : 'The Management API is unavailable right now',
          detail: 'This is a problem on the server side and is usually temporary.',
        },
  'not-api': () => ({
    tone: 'failure',
    title: 'The answer did not come from the Management API',
    detail:
      'Something between Orgscope and the Management API (a proxy or gateway) answered instead.',
    nextStep: 'If this keeps happening, the API address Orgscope is configured with may be wrong.',
  }),
  refused: () => ({
    tone: 'failure',
    title: 'The Management API refused the request',
    detail: 'The request was not accepted.',
  }),
  network: () => ({
    tone: 'failure',
    title: "Can't reach the Management API — check your connection",
    detail:
      'The request got no answer: the network may be down, or the server refused the connection.',
  }),
  timeout: (view) => ({
    tone: 'failure',
    title: `The Management API didn't answer within ${formatDuration(view.timeoutMs ?? 15_000)}`,
    detail: 'The Management API may be busy. Searches on large tenants can take longer.',
  }),
  malformed: () => ({
    tone: 'failure',
    title: "The answer wasn't in the shape Orgscope expects",
    detail:
      'The Management API answered, but not in the documented format, so Orgscope will not guess at it.',
  }),
  unexpected: () => ({
    tone: 'failure',
    title: 'Something went wrong',
    detail: 'Orgscope hit an error it did not expect.',
  }),
} satisfies Record<string, (view: ErrorView, context: FailureContext) => Wording>

/**
 * Describes any thrown value — a ManagementApiError, a token failure, a render error — for the
 * reader. Pure: the same error and context always read the same, wherever they are shown.
 */
export function describeFailure(error: unknown, context: FailureContext = {}): FailureDescription {
  const parsed = describeError(error)
  const view: ErrorView =
    parsed.status === 403 && !parsed.missingScopes?.length && context.scope !== undefined
      ? { ...parsed, missingScopes: [context.scope] }
      : parsed
  const missingScopes =
    view.status === 403 && (view.errorCode === 'insufficient_scope' || view.missingScopes?.length)
      ? (view.missingScopes ?? [])
      : undefined
  const situation = situationOf(view, missingScopes)
  const wording: Wording = WORDING[situation](view, context)
  const { tone, final = false, title, detail, nextStep = '' } = wording
  const label = labelOf(view, missingScopes)
  return {
    situation,
    title,
    label,
    summary: summaryOf(view, label, missingScopes),
    detail,
    nextStep,
    retryable: !final,
    tone,
    ...(missingScopes && { missingScopes }),
    view,
  }
}
