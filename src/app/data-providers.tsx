import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ManagementApiProvider } from '@/features/auth/management-api-context'
import { SignInAgainProvider } from '@/features/auth/sign-in-again-provider'
import { TenantProvider } from '@/lib/tenant'
import type { AppConfig } from './config'

/**
 * Server state, the API client, what pages say about the tenant, and the failure alerts' "Sign in
 * again". Needs an Auth0 context above it (the real Auth0Provider, or a test's
 * Auth0Context.Provider) for the token seam, and the router for the page to come back to. A module
 * of its own so react-query, zod and the API client stay out of the first bundle: only the lazily
 * loaded signed-in part imports it.
 */
export function DataProviders({
  config,
  queryClient,
  children,
}: {
  config: Pick<AppConfig, 'apiBaseUrl' | 'tenantOrigin' | 'dashboardUrl' | 'mode'>
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ManagementApiProvider baseUrl={config.apiBaseUrl}>
        <TenantProvider
          origin={config.tenantOrigin}
          dashboardUrl={config.dashboardUrl}
          mode={config.mode}
        >
          <SignInAgainProvider>{children}</SignInAgainProvider>
        </TenantProvider>
      </ManagementApiProvider>
    </QueryClientProvider>
  )
}
