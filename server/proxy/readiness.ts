import type { TenantKeySet } from './admin-token'
import { Auth0Error, jsonResponse } from './auth0-errors'
import type { ManagementTokenSource } from './management-token'

/**
 * `GET /readyz`, for load balancers: can this replica serve a lookup now? Only with the tenant's
 * signing keys (to check admins' tokens) and a Management API token. Liveness is `/healthz`: the
 * process answers, whatever the tenant does — restarting a replica the tenant cannot serve would
 * not help it.
 *
 * Both come from the caches every lookup uses, so a load balancer asking every few seconds costs
 * the tenant nothing until the keys or the token are due for renewal. Not ready is 503 naming
 * what is missing and why, in words that never hold a secret.
 */
export function createReadinessCheck(options: {
  keys: TenantKeySet
  tokens: ManagementTokenSource
}): () => Promise<Response> {
  return async () => {
    const [keys, token] = await Promise.allSettled([
      options.keys.fresh ? undefined : options.keys.reload(),
      options.tokens.get(),
    ])
    const notReady = {
      ...(keys.status === 'rejected' && {
        signingKeys: "The tenant's signing keys could not be fetched.",
      }),
      ...(token.status === 'rejected' && { managementToken: tokenProblem(token.reason) }),
    }
    return Object.keys(notReady).length === 0
      ? jsonResponse(200, { status: 'ready' })
      : jsonResponse(503, { status: 'not ready', notReady })
  }
}

/** The token source's own words (the tenant's OAuth error, a time-out), never the request. */
function tokenProblem(error: unknown): string {
  return error instanceof Auth0Error ? error.message : 'No Management API token could be obtained.'
}
