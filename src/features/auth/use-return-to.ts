import { useEffect } from 'react'
import { useLocation, useSearch } from 'wouter'
import { returnToFor } from './return-to'

/** Where sign-in should bring the admin back to: the route they are on now. */
export function useReturnTo(): string {
  const [path] = useLocation()
  const search = useSearch()
  return returnToFor(path, search)
}

/**
 * After a failed sign-in the SDK has already read `?error=…&state=…`; left in the address bar, a
 * reload would replay it as a confusing "Invalid state". Replace the entry with the clean route.
 */
export function useClearAuthResponse(active: boolean): void {
  const [path, navigate] = useLocation()
  const search = useSearch()
  const current = search ? `${path}?${search}` : path
  const clean = returnToFor(path, search)
  useEffect(() => {
    if (active && clean !== current) navigate(clean, { replace: true })
  }, [active, clean, current, navigate])
}
