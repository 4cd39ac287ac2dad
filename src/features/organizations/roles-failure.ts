import { describeError, type ErrorView } from '@/lib/management-api/errors'
import { MEMBER_ROLES_SCOPE } from './fetch-member-roles'

/**
 * A failed roles lookup, in the one wording the page and the export share: the cell shows `text`
 * (and `detail` for a closer look), the export's `roles_status` is `reason`.
 */
export interface RolesFailureView {
  /** Fits the cell: "Needs read:organization_member_roles", "Failed (500)". */
  text: string
  /**
   * What happened, in one line: "refused: 403 insufficient_scope — missing <scope>",
   * "failed: HTTP 500 Internal Server Error — <the API's message>".
   */
  reason: string
  /** The reason and what to do: the cell's title, and for assistive technology. */
  detail: string
  /** Offer "Retry": only where trying again can change the answer. */
  canRetry: boolean
  /** Set for a 403: the scopes it names (any one would do), so the page can say it once. */
  missingScopes?: readonly string[]
}

/** A 403 names its scopes; a 403 that names none is still the roles scope missing for the admin. */
function missingScopesOf(view: ErrorView): readonly string[] | undefined {
  if (view.status !== 403) return undefined
  return view.missingScopes ?? [MEMBER_ROLES_SCOPE]
}

/** The short name of a failure that is not a 403: what fits the cell. */
function failedText(view: ErrorView): string {
  switch (view.kind) {
    case 'network':
      return 'No connection'
    case 'timeout':
      return 'Timed out'
    case 'malformed':
      return 'Unexpected answer'
    case 'session':
      return 'Session ended'
    case 'http':
    case 'unexpected':
      return `Failed${view.status === undefined ? '' : ` (${view.status})`}`
  }
}

function reasonOf(view: ErrorView, missingScopes: readonly string[] | undefined): string {
  if (missingScopes !== undefined) {
    const code = view.errorCode ?? view.error ?? 'Forbidden'
    return `refused: 403 ${code} — missing ${missingScopes.join(' or ')}`
  }
  const what =
    view.kind === 'http' && view.status !== undefined
      ? `HTTP ${view.status}${view.error ? ` ${view.error}` : ''}`
      : failedText(view).toLowerCase()
  return `failed: ${what} — ${view.message}`
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`)

/**
 * What a row says when its roles lookup failed, or (`retrying`) failed and is waiting to be tried
 * again by the retry policy — a 429 waits for the reset by itself, so it offers no button then.
 * A 403 names the scope: asking again with the same token cannot help.
 */
export function describeRolesFailure(error: unknown, retrying: boolean): RolesFailureView {
  const view = describeError(error)
  const missingScopes = missingScopesOf(view)
  const reason = reasonOf(view, missingScopes)
  if (missingScopes !== undefined) {
    return {
      text: `Needs ${missingScopes.join(' or ')}`,
      reason,
      detail: `${sentence(reason)} A tenant owner can grant it to Orgscope's admins.`,
      canRetry: false,
      missingScopes,
    }
  }
  if (retrying) {
    return {
      text: view.status === 429 ? 'Rate limited, waiting…' : 'Failed, trying again…',
      reason,
      detail: `${sentence(reason)} Trying again by itself.`,
      canRetry: false,
    }
  }
  return { text: failedText(view), reason, detail: reason, canRetry: view.kind !== 'session' }
}
