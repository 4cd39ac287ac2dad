/**
 * Auth0's Management API error bodies: `{ statusCode, error, message, errorCode?, attributes? }`.
 * Every error the local tenant answers is a ManagementApiError turned into a Response by
 * `errorResponse`, so the shape cannot drift between endpoints.
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
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

export class ManagementApiError extends Error {
  readonly status: number
  readonly errorCode: string | undefined
  readonly attributes: Record<string, string> | undefined

  constructor(
    status: number,
    message: string,
    details: { errorCode?: string; attributes?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'ManagementApiError'
    this.status = status
    this.errorCode = details.errorCode
    this.attributes = details.attributes
  }

  get body(): Auth0ErrorBody {
    return {
      statusCode: this.status,
      error: REASON_PHRASES[this.status] ?? 'Error',
      message: this.message,
      ...(this.errorCode !== undefined ? { errorCode: this.errorCode } : {}),
      ...(this.attributes !== undefined ? { attributes: this.attributes } : {}),
    }
  }
}

/**
 * Headers go in at construction, never `response.headers.set` afterwards: under
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

/** The one place an error becomes a response. */
export function errorResponse(
  error: ManagementApiError,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(error.status, error.body, headers)
}

// The errors more than one module answers with, worded as Auth0 words them (seen live where known).

export const missingAuthentication = (): ManagementApiError =>
  new ManagementApiError(401, 'Missing authentication')

export const invalidToken = (): ManagementApiError =>
  new ManagementApiError(401, 'Invalid token', { attributes: { error: 'Invalid token' } })

export const invalidSignature = (): ManagementApiError =>
  new ManagementApiError(401, 'Invalid signature received for JSON Web Token validation.')

export const insufficientScope = (...anyOf: string[]): ManagementApiError =>
  new ManagementApiError(403, `Insufficient scope, expected any of: ${anyOf.join(', ')}`, {
    errorCode: 'insufficient_scope',
  })

/** `property` is the parameter and its description, e.g. `id (ID of the user to retrieve)`. */
export const invalidUri = (property: string): ManagementApiError =>
  new ManagementApiError(
    400,
    `Path validation error: 'String does not match pattern ^.+$' on property ${property}.`,
    { errorCode: 'invalid_uri' },
  )

export const invalidQueryString = (message: string): ManagementApiError =>
  new ManagementApiError(400, message, { errorCode: 'invalid_query_string' })

export const invalidPaging = (message: string): ManagementApiError =>
  new ManagementApiError(400, message, { errorCode: 'invalid_paging' })

export const tooManyRequests = (): ManagementApiError =>
  new ManagementApiError(429, 'Global limit has been reached', { errorCode: 'too_many_requests' })

/** GET /users/{id}, as seen live. */
export const userDoesNotExist = (): ManagementApiError =>
  new ManagementApiError(404, 'The user does not exist.', { errorCode: 'inexistent_user' })

/** GET /users/{id}/organizations, as documented: no errorCode. */
export const userNotFound = (): ManagementApiError => new ManagementApiError(404, 'User not found')

export const routeNotFound = (): ManagementApiError => new ManagementApiError(404, 'Not Found')

/** GET /organizations/{id}/…, as SDK tests against real tenants record it: no errorCode. */
export const organizationNotFound = (): ManagementApiError =>
  new ManagementApiError(404, 'No organization found by that id or name')

/**
 * GET /organizations/{id}/members/{user_id}/roles for someone who is not a member. Auth0
 * documents no 404 for this endpoint and no live body is on record: the wording is ours, in the
 * shape of the organization 404 (no errorCode).
 */
export const notAnOrganizationMember = (): ManagementApiError =>
  new ManagementApiError(404, 'The user is not a member of the organization.')
