import { describeError } from '@/lib/management-api/errors'
import { MEMBER_ROLES_SCOPE } from './fetch-member-roles'

/** A failed roles lookup as its table cell shows it: one short line, the rest in `detail`. */
export interface RolesFailureView {
  /** Fits the cell: "Needs read:organization_member_roles", "Failed (500)". */
  text: string
  /** Status, the API's message and what to do: the cell's title, and for assistive technology. */
  detail: string
  /** Offer "Retry": only where trying again can change the answer. */
  canRetry: boolean
}

/**
 * What a row says when its roles lookup failed, or (`retrying`) failed and is waiting to be tried
 * again by the retry policy — a 429 waits for the reset by itself, so it offers no button then.
 * A 403 names the scope: asking again with the same token cannot help.
 */
export function describeRolesFailure(error: unknown, retrying: boolean): RolesFailureView {
  const view = describeError(error)
  const said = `${view.status === undefined ? '' : `${view.status}: `}${view.message}`
  if (view.status === 403) {
    const scope = view.missingScopes?.join(' or ') ?? MEMBER_ROLES_SCOPE
    return {
      text: `Needs ${scope}`,
      detail: `${said} Roles need the ${scope} scope: a tenant owner can grant it to Orgscope's admins.`,
      canRetry: false,
    }
  }
  if (retrying) {
    return {
      text: view.status === 429 ? 'Rate limited, waiting…' : 'Failed, trying again…',
      detail: `${said} Trying again by itself.`,
      canRetry: false,
    }
  }
  const text =
    view.kind === 'network'
      ? 'No connection'
      : view.kind === 'timeout'
        ? 'Timed out'
        : view.kind === 'malformed'
          ? 'Unexpected answer'
          : view.kind === 'session'
            ? 'Session ended'
            : `Failed${view.status === undefined ? '' : ` (${view.status})`}`
  return { text, detail: said, canRetry: view.kind !== 'session' }
}
