import type { TenantData } from '../seed/seed'
import { invalidQueryString, jsonResponse, userDoesNotExist } from './errors'
import { pageOf, readPaging } from './paging'
import { queryValidationError, readSingle } from './query-params'
import { parseLuceneQuery, SearchSyntaxError } from './search/lucene-query'
import { compileUserQuery, type UserPredicate } from './search/user-matcher'
import { readProjection, readSort } from './user-fields'

const SEARCH_PAGING_CAP =
  'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation'

function readSearch(params: URLSearchParams): UserPredicate {
  const engine = readSingle(params, 'search_engine', 'The version of the search engine')
  if (engine !== undefined && engine !== 'v3') {
    throw queryValidationError(
      'search_engine',
      'The version of the search engine',
      `No enum match for: "${engine}"`,
    )
  }
  const q = readSingle(params, 'q', 'Query in Lucene query string syntax.') ?? ''
  try {
    return compileUserQuery(parseLuceneQuery(q))
  } catch (error) {
    if (error instanceof SearchSyntaxError)
      throw invalidQueryString(`Invalid query: ${error.message}`)
    throw error
  }
}

/**
 * GET /api/v2/users: search (q, search_engine=v3), sort, fields, and paging capped at 1000. Users
 * not yet indexed are never found, as on Auth0 right after an account is created.
 */
export function searchUsers(data: TenantData, params: URLSearchParams): Response {
  const paging = readPaging(params, SEARCH_PAGING_CAP)
  const compare = readSort(params)
  const project = readProjection(params)
  const matches = data.users
    .filter(readSearch(params))
    .filter((user) => !data.notYetIndexed.has(user.user_id))
  if (compare) matches.sort(compare)
  const users = pageOf(matches, paging).map(project)
  return jsonResponse(
    200,
    paging.includeTotals
      ? {
          start: paging.start,
          limit: paging.perPage,
          length: users.length,
          total: matches.length,
          users,
        }
      : users,
  )
}

/** GET /api/v2/users/{id} */
export function getUser(data: TenantData, userId: string, params: URLSearchParams): Response {
  const project = readProjection(params)
  const user = data.usersById.get(userId)
  if (!user) throw userDoesNotExist()
  return jsonResponse(200, project(user))
}

const EMAIL_DESCRIPTION = 'Email address to search for (case-sensitive).'
/** Something at something dotted: the shape of an address, not a check that it exists. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * GET /api/v2/users-by-email: every account with exactly that email, as a bare array (`[]` for
 * none). Exact and case-sensitive, as documented (Auth0 stores the emails it holds in lower
 * case); immediately consistent, unlike search. The 400s are worded in the API's query-validation
 * style; Auth0's own words for them are not on record.
 */
export function usersByEmail(data: TenantData, params: URLSearchParams): Response {
  const email = readSingle(params, 'email', EMAIL_DESCRIPTION)
  if (email === undefined) {
    throw invalidQueryString("Query validation error: 'Missing required property: email'.")
  }
  if (!EMAIL_PATTERN.test(email)) {
    throw queryValidationError(
      'email',
      EMAIL_DESCRIPTION,
      `Object didn't pass validation for format email: ${email}`,
    )
  }
  const project = readProjection(params)
  return jsonResponse(200, data.users.filter((user) => user.email === email).map(project))
}
