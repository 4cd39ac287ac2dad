import { Group } from '@mantine/core'
import type { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ColorSchemeToggle } from '@/components/color-scheme-toggle'
import { PageShell } from '@/components/page-shell'
import { AccountMenu } from '@/features/auth/account-menu'
import type { AppConfig } from './config'
import { DataProviders } from './data-providers'
import { createQueryClient } from './query-client'
import { AppRoutes } from './router'
import { useSearchShortcut } from './use-search-shortcut'

export interface SignedInAppProps {
  config: Pick<AppConfig, 'apiBaseUrl' | 'tenantOrigin' | 'dashboardUrl' | 'mode'>
  /** Tests pass a fresh client without retries. */
  queryClient?: QueryClient
}

/**
 * Everything only a signed-in admin needs: the query cache, the API client, the shell and the
 * routes. Loaded lazily behind the sign-in gate, so the first paint for a signed-out visitor (and
 * the session check for a returning one) does not wait for react-query, zod, the menus' floating-ui
 * or any feature code. The cache lives and dies with the session: signing out drops it.
 */
export default function SignedInApp({ config, queryClient: given }: SignedInAppProps) {
  const [queryClient] = useState(() => given ?? createQueryClient())
  useSearchShortcut()
  return (
    <DataProviders config={config} queryClient={queryClient}>
      <PageShell
        account={
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeToggle />
            <AccountMenu tenantOrigin={config.tenantOrigin} />
          </Group>
        }
      >
        <AppRoutes />
      </PageShell>
    </DataProviders>
  )
}
