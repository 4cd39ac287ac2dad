import {
  Auth0Context,
  initialContext,
  OAuthError,
  type Auth0ContextInterface,
  type User,
} from '@auth0/auth0-react'
import { QueryClient, type DefaultOptions } from '@tanstack/react-query'
import {
  render,
  type RenderOptions as LibraryRenderOptions,
  type RenderResult,
} from '@testing-library/react'
import { userEvent, type UserEvent } from '@testing-library/user-event'
import { StrictMode, type ReactNode } from 'react'
import { vi, type Mock } from 'vitest'
import { memoryLocation } from 'wouter/memory-location'
import { App } from '@/app/app'
import { rawLocation } from '@/app/location'
import { DataProviders } from '@/app/data-providers'
import { AUTH_SCOPE, ThemeProvider } from '@/app/providers'
import { LocationProvider } from '@/app/router'
import { FRESH_FOR_MS } from '@/lib/freshness'
import { scopeForAdmin } from '../../server/local-tenant/auth/audiences'
import { DEMO_ADMINS, SPA_CLIENT_ID, type TenantAdmin } from '../../server/local-tenant/config'
import { TENANT_API_BASE_URL, TENANT_AUDIENCE, TENANT_ORIGIN, tenant } from './server'

/** Ada: `read:users` and `read:organizations`. */
export const ADA = DEMO_ADMINS[0] as TenantAdmin
/** Sam: `read:users` only — every memberships call is a 403 `insufficient_scope`. */
export const SAM = DEMO_ADMINS[1] as TenantAdmin
/** Rae: `read:users` and `read:organizations`, neither `read:organization_member_roles` nor `read:organization_members`. */
export const RAE = DEMO_ADMINS[2] as TenantAdmin
/** Mo: reads organizations and their members, not the roles in them. */
export const MO = DEMO_ADMINS[3] as TenantAdmin

export interface RenderOptions {
  /** Start here, path and query as in the address bar (encoded): `/users/a%7Cb/organizations`. */
  route?: string
  /** A tenant admin (default Ada), or `null` for a signed-out visitor. */
  signedInAs?: TenantAdmin | null
  /** Anything else about the Auth0 state: `{ isLoading: true }`, `{ error }`. */
  auth?: Partial<Auth0ContextInterface>
  /**
   * Makes getAccessTokenSilently reject, as the SDK does when the tenant session is gone:
   * `new OAuthError('login_required', 'Login required')`.
   */
  tokenError?: Error
  /**
   * Query defaults on top of the test default (`retry: false`): e.g. the app's retry policy,
   * for tests about retries.
   */
  queries?: DefaultOptions['queries']
  /**
   * Render inside React's StrictMode, as `npm start` (main.tsx in development) does: every
   * component mounts, unmounts and mounts again, the remount a lifecycle bug hides behind.
   */
  strict?: boolean
  /**
   * Errors an error boundary caught. React logs them with console.error unless this is given,
   * and a test that logs console.error fails: a test that expects a crash collects it here.
   */
  onCaughtError?: LibraryRenderOptions['onCaughtError']
}

export interface FakeAuth0 {
  loginWithRedirect: Mock<Auth0ContextInterface['loginWithRedirect']>
  logout: Mock<Auth0ContextInterface['logout']>
  /** Resolves to a real token minted by the local tenant for the admin. */
  getAccessTokenSilently: Mock<() => Promise<string>>
}

export interface RenderAppResult extends RenderResult {
  user: UserEvent
  auth: FakeAuth0
  /** The in-memory address bar: `location.history` lists every path visited. */
  location: ReturnType<typeof memoryLocation<unknown>> & { history: string[] }
  queryClient: QueryClient
}

function idTokenUser(admin: TenantAdmin): User {
  return {
    sub: admin.sub,
    name: admin.name,
    email: admin.email,
    email_verified: true,
    ...(admin.picture ? { picture: admin.picture } : {}),
  }
}

/**
 * Stands in for Auth0Provider: the same context the app reads, without the redirect dance (the
 * end-to-end tests cover that against the local tenant). The token is genuine — minted by the
 * local tenant for the admin — so the tenant's signature, audience and scope checks behave
 * exactly as they do for a browser session.
 */
function fakeAuth0(
  admin: TenantAdmin | null,
  overrides: Partial<Auth0ContextInterface>,
  tokenError: Error | undefined,
) {
  let token: Promise<string> | undefined
  // Granted the way /oauth/token grants it for the scopes the app asks for: the OIDC scopes plus
  // the admin's permissions (Auth0 RBAC), which also form the `permissions` claim.
  const mint = (signedIn: TenantAdmin) => {
    const granted = scopeForAdmin(tenant.config, signedIn, TENANT_AUDIENCE, AUTH_SCOPE.split(' '))
    if (!granted) throw new Error(`The test tenant does not know the audience ${TENANT_AUDIENCE}.`)
    return tenant.mintAccessToken({ sub: signedIn.sub, clientId: SPA_CLIENT_ID, ...granted })
  }
  const fakes: FakeAuth0 = {
    loginWithRedirect: vi.fn<Auth0ContextInterface['loginWithRedirect']>(async () => {}),
    logout: vi.fn<Auth0ContextInterface['logout']>(async () => {}),
    getAccessTokenSilently: vi.fn(async () => {
      if (tokenError) throw tokenError
      if (!admin) throw new OAuthError('login_required', 'Login required')
      token ??= mint(admin)
      return token
    }),
  }
  const value: Auth0ContextInterface = {
    ...initialContext,
    isLoading: false,
    isAuthenticated: admin !== null,
    user: admin ? idTokenUser(admin) : undefined,
    error: undefined,
    loginWithRedirect: fakes.loginWithRedirect,
    logout: fakes.logout,
    // The SDK's type is overloaded (a verbose variant returns an object); the app only uses the
    // plain form, which this fake implements.
    getAccessTokenSilently:
      fakes.getAccessTokenSilently as unknown as Auth0ContextInterface['getAccessTokenSilently'],
    ...overrides,
  }
  return { value, fakes }
}

/** The Dashboard address tests expect in "Open in Auth0 Dashboard" links. */
export const TEST_DASHBOARD_URL = 'https://manage.auth0.com/dashboard/us/orgscope-test'

const TEST_CONFIG = {
  auth0: { clientId: SPA_CLIENT_ID },
  apiBaseUrl: TENANT_API_BASE_URL,
  tenantOrigin: TENANT_ORIGIN,
  dashboardUrl: TEST_DASHBOARD_URL,
  // The tokens are minted for the Management API's audience (TENANT_AUDIENCE) and sent straight to
  // it: direct mode, as parseConfig would derive it.
  mode: 'direct' as const,
}

function renderInside(
  content: (queryClient: QueryClient) => ReactNode,
  options: RenderOptions,
): RenderAppResult {
  const {
    route = '/',
    signedInAs = ADA,
    auth = {},
    tokenError,
    queries,
    strict,
    onCaughtError,
  } = options
  const { value, fakes } = fakeAuth0(signedInAs, auth, tokenError)
  // Fresh per test, no retries: a failing request shows its error state at once. Answers stay
  // fresh as long as in the app, so a revisit or a remount behaves as it does there.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: FRESH_FOR_MS, retry: false, ...queries } },
  })
  const location = memoryLocation({ path: route, record: true })

  const tree = (
    <ThemeProvider env="test">
      <Auth0Context.Provider value={value}>
        <LocationProvider location={rawLocation(location)}>{content(queryClient)}</LocationProvider>
      </Auth0Context.Provider>
    </ThemeProvider>
  )
  const result = render(strict ? <StrictMode>{tree}</StrictMode> : tree, { onCaughtError })
  return { ...result, user: userEvent.setup(), auth: fakes, location, queryClient }
}

/**
 * The whole app at `route`, as a browser gets it: the sign-in gate, then the shell and the
 * (lazy) pages — so use `findBy…` for anything past the gate.
 */
export function renderApp(options: RenderOptions = {}): RenderAppResult {
  return renderInside(
    (queryClient) => <App config={TEST_CONFIG} queryClient={queryClient} />,
    options,
  )
}

/**
 * `ui` inside the real providers (theme, router, query cache, Management API client) with a fake
 * Auth0 session, but without the gate and shell. For feature components.
 */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): RenderAppResult {
  return renderInside(
    (queryClient) => (
      <DataProviders config={TEST_CONFIG} queryClient={queryClient}>
        {ui}
      </DataProviders>
    ),
    options,
  )
}
