/**
 * Auth0's Management API error shape, `{ statusCode, error, message, errorCode?, attributes? }`,
 * and the answers worded the same wherever they come from: the local tenant (standing in for
 * Auth0) and the proxy (answering for it) both build theirs here, so the SPA meets one wording.
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
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * A JSON answer. Headers go in at construction, never `response.headers.set` afterwards: under
 * @hono/node-server a header set after construction is lost when Hono copies the response.
 */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

/** A new response with `headers` added (replacing any of the same name), for the same reason. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) merged.set(name, value)
  return new Response(response.body, { status: response.status, headers: merged })
}

export class Auth0Error extends Error {
  readonly status: number
  readonly errorCode: string | undefined
  readonly attributes: Record<string, string> | undefined
  /** Headers the answer carries besides the body: `Allow` on a 405, `Retry-After` on a 429. */
  readonly headers: Record<string, string>

  constructor(
    status: number,
    message: string,
    details: {
      errorCode?: string
      attributes?: Record<string, string>
      headers?: Record<string, string>
    } = {},
  ) {
    super(message)
    this.name = 'Auth0Error'
    this.status = status
    this.errorCode = details.errorCode
    this.attributes = details.attributes
    this.headers = details.headers ?? {}
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

/** The one place an Auth0Error becomes a response. */
export function errorResponse(error: Auth0Error, headers: Record<string, string> = {}): Response {
  return jsonResponse(error.status, error.body, { ...error.headers, ...headers })
}

// The bearer token, worded as the Management API words it (seen live where known).

export const missingAuthentication = (): Auth0Error => new Auth0Error(401, 'Missing authentication')

export const invalidToken = (): Auth0Error =>
  new Auth0Error(401, 'Invalid token', { attributes: { error: 'Invalid token' } })

export const invalidSignature = (): Auth0Error =>
  new Auth0Error(401, 'Invalid signature received for JSON Web Token validation.')

export const expiredToken = (): Auth0Error =>
  new Auth0Error(401, 'Expired token received for JSON Web Token validation.')

export const badAudience = (audiences: readonly string[]): Auth0Error =>
  new Auth0Error(401, `Bad audience: ${audiences.join(' ')}`)

export const insufficientScope = (...anyOf: readonly string[]): Auth0Error =>
  new Auth0Error(403, `Insufficient scope, expected any of: ${anyOf.join(', ')}`, {
    errorCode: 'insufficient_scope',
  })

// The request.

/** `property` is the parameter and its description, e.g. `id (ID of the user to retrieve)`. */
export const invalidUri = (
  property: string,
  problem = 'String does not match pattern ^.+$',
): Auth0Error =>
  new Auth0Error(400, `Path validation error: '${problem}' on property ${property}.`, {
    errorCode: 'invalid_uri',
  })

export const routeNotFound = (): Auth0Error => new Auth0Error(404, 'Not Found')
