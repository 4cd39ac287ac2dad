import { Auth0Error } from '../../shared/auth0-errors'

/**
 * The local tenant's error answers: every one is an Auth0Error turned into a Response by the
 * shared `errorResponse`, so the shape cannot drift between endpoints. The errors the proxy words
 * the same way (token, scope, path) live in `server/shared/auth0-errors.ts`.
 */
export * from '../../shared/auth0-errors'

// Answers of the tenant's own endpoints, worded as Auth0 words them (seen live where known).

export const invalidQueryString = (message: string): Auth0Error =>
  new Auth0Error(400, message, { errorCode: 'invalid_query_string' })

export const invalidPaging = (message: string): Auth0Error =>
  new Auth0Error(400, message, { errorCode: 'invalid_paging' })

/** A 500 from the tenant (the fault switches' and scenarios' failures): no errorCode. */
export const internalServerError = (): Auth0Error =>
  new Auth0Error(500, 'An internal server error occurred.')

export const tooManyRequests = (): Auth0Error =>
  new Auth0Error(429, 'Global limit has been reached', { errorCode: 'too_many_requests' })

/** GET /users/{id}, as seen live. */
export const userDoesNotExist = (): Auth0Error =>
  new Auth0Error(404, 'The user does not exist.', { errorCode: 'inexistent_user' })

/** GET /users/{id}/organizations, as documented: no errorCode. */
export const userNotFound = (): Auth0Error => new Auth0Error(404, 'User not found')

/**
 * GET /organizations/{id} and the paths below it, as auth0.net's integration tests against real
 * tenants record it (no errorCode on record; none sent).
 */
export const organizationNotFound = (): Auth0Error =>
  new Auth0Error(404, 'No organization found by that id or name')

/**
 * GET /organizations/{id}/members/{user_id}/roles for someone who is not a member. Auth0
 * documents no 404 for this endpoint and no live body is on record: the wording is ours, in the
 * shape of the organization 404 (no errorCode).
 */
export const notAnOrganizationMember = (): Auth0Error =>
  new Auth0Error(404, 'The user is not a member of the organization.')
