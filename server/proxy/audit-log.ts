import type { FoundUsers } from './found-users'
import type { RequestIds } from './request-id'

/**
 * The audit log: one JSON line per lookup an admin made (answered, refused for want of a
 * permission, or failed upstream), for whatever log pipeline reads stdout. It says who looked up
 * whom, how, and what came of it; never a token, never the search query (it is personal data).
 */
export interface AuditEntry extends RequestIds {
  /** ISO 8601. */
  time: string
  admin: { sub: string; email?: string }
  /** The user looked up (decoded), or null for a search. */
  targetUserId: string | null
  /** The organization looked up (decoded); only on organization endpoints. */
  targetOrganizationId?: string
  /** The organization looked up by name (decoded); only on `organizations/name/{name}`. */
  targetOrganizationName?: string
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

/**
 * A countersignature the proxy made (countersigner.ts): who asked, over which hash, with which
 * key. The hash is of an evidence pack, not personal data; the signature itself is not logged
 * (the admin keeps it, and the key can make it again only with the same time).
 */
export interface CountersignEntry extends RequestIds {
  /** ISO 8601: the `signedAt` the signature carries. */
  time: string
  admin: { sub: string; email?: string }
  sha256: string
  kid: string
}

export function countersignLine(entry: CountersignEntry): string {
  return JSON.stringify({ event: 'countersign', ...entry })
}

/**
 * A request turned away before any lookup: no token or a bad one, a path off the allow-list,
 * a request the proxy takes no part of. Rate-limited (log-limiter.ts): anyone can send these.
 */
export interface SecurityEntry extends RequestIds {
  time: string
  /** Only once the token was checked (a refused path). */
  admin?: { sub: string; email?: string }
  method: string
  /** Capped and redacted: the caller chose it. Never the query. */
  path: string
  status: number
  /** Which check turned it away. */
  reason: SecurityReason
  /** The message the caller got. */
  message: string
}

export type SecurityReason = 'token' | 'path' | 'request'

export function securityLine(entry: SecurityEntry): string {
  return JSON.stringify({ event: 'security', ...entry })
}

/** How many security lines of one reason the rate limit held back. */
export function suppressedLine(entry: { time: string; reason: string; suppressed: number }) {
  return JSON.stringify({ event: 'security', ...entry })
}

/** A failure of the proxy itself, for the same sink: what broke, never a request's content. */
export function errorLine(entry: RequestIds & { time: string; error: string }): string {
  return JSON.stringify({ event: 'error', ...entry })
}

/** Something the operator must fix in the tenant's set-up, said once rather than per request. */
export function warningLine(entry: { time: string; warning: string }): string {
  return JSON.stringify({ event: 'warning', ...entry })
}
