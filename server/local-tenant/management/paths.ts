import { invalidUri, routeNotFound } from './errors'

/** The Management API endpoints the local tenant serves, with the scope each requires. */
export type ManagementRoute =
  | { name: 'searchUsers'; scope: 'read:users' }
  | { name: 'getUser'; scope: 'read:users'; userId: string }
  | { name: 'listUserOrganizations'; scope: 'read:organizations'; userId: string }
  | {
      name: 'listOrganizationMemberRoles'
      scope: 'read:organization_member_roles'
      organizationId: string
      userId: string
    }

/** Where app.ts mounts the Management API; also where Auth0 serves it. */
const MANAGEMENT_API_BASE_PATH = '/api/v2'

/** The `id` parameter as the API names it in path validation errors. */
export const USER_ID_PROPERTY = {
  getUser: 'id (ID of the user to retrieve)',
  listUserOrganizations: 'id (ID of the user to retrieve the organizations for)',
} as const

/** The path parameters of GET /organizations/{id}/members/{user_id}/roles, named the same way. */
const MEMBER_ROLES_PROPERTY = {
  organizationId: 'id (Organization identifier)',
  userId: 'user_id (ID of the user to associate roles with)',
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
  if (raw[0] !== undefined && decodeSegment(raw[0]) === 'organizations') {
    return resolveOrganizationRoute(raw.slice(1))
  }
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

/** `{id}/members/{user_id}/roles` below /organizations: the one organization route served. */
function resolveOrganizationRoute(segments: readonly string[]): ManagementRoute {
  const [rawOrganizationId, members, rawUserId, roles, ...rest] = segments
  if (
    rawOrganizationId === undefined ||
    rawUserId === undefined ||
    members === undefined ||
    decodeSegment(members) !== 'members' ||
    roles === undefined ||
    decodeSegment(roles) !== 'roles' ||
    rest.length > 0
  ) {
    throw routeNotFound()
  }
  const organizationId = decodeSegment(rawOrganizationId) ?? ''
  const userId = decodeSegment(rawUserId) ?? ''
  if (organizationId === '') throw invalidUri(MEMBER_ROLES_PROPERTY.organizationId)
  if (userId === '') throw invalidUri(MEMBER_ROLES_PROPERTY.userId)
  return {
    name: 'listOrganizationMemberRoles',
    scope: 'read:organization_member_roles',
    organizationId,
    userId,
  }
}
