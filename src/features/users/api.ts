import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ManagementApi } from '@/lib/management-api/client'
import { UserSchema, UsersPageSchema, UsersSchema } from '@/lib/management-api/schemas'

/** Auth0 lets no one page past the first 1000 results of a search (docs/auth0-api.md). */
export const SEARCH_RESULTS_CAP = 1000
/** A page that fits a screen; well under the API's per_page maximum of 100. */
export const DEFAULT_SEARCH_PER_PAGE = 20

export interface UserSearchParams {
  /** Lucene `q` (search_engine=v3), already built: `toUserSearchQuery(input)` or raw Advanced. */
  q: string
  /** 0-based. */
  page: number
  perPage?: number
}

/**
 * Query factory for users: keys go from generic to specific, so `['users']` invalidates every
 * user query and `['users', 'search']` every search. Key and fetcher live together so they cannot
 * drift. `api` is the session's client (one per signed-in app, as is the cache), so it is not part
 * of the key.
 */
export const userQueries = {
  all: () => ['users'] as const,
  searches: () => [...userQueries.all(), 'search'] as const,
  details: () => [...userQueries.all(), 'detail'] as const,

  search: (api: ManagementApi, { q, page, perPage = DEFAULT_SEARCH_PER_PAGE }: UserSearchParams) =>
    queryOptions({
      queryKey: [...userQueries.searches(), { q, page, perPage }],
      queryFn: async ({ signal }) => {
        const response = await api.request(['users'], {
          query: {
            q,
            search_engine: 'v3',
            page,
            per_page: perPage,
            include_totals: true,
          },
          schema: UsersPageSchema,
          signal,
        })
        return response.data
      },
      // Typing a letter more must not blank the list: the last results stay until new ones land.
      placeholderData: keepPreviousData,
      // A blank `q` would list the whole tenant; the idle page shows examples instead.
      enabled: q.trim() !== '',
    }),

  /**
   * Every account with exactly `email` (lowercased by the caller: Auth0 stores emails so and
   * matches them case-sensitively). Unlike search it is immediately consistent, and it is the
   * whole list at once: no paging.
   */
  byEmail: (api: ManagementApi, email: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'byEmail', email],
      queryFn: async ({ signal }) => {
        const response = await api.request(['users-by-email'], {
          query: { email },
          schema: UsersSchema,
          signal,
        })
        return response.data
      },
      // As for a search: the last results stay on screen until the next answer lands.
      placeholderData: keepPreviousData,
    }),

  detail: (api: ManagementApi, userId: string) =>
    queryOptions({
      queryKey: [...userQueries.details(), userId],
      queryFn: async ({ signal }) => {
        // One path segment: the client encodes the id exactly once (`|` → %7C, `/` → %2F).
        const response = await api.request(['users', userId], { schema: UserSchema, signal })
        return response.data
      },
    }),
}

// What other features may use of this one (lint allows no deeper import): the bulk review reads
// pasted entries as the search box does.
export { readSearchInput } from './search-query'
// …and shows the account context a reviewer reads risk from, as the user pages do.
export { connectionLabelOf, parseApiDate } from './user-facts'
export { BlockedBadge } from './components/blocked-badge'
