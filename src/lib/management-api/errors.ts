import { hasRateLimitInfo, type RateLimitInfo } from './rate-limit'

export type ManagementApiErrorKind = 'http' | 'network' | 'timeout' | 'malformed'

export interface ManagementApiErrorInit {
  kind: ManagementApiErrorKind
  message: string
  requestPath: string
  receivedAt: Date
  /** HTTP status (also set for `malformed`: the 2xx whose body did not fit). */
  status?: number
  /** The reason phrase, from the body's `error` or the status line. */
  error?: string
  errorCode?: string
  /** True when the failure came with a Management API error body (`{ statusCode, message, … }`). */
  hasApiBody?: boolean
  rateLimit?: RateLimitInfo
  missingScopes?: readonly string[]
  /** Set for `timeout`: how long the client waited. */
  timeoutMs?: number
  /** Extra facts for "Copy details": what did not match the schema, the content type, … */
  detail?: string
  cause?: unknown
}

/**
 * The one error the Management API client throws for anything but a valid 2xx answer.
 * It never holds the access token: `requestPath` is the path and query only.
 */
export class ManagementApiError extends Error {
  override readonly name = 'ManagementApiError'
  readonly kind: ManagementApiErrorKind
  readonly status?: number
  readonly error?: string
  readonly errorCode?: string
  readonly hasApiBody: boolean
  readonly rateLimit?: RateLimitInfo
  readonly missingScopes?: readonly string[]
  readonly requestPath: string
  readonly receivedAt: Date
  readonly timeoutMs?: number
  readonly detail?: string

  constructor(init: ManagementApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.kind = init.kind
    this.status = init.status
    this.error = init.error
    this.errorCode = init.errorCode
    this.hasApiBody = init.hasApiBody ?? false
    this.rateLimit = hasRateLimitInfo(init.rateLimit) ? init.rateLimit : undefined
    this.missingScopes = init.missingScopes
    this.requestPath = init.requestPath
    this.receivedAt = init.receivedAt
    this.timeoutMs = init.timeoutMs
    this.detail = init.detail
  }
}

export function isManagementApiError(value: unknown): value is ManagementApiError {
  return value instanceof ManagementApiError
}

/**
 * The scopes a 403 asks for, from its message. Both forms are accepted:
 * "Insufficient scope; expected any of: read:organizations." (documented) and
 * "Insufficient scope, expected any of: read:clients, read:client_summary" (seen live).
 * The client is the only place that reads a message; components use the parsed list.
 */
export function parseMissingScopes(message: string): string[] | undefined {
  const match = /expected any of:\s*([^]*)$/i.exec(message)
  if (!match?.[1]) return undefined
  const scopes = match[1]
    .split(/[\s,]+/)
    .map((scope) => scope.replace(/\.+$/, ''))
    .filter((scope) => scope.length > 0)
  return scopes.length > 0 ? scopes : undefined
}

export type ErrorViewKind = ManagementApiErrorKind | 'session' | 'unexpected'

/** What the UI needs to show about any thrown value: what a ManagementApiError holds, or less. */
export interface ErrorView extends Partial<Omit<ManagementApiErrorInit, 'kind' | 'cause'>> {
  /**
   * `session`: the access token could not be obtained (auth0-spa-js `login_required`, …).
   * `unexpected`: anything that is not a Management API failure (a render error, a bug).
   */
  kind: ErrorViewKind
  message: string
  hasApiBody: boolean
}

// auth0-spa-js reports a failed token request as an Error with an OAuth `error` code; these
// all mean "the admin has to sign in again".
const SESSION_ERROR_CODES = new Set([
  'login_required',
  'consent_required',
  'interaction_required',
  'missing_refresh_token',
  'invalid_grant',
  'mfa_required',
])

function oauthErrorCode(value: Error): string | undefined {
  const code = (value as Error & { error?: unknown }).error
  return typeof code === 'string' ? code : undefined
}

/** Maps any thrown value (API failure, token failure, render error, a thrown string) to a view. */
export function describeError(value: unknown): ErrorView {
  if (value instanceof ManagementApiError) {
    return {
      kind: value.kind,
      message: value.message,
      status: value.status,
      error: value.error,
      errorCode: value.errorCode,
      hasApiBody: value.hasApiBody,
      rateLimit: value.rateLimit,
      missingScopes: value.missingScopes,
      requestPath: value.requestPath,
      receivedAt: value.receivedAt,
      timeoutMs: value.timeoutMs,
      detail: value.detail,
    }
  }
  if (value instanceof Error) {
    const code = oauthErrorCode(value)
    if (code !== undefined && SESSION_ERROR_CODES.has(code)) {
      return { kind: 'session', message: value.message || code, errorCode: code, hasApiBody: false }
    }
    return {
      kind: 'unexpected',
      message: value.message || value.name || 'An unexpected error occurred.',
      hasApiBody: false,
    }
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return { kind: 'unexpected', message: value, hasApiBody: false }
  }
  return { kind: 'unexpected', message: 'An unexpected error occurred.', hasApiBody: false }
}

/**
 * The plain-text report behind "Copy details": status, error code, message, request path,
 * rate-limit headers and time. Only what the error holds, so never a token.
 */
export function formatErrorDetails(view: ErrorView, copiedAt: Date = new Date()): string {
  const lines = ['Orgscope error details', `Kind: ${view.kind}`]
  if (view.status !== undefined) {
    lines.push(`Status: ${view.status}${view.error ? ` ${view.error}` : ''}`)
  }
  if (view.errorCode) lines.push(`Error code: ${view.errorCode}`)
  lines.push(`Message: ${view.message}`)
  if (view.missingScopes?.length) lines.push(`Missing scopes: ${view.missingScopes.join(', ')}`)
  if (view.detail) lines.push(`Detail: ${view.detail}`)
  if (view.requestPath) lines.push(`Request: GET ${view.requestPath}`)
  const rateLimit = view.rateLimit
  if (rateLimit?.limit !== undefined) lines.push(`X-RateLimit-Limit: ${rateLimit.limit}`)
  if (rateLimit?.remaining !== undefined) {
    lines.push(`X-RateLimit-Remaining: ${rateLimit.remaining}`)
  }
  if (rateLimit?.reset !== undefined) {
    const seconds = Math.floor(rateLimit.reset.getTime() / 1000)
    lines.push(`X-RateLimit-Reset: ${seconds} (${rateLimit.reset.toISOString()})`)
  }
  if (rateLimit?.retryAfterSeconds !== undefined) {
    lines.push(`Retry-After: ${rateLimit.retryAfterSeconds}`)
  }
  lines.push(`Time: ${(view.receivedAt ?? copiedAt).toISOString()}`)
  return lines.join('\n')
}

/**
 * Whether two failures have one cause — the same kind, status and error code — so a page shows
 * one alert for them (whose "Try again" retries both), not one per request that met it.
 */
export function sameCause(a: unknown, b: unknown): boolean {
  const [first, second] = [describeError(a), describeError(b)]
  return (
    first.kind === second.kind &&
    first.status === second.status &&
    first.errorCode === second.errorCode
  )
}
