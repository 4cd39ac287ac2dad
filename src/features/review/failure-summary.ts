import { describeError } from '@/lib/management-api/errors'

/**
 * One line for a failed lookup, the same on screen and in the export: "HTTP 404 Not Found: The user
 * does not exist." — the status and the API's own message, or what the client saw instead.
 */
export function failureSummary(error: unknown): string {
  const view = describeError(error)
  if (view.status === undefined) return view.message
  return `HTTP ${view.status}${view.error ? ` ${view.error}` : ''}: ${view.message}`
}
