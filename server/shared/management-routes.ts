import { invalidUri, routeNotFound } from './auth0-errors'

/**
 * The Management API GETs Orgscope uses, and nothing else: the one table both servers read. The
 * proxy relays only these (allow-list, audit names, permission check); the local tenant serves
 * only these (its router, its scope check). Query values are validated by the endpoint (the
 * tenant's handlers, Auth0's own), not here; the proxy bounds `from` and `take` itself
 * (proxy/checkpoint-query.ts). The next endpoint slots in as one more entry.
 */
export interface ManagementEndpoint {
  /** What the proxy's audit log calls it. */
  name: string
  /** Below /api/v2; `{name}` is a parameter: exactly one path segment. */
  path: string
  /** Permissions (or scopes), any one of which allows the call. */
  anyOf: readonly string[]
  /** Query parameters passed on; any other is dropped. */
  query: readonly string[]
  /** The answer lists the users found, whom no path names: the proxy audits their ids. */
  findsUsers?: boolean
  /** The parameter holding the user looked up, if any. */
  target?: string
  /** The parameter holding the organization looked up by id, if any. */
  organization?: string
  /** The parameter holding the organization looked up by name (its `name`), if any. */
  organizationName?: string
  /** Each parameter as the API names it in path validation errors. */
  params?: Readonly<Record<string, string>>
  /**
   * Fields an answer holds only when `fields` asks for them, each needing a permission beyond
   * `anyOf` (any one of those listed): a member's roles.
   */
  fieldPermissions?: Readonly<Record<string, readonly string[]>>
}

const PAGING = ['page', 'per_page', 'include_totals'] as const
/** Checkpoint paging, where Auth0 documents it: past the 1,000 records offset paging reaches. */
const CHECKPOINT_PAGING = ['from', 'take'] as const

/** Keyed by the local tenant's name for each endpoint (its handlers and fault records). */
export const MANAGEMENT_ROUTES = {
  searchUsers: {
    name: 'users.search',
    path: 'users',
    anyOf: ['read:users'],
    query: ['q', 'search_engine', ...PAGING, 'sort', 'fields', 'include_fields'],
    findsUsers: true,
  },
  usersByEmail: {
    name: 'users.byEmail',
    path: 'users-by-email',
    anyOf: ['read:users'],
    query: ['email', 'fields', 'include_fields'],
    findsUsers: true,
  },
  getUser: {
    name: 'users.get',
    path: 'users/{id}',
    anyOf: ['read:users'],
    query: ['fields', 'include_fields'],
    target: 'id',
    params: { id: 'id (ID of the user to retrieve)' },
  },
  listUserOrganizations: {
    name: 'users.organizations',
    path: 'users/{id}/organizations',
    anyOf: ['read:organizations'],
    query: [...PAGING, ...CHECKPOINT_PAGING],
    target: 'id',
    params: { id: 'id (ID of the user to retrieve the organizations for)' },
  },
  listOrganizationMemberRoles: {
    name: 'organizations.members.roles',
    path: 'organizations/{org_id}/members/{user_id}/roles',
    anyOf: ['read:organization_member_roles'],
    query: PAGING,
    target: 'user_id',
    organization: 'org_id',
    // The Management API calls the organization `id`; `org_id` here only names it apart.
    params: {
      org_id: 'id (Organization identifier)',
      user_id: 'user_id (ID of the user to associate roles with)',
    },
  },
  getOrganization: {
    name: 'organizations.get',
    path: 'organizations/{id}',
    anyOf: ['read:organizations'],
    query: [],
    organization: 'id',
    params: { id: 'id (ID of the organization to retrieve)' },
  },
  // Before the members: `organizations/name/members` is the organization named "members" (no
  // organization's id is "name": ids start `org_`).
  getOrganizationByName: {
    name: 'organizations.byName',
    path: 'organizations/name/{name}',
    anyOf: ['read:organizations'],
    query: [],
    organizationName: 'name',
    params: { name: 'name (name of the organization to retrieve)' },
  },
  listOrganizations: {
    name: 'organizations.list',
    path: 'organizations',
    anyOf: ['read:organizations'],
    query: [...PAGING, ...CHECKPOINT_PAGING],
  },
  listOrganizationMembers: {
    name: 'organizations.members',
    path: 'organizations/{id}/members',
    anyOf: ['read:organization_members'],
    query: [...PAGING, ...CHECKPOINT_PAGING, 'fields', 'include_fields'],
    organization: 'id',
    params: { id: 'id (Organization identifier)' },
    // "To use this parameter, you must include the read:organization_member_roles scope."
    fieldPermissions: { roles: ['read:organization_member_roles'] },
  },
} as const satisfies Record<string, ManagementEndpoint>

export type ManagementRouteId = keyof typeof MANAGEMENT_ROUTES

const ALL_ROUTES: readonly ManagementEndpoint[] = Object.values(MANAGEMENT_ROUTES)

/** A request on the table, rewritten for the Management API (the proxy relays it so). */
export interface ResolvedRoute {
  route: ManagementEndpoint
  /** Decoded once. */
  params: Record<string, string>
  /** Below the Management API's base, each parameter re-encoded as one segment. */
  upstreamPath: string
  /** Only the allowed parameters. */
  upstreamQuery: URLSearchParams
  /** The decoded id of the user looked up, or null (a search). */
  targetUserId: string | null
  /** The decoded id of the organization looked up, or null (an endpoint about a user alone). */
  targetOrganizationId: string | null
  /** The decoded name of the organization looked up by name, or null (every other endpoint). */
  targetOrganizationName: string | null
  /**
   * What the request needs, one group per check, any one permission of a group passing it: the
   * endpoint's `anyOf`, then one per field asked for that needs its own (`fields=roles`).
   */
  permissions: readonly (readonly string[])[]
}

/** Where the Management API is served, by Auth0, the local tenant and the proxy alike. */
export const API_BASE_PATH = '/api/v2'
/** Longer ids than Auth0 stores; anything longer is a probe, not a user. */
const MAX_ID_LENGTH = 512

/**
 * Resolves a request against the table from its raw (still percent-encoded) pathname: each
 * segment is decoded exactly once, so an id's `/` (%2F), `?`, `#` and `%` stay inside it, and is
 * then sent on re-encoded as one segment. Throws 404 for anything not on the list and 400
 * invalid_uri for a parameter that is empty, not valid percent-encoding, a dot segment, or too
 * long.
 */
export function resolveRoute(
  method: string,
  pathname: string,
  query: URLSearchParams,
  routes: readonly ManagementEndpoint[] = ALL_ROUTES,
): ResolvedRoute {
  const prefix = `${API_BASE_PATH}/`
  if (method !== 'GET' || !pathname.startsWith(prefix)) throw routeNotFound()
  const segments = pathname.slice(prefix.length).split('/')

  for (const route of routes) {
    const template = route.path.split('/')
    const rawParams = matchSegments(template, segments)
    if (rawParams === undefined) continue
    const params: Record<string, string> = {}
    for (const [name, raw] of Object.entries(rawParams)) {
      params[name] = decodeParam(raw, route.params?.[name] ?? name)
    }
    const upstreamSegments = template.map((part) => {
      const name = paramName(part)
      return name === undefined ? part : encodeURIComponent(params[name] ?? '')
    })
    return {
      route,
      params,
      upstreamPath: `/${upstreamSegments.join('/')}`,
      upstreamQuery: allowedQuery(query, route.query),
      targetUserId: route.target === undefined ? null : (params[route.target] ?? null),
      targetOrganizationId:
        route.organization === undefined ? null : (params[route.organization] ?? null),
      targetOrganizationName:
        route.organizationName === undefined ? null : (params[route.organizationName] ?? null),
      permissions: [route.anyOf, ...fieldPermissionsAsked(route, query)],
    }
  }
  throw routeNotFound()
}

/** The raw parameter values if `segments` has the template's shape, literals matched as sent. */
function matchSegments(
  template: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (const [index, part] of template.entries()) {
    const segment = segments[index] ?? ''
    const name = paramName(part)
    if (name !== undefined) params[name] = segment
    else if (segment !== part) return undefined
  }
  return params
}

function paramName(templatePart: string): string | undefined {
  return /^\{(\w+)\}$/.exec(templatePart)?.[1]
}

function decodeParam(raw: string, property: string): string {
  let value: string
  try {
    value = decodeURIComponent(raw)
  } catch {
    // Broken percent-encoding fails the API's own `^.+$` check, as an empty id does.
    value = ''
  }
  if (value === '') throw invalidUri(property)
  // `new URL` folds `..` and `%2e%2e` away (and the route with them): only a raw request target
  // shows them, and an id that is a dot segment could never be sent on as one.
  if (value === '.' || value === '..') {
    throw invalidUri(property, 'Dot segments are not allowed')
  }
  const length = [...value].length
  if (length > MAX_ID_LENGTH) {
    throw invalidUri(property, `String is too long (${length} chars), maximum ${MAX_ID_LENGTH}`)
  }
  return value
}

/**
 * The permissions of the fields `fields` asks for (include_fields true, the default). Read from
 * the query as sent, before anyone validates it: a field listed anywhere counts, unless every
 * include_fields says false, so no spelling of the query gets a field without its permission.
 */
function fieldPermissionsAsked(
  route: ManagementEndpoint,
  query: URLSearchParams,
): (readonly string[])[] {
  const byField = route.fieldPermissions ?? {}
  const includes = query.getAll('include_fields')
  if (includes.length > 0 && includes.every((value) => value === 'false')) return []
  const asked = new Set(
    query.getAll('fields').flatMap((list) => list.split(',').map((field) => field.trim())),
  )
  return Object.entries(byField).flatMap(([field, anyOf]) => (asked.has(field) ? [anyOf] : []))
}

/**
 * The allowed parameters with every value they were sent with, in order: a repeated one reaches
 * the Management API, which refuses it as it would without the proxy.
 */
function allowedQuery(query: URLSearchParams, allowed: readonly string[]): URLSearchParams {
  return new URLSearchParams([...query].filter(([name]) => allowed.includes(name)))
}
