import { Center, Loader } from '@mantine/core'
import { Suspense, useEffect, type ReactNode } from 'react'
import { matchRoute, Route, Router, Switch, useLocation, useRouter, useSearch } from 'wouter'
import { ErrorBoundary } from '@/components/error-boundary'
import { routePatterns } from '@/lib/routes'
import { browserLocation } from './location'
import { preloadable } from './preloadable'

// Lazy pages keep the initial bundle to the shell, the SDKs and the sign-in screen; the page for
// the address is fetched during the session check (`PreloadCurrentPage`), never blocking it.
const SearchPage = preloadable(() => import('./routes/search-page'))
const UserOrganizationsPage = preloadable(() => import('./routes/user-organizations-page'))
const OrganizationPage = preloadable(() => import('./routes/organization-page'))
const ReviewPage = preloadable(() => import('./routes/review-page'))
const VerifyPage = preloadable(() => import('./routes/verify-page'))
const NotFoundPage = preloadable(() => import('./routes/not-found-page'))

/** The routes, in the order they are matched; anything else is NotFoundPage. */
const PAGES = [
  { pattern: routePatterns.search, page: SearchPage },
  { pattern: routePatterns.userOrganizations, page: UserOrganizationsPage },
  { pattern: routePatterns.organization, page: OrganizationPage },
  { pattern: routePatterns.review, page: ReviewPage },
  { pattern: routePatterns.verify, page: VerifyPage },
]

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

/**
 * Starts downloading the page for the current address (matched as `AppRoutes` matches it), so
 * that it is in memory when the signed-in app first renders: rendered during the session check,
 * it takes the page's download off the way to its data.
 */
export function PreloadCurrentPage() {
  const { parser } = useRouter()
  const [path] = useLocation()
  useEffect(() => {
    const match = PAGES.find(({ pattern }) => matchRoute(parser, pattern, path)[0])
    void (match?.page ?? NotFoundPage).preload()
  }, [parser, path])
  return null
}

/**
 * The page for the address. A page that fails to render (or whose code fails to download) shows
 * the error boundary's panel in place of the page, inside the shell, so the header and sign out
 * stay usable; going to any other address clears the panel and renders that page afresh.
 */
export function AppRoutes() {
  const [path] = useLocation()
  const search = useSearch()
  return (
    <ErrorBoundary resetKey={`${path}?${search}`}>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          {PAGES.map(({ pattern, page }) => (
            <Route key={pattern} path={pattern} component={page} />
          ))}
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </ErrorBoundary>
  )
}
