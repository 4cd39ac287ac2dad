import { invalidUri, routeNotFound } from './errors'

/** The Management API endpoints the local tenant serves, with the scope each requires. */
export type ManagementRoute =
  | { name: 'searchUsers'; scope: 'read:users' }
  | { name: 'getUser'; scope: 'read:users'; userId: string }
  | { name: 'listUserOrganizations'; scope: 'read:organizations'; userId: string }

/** Where app.ts mounts the Management API; also where Auth0 serves it. */
const MANAGEMENT_API_BASE_PATH = '/api/v2'

/** The `id` parameter as the API names it in path validation errors. */
export const USER_ID_PROPERTY = {
  getUser: 'id (ID of the user to retrieve)',
  listUserOrganizations: 'id (ID of the user to retrieve the organizations for)',
} as const

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * Resolves a request to a route from the raw pathname, decoding each segment exactly once. User
 * ids hold `|`, `@`, `/` (sent as %2F), `?`, `#`, `%` and any script, so the router's own
 * decoding (which may leave %2F or decode twice) is not trusted with them.
 */
export function resolveRoute(method: string, url: string): ManagementRoute {
  const pathname = new URL(url).pathname
  if (method !== 'GET' || !pathname.startsWith(`${MANAGEMENT_API_BASE_PATH}/`)) {
    throw routeNotFound()
  }
  const raw = pathname.slice(MANAGEMENT_API_BASE_PATH.length + 1).split('/')
  const [resource, rawId, relation, ...rest] = raw
  if (resource === undefined || decodeSegment(resource) !== 'users' || rest.length > 0) {
    throw routeNotFound()
  }
  if (rawId === undefined) return { name: 'searchUsers', scope: 'read:users' }

  let route: ManagementRoute
  const userId = decodeSegment(rawId) ?? ''
  if (relation === undefined) {
    route = { name: 'getUser', scope: 'read:users', userId }
  } else if (decodeSegment(relation) === 'organizations') {
    route = { name: 'listUserOrganizations', scope: 'read:organizations', userId }
  } else {
    throw routeNotFound()
  }
  // Broken percent-encoding and an empty id both fail the API's `^.+$` check on `id`.
  if (userId === '') throw invalidUri(USER_ID_PROPERTY[route.name])
  return route
}
