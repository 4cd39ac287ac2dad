import type { TenantContext } from '../context'
import type { Authorization, AuthorizationCode } from './authorization'
import { HandleStore } from './handle-store'
import { Sessions } from './sessions'

/** Everything an auth endpoint needs: the tenant, plus the sign-in state that lives in memory. */
export interface AuthContext extends TenantContext {
  sessions: Sessions
  codes: HandleStore<AuthorizationCode>
  refreshTokens: HandleStore<Authorization>
}

// Auth0's authorization codes live for a few minutes; five keeps a slow test run honest.
const CODE_TTL_MS = 5 * 60 * 1000

export function createAuthContext(tenant: TenantContext): AuthContext {
  const sessions = new Sessions(tenant.now)
  tenant.faults?.onEndSessions(() => sessions.endAll())
  return {
    ...tenant,
    sessions,
    codes: new HandleStore({ ttlMs: CODE_TTL_MS }),
    refreshTokens: new HandleStore(),
  }
}
