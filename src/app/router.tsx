import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Router, Switch } from 'wouter'
import { routePatterns } from '@/lib/routes'
import { browserLocation } from './location'

// Lazy pages keep the initial bundle to the shell, the SDKs and the sign-in screen; a signed-out
// visitor never downloads the feature code.
const SearchPage = lazy(() => import('./routes/search-page'))
const UserOrganizationsPage = lazy(() => import('./routes/user-organizations-page'))
const NotFoundPage = lazy(() => import('./routes/not-found-page'))

type Location = typeof browserLocation

/**
 * The router, with locations that hand out raw (still-encoded) paths. Tests pass
 * `rawLocation(memoryLocation(...))`; the app uses the browser's address bar.
 */
export function LocationProvider({
  location = browserLocation,
  children,
}: {
  location?: Location
  children: ReactNode
}) {
  return (
    <Router hook={location.hook} searchHook={location.searchHook}>
      {children}
    </Router>
  )
}

function PageLoading() {
  return (
    <Center py="xl">
      <Loader size="sm" color="gray" role="status" aria-label="Loading page" />
    </Center>
  )
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path={routePatterns.search} component={SearchPage} />
        <Route path={routePatterns.userOrganizations} component={UserOrganizationsPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  )
}
