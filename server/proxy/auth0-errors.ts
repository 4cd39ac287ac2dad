/**
 * The proxy's own answers, in the Management API's error shape
 * (`{ statusCode, error, message, errorCode?, attributes? }`), so the SPA shows the same state
 * whether it talks to Auth0 or to the proxy. The wording of the token errors is Auth0's, the same
 * as the local tenant's (`local-tenant/management/errors.ts`); a test holds the two together.
 */

export interface Auth0ErrorBody {
  statusCode: number
  /** The HTTP reason phrase. */
  error: string
  message: string
  errorCode?: string
  attributes?: Record<string, string>
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
}

export class Auth0Error extends Error {
  readonly status: number
  readonly errorCode: string | undefined
  readonly attributes: Record<string, string> | undefined

  constructor(
    status: number,
    message: string,
    details: { errorCode?: string; attributes?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'Auth0Error'
    this.status = status
    this.errorCode = details.errorCode
    this.attributes = details.attributes
  }

  get body(): Auth0ErrorBody {
    return {
      statusCode: this.status,
      error: REASON_PHRASES[this.status] ?? 'Error',
      message: this.message,
      ...(this.errorCode !== undefined && { errorCode: this.errorCode }),
      ...(this.attributes !== undefined && { attributes: this.attributes }),
    }
  }
}

// The admin's token, worded as the Management API words it.

export const missingAuthentication = (): Auth0Error => new Auth0Error(401, 'Missing authentication')

export const invalidToken = (): Auth0Error =>
  new Auth0Error(401, 'Invalid token', { attributes: { error: 'Invalid token' } })

export const invalidSignature = (): Auth0Error =>
  new Auth0Error(401, 'Invalid signature received for JSON Web Token validation.')

export const expiredToken = (): Auth0Error =>
  new Auth0Error(401, 'Expired token received for JSON Web Token validation.')

export const badAudience = (audiences: readonly string[]): Auth0Error =>
  new Auth0Error(401, `Bad audience: ${audiences.join(' ')}`)

export const insufficientScope = (anyOf: readonly string[]): Auth0Error =>
  new Auth0Error(403, `Insufficient scope, expected any of: ${anyOf.join(', ')}`, {
    errorCode: 'insufficient_scope',
  })

// The request itself.

/** `property` is the parameter and its description, e.g. `id (ID of the user to retrieve)`. */
export const invalidUri = (problem: string, property: string): Auth0Error =>
  new Auth0Error(400, `Path validation error: '${problem}' on property ${property}.`, {
    errorCode: 'invalid_uri',
  })

export const routeNotFound = (): Auth0Error => new Auth0Error(404, 'Not Found')

export const bodyNotAllowed = (): Auth0Error =>
  new Auth0Error(413, 'This API takes no request body.')

export const uriTooLong = (maxLength: number): Auth0Error =>
  new Auth0Error(414, `The request URI is longer than ${maxLength} characters.`)

export const originNotAllowed = (origin: string | null): Auth0Error =>
  new Auth0Error(403, `Cross-origin requests from ${origin ?? '(no origin)'} are not allowed.`)

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

export const tenantUnreachable = (): Auth0Error =>
  new Auth0Error(502, 'The tenant could not be reached for a Management API token.')

export const signingKeysUnavailable = (): Auth0Error =>
  new Auth0Error(502, "The tenant's signing keys could not be fetched to check the token.")

export const managementTokenRefused = (detail: string): Auth0Error =>
  new Auth0Error(502, `The tenant refused the proxy a Management API token: ${detail}`)

export const internalError = (): Auth0Error =>
  new Auth0Error(500, 'The proxy failed to answer; the error is logged.')
