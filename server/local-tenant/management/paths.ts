import {
  MANAGEMENT_ROUTES,
  resolveRoute as resolveOnTable,
  type ManagementEndpoint,
  type ManagementRouteId,
} from '../../shared/management-routes'

type Endpoint<Id extends ManagementRouteId> = (typeof MANAGEMENT_ROUTES)[Id]
type UserParam<E> = E extends { target: string } ? { userId: string } : unknown
type OrganizationParam<E> = E extends { organization: string }
  ? { organizationId: string }
  : unknown
type OrganizationNameParam<E> = E extends { organizationName: string }
  ? { organizationName: string }
  : unknown
type Route<Id extends ManagementRouteId> = {
  name: Id
  /** Every scope the request needs: the endpoint's, and a field's (`fields=roles`) if asked. */
  scopes: readonly string[]
} & UserParam<Endpoint<Id>> &
  OrganizationParam<Endpoint<Id>> &
  OrganizationNameParam<Endpoint<Id>>

/**
 * A Management API endpoint the local tenant serves (server/shared/management-routes.ts), with
 * the scopes the request requires and its decoded path parameters.
 */
export type ManagementRoute = { [Id in ManagementRouteId]: Route<Id> }[ManagementRouteId]

const IDS = new Map<ManagementEndpoint, ManagementRouteId>(
  Object.entries(MANAGEMENT_ROUTES).map(([id, route]) => [route, id as ManagementRouteId]),
)

/**
 * Resolves a request to a route from the raw pathname, decoding each segment exactly once (the
 * table's rules, as the proxy applies them). User ids hold `|`, `@`, `/` (sent as %2F), `?`, `#`,
 * `%` and any script, so the router's own decoding (which may leave %2F or decode twice) is not
 * trusted with them.
 */
export function resolveRoute(method: string, url: string): ManagementRoute {
  const { pathname, searchParams } = new URL(url)
  const resolved = resolveOnTable(method, pathname, searchParams)
  const {
    route,
    targetUserId: userId,
    targetOrganizationId: organizationId,
    targetOrganizationName: organizationName,
  } = resolved
  return {
    name: IDS.get(route),
    // A token's scopes are the Management API's own: the first of each group names it.
    scopes: resolved.permissions.flatMap((anyOf) => anyOf.slice(0, 1)),
    ...(userId !== null && { userId }),
    ...(organizationId !== null && { organizationId }),
    ...(organizationName !== null && { organizationName }),
  } as ManagementRoute
}
