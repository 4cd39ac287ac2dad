import {
  ALL_SCOPES,
  DASHBOARD_API_AUDIENCE,
  managementAudienceOf,
  type TenantAdmin,
  type TenantClient,
  type TenantConfig,
} from '../config'

/** What an access token carries. */
export interface TokenScope {
  audience: string
  scope: string[]
  /** Present for API tokens minted for an admin (Auth0's RBAC `permissions` claim). */
  permissions?: string[]
}

/** Scopes about the signed-in person rather than an API: granted whenever they are asked for. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access'])

export function userinfoAudienceOf(config: Pick<TenantConfig, 'origin'>): string {
  return `${config.origin}/userinfo`
}

/**
 * The APIs this tenant mints tokens for, each with the scopes it defines. The one place to add
 * an API: every grant below follows from this table. The dashboard's API (what the proxy
 * accepts) defines the same permissions as the Management API, so an admin's token looks the
 * same whichever of the two the SPA asks for.
 */
function apiScopesOf(config: TenantConfig, audience: string): readonly string[] | undefined {
  if (audience === managementAudienceOf(config)) return ALL_SCOPES
  if (audience === DASHBOARD_API_AUDIENCE) return ALL_SCOPES
  return undefined
}

export function isKnownAudience(config: TenantConfig, audience: string): boolean {
  return audience === userinfoAudienceOf(config) || apiScopesOf(config, audience) !== undefined
}

/**
 * An admin's token, the way Auth0 RBAC grants it: the requested OIDC scopes, plus those
 * requested API scopes the admin holds (which also form `permissions`). Without an API audience
 * the token is for /userinfo alone. Undefined for an audience the tenant doesn't know.
 */
export function scopeForAdmin(
  config: TenantConfig,
  admin: TenantAdmin,
  audience: string | undefined,
  requested: readonly string[],
): TokenScope | undefined {
  const oidcScopes = requested.filter((scope) => OIDC_SCOPES.has(scope))
  if (audience === undefined || audience === userinfoAudienceOf(config)) {
    return { audience: userinfoAudienceOf(config), scope: oidcScopes }
  }
  const apiScopes = apiScopesOf(config, audience)
  if (!apiScopes) return undefined
  const permissions = requested.filter(
    (scope) => apiScopes.includes(scope) && admin.permissions.includes(scope),
  )
  return { audience, scope: [...oidcScopes, ...permissions], permissions }
}

/**
 * A client-credentials token: the client's granted scopes that the API defines, narrowed to
 * `requested` when the client names any (as Auth0 does). Undefined when the client has no grant
 * for that API. `grantedScopes` is a grant on the Management API alone: a machine-to-machine
 * token for the dashboard's API would let a server pass the proxy's check as if it were an admin.
 */
export function scopeForClient(
  config: TenantConfig,
  client: TenantClient,
  audience: string,
  requested: readonly string[],
): TokenScope | undefined {
  if (audience !== managementAudienceOf(config)) return undefined
  const apiScopes = apiScopesOf(config, audience) ?? []
  const granted = (client.grantedScopes ?? []).filter((scope) => apiScopes.includes(scope))
  if (granted.length === 0) return undefined
  const scope = requested.length > 0 ? granted.filter((s) => requested.includes(s)) : granted
  return { audience, scope }
}

/** A space-separated scope parameter as a list without blanks or repeats. */
export function parseScope(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter(Boolean))]
}
