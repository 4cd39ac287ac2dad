import { describeFailure } from '@/lib/management-api/describe-failure'
import { MEMBER_ROLES_SCOPE } from './fetch-member-roles'

/**
 * A failed roles lookup, in the one failure wording (describeFailure): the cell shows `text`
 * (and `detail` for a closer look), the export's `roles_status` is `reason`.
 */
export interface RolesFailureView {
  /** Fits the cell: the description's label, or that it is being tried again. */
  text: string
  /** The description's one-line summary. */
  reason: string
  /** The summary and what to do: the cell's title, and for assistive technology. */
  detail: string
  /** Offer "Retry": only where trying again can change the answer. */
  canRetry: boolean
  /** Set for a 403: the scopes it names (any one would do), so the page can say it once. */
  missingScopes?: readonly string[]
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`)

/**
 * What a row says when its roles lookup failed, or (`retrying`) failed and is waiting to be tried
 * again by the retry policy — a 429 waits for the reset by itself, so it offers no button then.
 * A 403 names the scope (the roles scope when it names none): asking again cannot help.
 */
export function describeRolesFailure(error: unknown, retrying: boolean): RolesFailureView {
  const failure = describeFailure(error, { scope: MEMBER_ROLES_SCOPE })
  const { summary: reason, missingScopes } = failure
  if (missingScopes !== undefined) {
    const detail = `${sentence(reason)} ${failure.nextStep}`
    return { text: failure.label, reason, detail, canRetry: false, missingScopes }
  }
  if (retrying) {
    return {
      text: failure.view.status === 429 ? 'Rate limited, waiting…' : 'Failed, trying again…',
      reason,
      detail: `${sentence(reason)} Trying again by itself.`,
      canRetry: false,
    }
  }
  return { text: failure.label, reason, detail: reason, canRetry: failure.retryable }
}
