import type { BaseLocationHook, BaseSearchHook } from 'wouter'
import { useBrowserLocation, useSearch as useBrowserSearch } from 'wouter/use-browser-location'

/**
 * wouter runs `decodeURI` over the path and the search string before matching routes and before
 * handing them to components. That is a partial decode (`%7C` → `|` but `%40` stays) and it turns
 * `%25` into `%`, so a later `decodeURIComponent` of a route param decodes `%` twice: the id
 * `a%41` would come out as `aA`, and `a%b` would throw. Escaping every `%` first makes wouter's
 * decode a no-op, so paths, params and search strings reach our code exactly as they appear in the
 * URL, and each consumer decodes exactly once (`decodePathSegment`, `URLSearchParams`).
 */
function shieldEscapes(value: string): string {
  return value.replaceAll('%', '%25')
}

/** Wraps a wouter location (browser or memory) so it hands out raw, still-encoded values. */
export function rawLocation(location: { hook: BaseLocationHook; searchHook: BaseSearchHook }): {
  hook: BaseLocationHook
  searchHook: BaseSearchHook
} {
  const { hook: useBaseLocation, searchHook: useBaseSearch } = location
  const useRawLocation: BaseLocationHook = (...args) => {
    const [path, navigate] = useBaseLocation(...args)
    return [shieldEscapes(path), navigate]
  }
  const useRawSearch: BaseSearchHook = (...args) => shieldEscapes(useBaseSearch(...args))
  return { hook: useRawLocation, searchHook: useRawSearch }
}

export const browserLocation = rawLocation({
  hook: useBrowserLocation,
  searchHook: useBrowserSearch,
})
