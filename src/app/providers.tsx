import { Auth0Provider } from '@auth0/auth0-react'
import { MantineProvider } from '@mantine/core'
import type { ReactNode } from 'react'
import { onRedirectCallback } from '@/features/auth/return-to'
import type { AppConfig } from './config'
import { cssVariablesResolver, theme } from './theme'
import './mantine-styles'

/**
 * Scopes the admin's token asks for (docs/design.md, Sign-in; part of the outside contract).
 * `read:organization_member_roles` shows each membership's roles (and, with `fields=roles`, each
 * member's on an organization's page); `read:organization_members` lists an organization's
 * members. An admin not granted one still gets the rest, and the page names the missing scope.
 */
export const AUTH_SCOPE =
  'openid profile email read:users read:organizations read:organization_member_roles read:organization_members'

/** Theme and styles only: also wraps the config-error screen, which has no Auth0 to talk to. */
export function ThemeProvider({
  env,
  children,
}: {
  /** `test` turns off transitions and portals, so menus render in place in jsdom. */
  env?: 'default' | 'test'
  children: ReactNode
}) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      // Write all theme variables, not only those that differ from Mantine's defaults: the
      // defaults' stylesheet is not imported (mantine-styles.ts).
      deduplicateCssVariables={false}
      // Follows the system until the admin picks a theme (ColorSchemeToggle).
      defaultColorScheme="auto"
      env={env}
    >
      {children}
    </MantineProvider>
  )
}

/**
 * What the whole app needs, signed in or not: theme → Auth0. The query cache and the API client
 * (`DataProviders`, in data-providers.tsx) sit lower, in the lazily loaded signed-in part.
 */
export function AppProviders({ config, children }: { config: AppConfig; children: ReactNode }) {
  return (
    <ThemeProvider>
      <Auth0Provider
        domain={config.auth0.domain}
        clientId={config.auth0.clientId}
        authorizationParams={{
          redirect_uri: window.location.origin,
          audience: config.auth0.audience,
          scope: AUTH_SCOPE,
        }}
        // Tokens stay in memory (the SDK default, said out loud): never localStorage.
        cacheLocation="memory"
        onRedirectCallback={onRedirectCallback}
      >
        {children}
      </Auth0Provider>
    </ThemeProvider>
  )
}
