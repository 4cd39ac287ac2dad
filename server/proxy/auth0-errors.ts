import { Auth0Error } from '../shared/auth0-errors'

/**
 * The proxy's own answers, in the Management API's error shape, so the SPA shows the same state
 * whether it talks to Auth0 or to the proxy. Those Auth0 words the same everywhere (token, scope,
 * path) come from `server/shared/auth0-errors.ts`; these are the proxy's alone.
 */
export * from '../shared/auth0-errors'

// The request itself.

export const methodNotAllowed = (method: string, allowed: readonly string[]): Auth0Error =>
  new Auth0Error(405, `Method ${method} is not allowed here: only ${allowed.join(', ')}.`, {
    headers: { Allow: allowed.join(', ') },
  })

export const bodyNotAllowed = (): Auth0Error =>
  new Auth0Error(413, 'This API takes no request body.')

export const uriTooLong = (maxLength: number): Auth0Error =>
  new Auth0Error(414, `The request URI is longer than ${maxLength} characters.`)

export const originNotAllowed = (origin: string | null): Auth0Error =>
  new Auth0Error(403, `Cross-origin requests from ${origin ?? '(no origin)'} are not allowed.`)

/** Without the claim the proxy cannot tell what the admin may read (admin-token.ts). */
export const permissionsClaimMissing = (): Auth0Error =>
  new Auth0Error(
    403,
    'The access token carries no permissions claim: an owner must enable RBAC and "Add Permissions in the Access Token" on Orgscope\'s API in the Auth0 Dashboard.',
  )

// Upstream: the tenant behind the proxy.

export const upstreamTimeout = (timeoutMs: number): Auth0Error =>
  new Auth0Error(504, `The Management API did not answer within ${timeoutMs / 1000} s.`)

export const upstreamUnreachable = (): Auth0Error =>
  new Auth0Error(502, 'The Management API could not be reached.')

export const upstreamRedirected = (): Auth0Error =>
  new Auth0Error(
    502,
    'The Management API answered with a redirect, which the proxy does not follow.',
  )

export const upstreamStatusUndefined = (status: number): Auth0Error =>
  new Auth0Error(
    502,
    `The Management API answered with HTTP status ${status}, which HTTP does not define.`,
  )

export const upstreamTooLarge = (maxBytes: number): Auth0Error =>
  new Auth0Error(
    502,
    `The Management API answered with more than ${maxBytes / 1024 / 1024} MiB, which the proxy does not relay.`,
  )

export const tenantUnreachable = (): Auth0Error =>
  new Auth0Error(502, 'The tenant could not be reached for a Management API token.')

export const signingKeysUnavailable = (): Auth0Error =>
  new Auth0Error(502, "The tenant's signing keys could not be fetched to check the token.")

/** Auth0's token endpoint answered 429: the SPA waits as it would for the Management API's. */
export const tokenEndpointRateLimited = (retryAfterSeconds: number): Auth0Error =>
  new Auth0Error(
    429,
    `The tenant is rate limiting the proxy's requests for a Management API token; try again in ${retryAfterSeconds} s.`,
    { headers: { 'Retry-After': String(retryAfterSeconds) } },
  )

export const managementTokenRefused = (detail: string): Auth0Error =>
  new Auth0Error(502, `The tenant refused the proxy a Management API token: ${detail}`)

export const internalError = (): Auth0Error =>
  new Auth0Error(500, 'The proxy failed to answer; the error is logged.')

// The countersignature's request body (countersign-request.ts): the proxy's only body.

export const invalidBody = (message: string): Auth0Error =>
  new Auth0Error(400, `Payload validation error: ${message}`, { errorCode: 'invalid_body' })

export const bodyTooLarge = (maxBytes: number): Auth0Error =>
  new Auth0Error(413, `The request body is larger than ${maxBytes} bytes.`)

export const unsupportedMediaType = (): Auth0Error =>
  new Auth0Error(415, 'The request body must be JSON (Content-Type: application/json).')
