import type { FoundUsers } from './found-users'

/**
 * The audit log: one JSON line per lookup an admin made (answered, refused for want of a
 * permission, or failed upstream), for whatever log pipeline reads stdout. It says who looked up
 * whom, how, and what came of it; never a token, never the search query (it is personal data).
 */
export interface AuditEntry {
  /** ISO 8601. */
  time: string
  requestId: string
  admin: { sub: string; email?: string }
  /** The user looked up (decoded), or null for a search. */
  targetUserId: string | null
  /** The organization looked up (decoded); only on organization endpoints. */
  targetOrganizationId?: string
  /** Whom a search found (found-users.ts); only on a search answered 2xx. */
  found?: FoundUsers
  /** The route table's name for the endpoint, e.g. `users.organizations`. */
  endpoint: string
  /** What the admin got: the Management API's status, or the proxy's own. */
  status: number
  durationMs: number
}

/** Where audit lines go: stdout in production (main.ts), an array in tests. */
export type AuditSink = (line: string) => void

export function auditLine(entry: AuditEntry): string {
  return JSON.stringify({ event: 'lookup', ...entry })
}

/** A failure of the proxy itself, for the same sink: what broke, never a request's content. */
export function errorLine(entry: { time: string; requestId: string; error: string }): string {
  return JSON.stringify({ event: 'error', ...entry })
}

/** Something the operator must fix in the tenant's set-up, said once rather than per request. */
export function warningLine(entry: { time: string; warning: string }): string {
  return JSON.stringify({ event: 'warning', ...entry })
}
