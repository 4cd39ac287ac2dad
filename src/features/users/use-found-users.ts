import { useQuery } from '@tanstack/react-query'
import type { ManagementApi } from '@/lib/management-api/client'
import type { User } from '@/lib/management-api/schemas'
import { DEFAULT_SEARCH_PER_PAGE, userQueries } from './api'
import { readSearchInput, toUserSearchQuery } from './search-query'

export interface FoundUsers {
  users: readonly User[]
  /** Every match: the search's total, or as many accounts as have the email. */
  total: number
  /** Every account with one exact email: the whole list at once, up to date, with no pages. */
  exact: boolean
}

/**
 * What the box finds for the URL's query. A complete email is looked up exactly
 * (`GET /users-by-email`), which unlike search already knows an account created moments ago;
 * anything else, and Advanced, is searched a page at a time. One of the two queries runs; `query`
 * is that one, for its state, its retry and its freshness; `idle` when there is nothing to find.
 */
export function useFoundUsers(
  api: ManagementApi,
  { q, advanced, page }: { q: string; advanced: boolean; page: number },
) {
  const read = readSearchInput(q)
  const email = !advanced && read.kind === 'email' ? read.email : undefined
  // '' for a complete email too, which leaves the search switched off.
  const lucene = advanced ? q.trim() : toUserSearchQuery(q)
  const searched = useQuery(
    userQueries.search(api, { q: lucene, page, perPage: DEFAULT_SEARCH_PER_PAGE }),
  )
  const lookedUp = useQuery({
    ...userQueries.byEmail(api, email ?? ''),
    enabled: email !== undefined,
  })

  if (email === undefined) {
    const { data } = searched
    const found: FoundUsers | undefined = data && {
      users: data.users,
      total: data.total,
      exact: false,
    }
    return { query: searched, found, idle: lucene === '' }
  }
  const { data } = lookedUp
  const found: FoundUsers | undefined = data && { users: data, total: data.length, exact: true }
  return { query: lookedUp, found, idle: false }
}
