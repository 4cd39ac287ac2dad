import type { QueryState } from '@tanstack/react-query'
import type { Role } from '@/lib/management-api/schemas'

/** What the roles cache holds for one organization's row. */
export type RolesState =
  | { status: 'loaded'; roles: readonly Role[] }
  /** `retrying`: the retry policy is about to ask again; this failure is the latest answer. */
  | { status: 'failed'; error: unknown; retrying?: boolean }
  | { status: 'loading' }
  | { status: 'not loaded' }

/**
 * Roles on screen are roles in the file: cached data counts even if a later refetch failed. A
 * failure counts while it is being retried, and a lookup on its way counts as asked for: only a
 * row never asked for (or whose lookup was cancelled before any answer) is "not loaded".
 */
export function rolesStateOf(state: QueryState<Role[]> | undefined): RolesState {
  if (state?.data) return { status: 'loaded', roles: state.data }
  if (state?.status === 'error') return { status: 'failed', error: state.error }
  if (state?.fetchFailureReason) {
    return { status: 'failed', error: state.fetchFailureReason, retrying: true }
  }
  if (state?.fetchStatus === 'fetching') return { status: 'loading' }
  return { status: 'not loaded' }
}
