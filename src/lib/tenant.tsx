import { createContext, use, useMemo, type ReactNode } from 'react'

/**
 * `proxy`: the admin's token is for Orgscope's own API and the proxy checks its permissions (a
 * tenant owner grants them on a role). `direct`: the token is for the Management API itself and
 * its scopes decide. Derived once from the configuration (config.ts).
 */
export type ApiMode = 'proxy' | 'direct'

/** What pages say about the tenant they show: where the data came from, where to change it. */
export interface Tenant {
  /** The tenant's host, e.g. `travel0.us.auth0.com` (`127.0.0.1:4010` for the local one). */
  domain: string
  /** The tenant in the Auth0 Dashboard; undefined when it cannot be known (then: no links). */
  dashboardUrl: string | undefined
  /** Whom a missing permission is asked of: a role on Orgscope's API, or the token's scopes. */
  mode: ApiMode
}

const TenantContext = createContext<Tenant | null>(null)

export function TenantProvider({
  origin,
  dashboardUrl,
  mode,
  children,
}: Omit<Tenant, 'domain'> & {
  /** The tenant's origin, `https://travel0.us.auth0.com`. */
  origin: string
  children: ReactNode
}) {
  const tenant = useMemo(
    () => ({ domain: new URL(origin).host, dashboardUrl, mode }),
    [origin, dashboardUrl, mode],
  )
  return <TenantContext value={tenant}>{children}</TenantContext>
}

export function useTenant(): Tenant {
  const tenant = use(TenantContext)
  if (!tenant) throw new Error('useTenant() must be used inside <TenantProvider>.')
  return tenant
}
