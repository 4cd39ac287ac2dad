import { queryOptions } from '@tanstack/react-query'
import type { ManagementApi } from '@/lib/management-api/client'
import { emptyListLoad, resumePointOf } from '@/lib/management-api/list-load'
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '@/lib/management-api/list-pager'
import { listQueryOptions } from '@/lib/management-api/list-query'
import type { Member, Organization } from '@/lib/management-api/schemas'
import { fetchMemberRoles } from './fetch-member-roles'
import { fetchMembers } from './fetch-members'
import { fetchMemberships } from './fetch-memberships'
import { addMembersEvent, type Members } from './members'
import { addMembershipsEvent } from './memberships'
import {
  fetchOrganization,
  fetchOrganizationDirectory,
  getOrganization,
} from './organization-directory'

/**
 * Query factory for organizations: keys go from generic to specific, so `['organizations']`
 * invalidates every organizations query. `api` is the session's client (one per signed-in app,
 * like the cache), so it is not part of the key.
 */
export const organizationQueries = {
  all: () => ['organizations'] as const,

  /**
   * A user's memberships, streamed: the data grows page by page (`loadedCount`, `complete`), so
   * the table fills in while the rest loads. Revisiting a complete list within `FRESH_FOR_MS`
   * costs no request; each user has a key of their own, so one user's rows never show for another.
   */
  forUser: (api: ManagementApi, userId: string) =>
    listQueryOptions([...organizationQueries.all(), 'forUser', userId] as const, {
      events: ({ signal, retry, held }) =>
        fetchMemberships(api, userId, {
          signal,
          retry,
          perPage: DEFAULT_PER_PAGE,
          ...(held && { resume: resumePointOf(held) }),
        }),
      reducer: addMembershipsEvent,
      initial: emptyListLoad<Organization>(),
    }),

  /** One organization's record (`GET /organizations/{id}`): the organization page's header. */
  detail: (api: ManagementApi, organizationId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `api` is the session's client, not part of what is fetched (see above)
    queryOptions({
      queryKey: [...organizationQueries.all(), 'detail', organizationId] as const,
      queryFn: ({ signal }) => getOrganization(api, organizationId, { signal }),
    }),

  /**
   * An organization's members with their roles, streamed like a user's memberships (every one,
   * by checkpoint past 1,000). Without read:organization_member_roles they load without roles.
   */
  members: (api: ManagementApi, organizationId: string) =>
    listQueryOptions([...organizationQueries.all(), 'members', organizationId] as const, {
      events: ({ signal, retry, held }) =>
        fetchMembers(api, organizationId, {
          signal,
          retry,
          perPage: DEFAULT_PER_PAGE,
          ...(held && { resume: resumePointOf(held), withoutRoles: 'rolesRefusal' in held }),
        }),
      reducer: addMembersEvent,
      initial: emptyListLoad<Member>() as Members,
    }),

  /**
   * Every organization of the tenant, streamed like `forUser` (one key for the tenant): the
   * search page matches them in memory as pages arrive, and a complete list is reused while fresh.
   */
  directory: (api: ManagementApi) =>
    listQueryOptions([...organizationQueries.all(), 'directory'] as const, {
      events: ({ signal, retry, held }) =>
        fetchOrganizationDirectory(api, {
          signal,
          retry,
          perPage: MAX_PER_PAGE,
          ...(held && { resume: resumePointOf(held) }),
        }),
      reducer: addMembershipsEvent,
      initial: emptyListLoad<Organization>(),
    }),

  /** One organization by id (null: none has it), for an `org_…` typed into the search. */
  byId: (api: ManagementApi, organizationId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `api` is the session's client, not part of what is fetched (see above)
    queryOptions({
      queryKey: [...organizationQueries.all(), 'byId', organizationId] as const,
      queryFn: ({ signal }) => fetchOrganization(api, organizationId, { signal }),
    }),

  /** Every cached roles lookup, of any user. */
  memberRolesAll: () => [...organizationQueries.all(), 'memberRoles'] as const,

  /** Every cached roles lookup of one user: what a refresh of their list refreshes too. */
  memberRolesOf: (userId: string) => [...organizationQueries.memberRolesAll(), userId] as const,

  /** The cache key of one membership's roles, for reading the cache without fetching. */
  memberRolesKey: (userId: string, organizationId: string) =>
    [...organizationQueries.memberRolesOf(userId), organizationId] as const,

  /**
   * The roles `userId` holds in one organization, cached per user and organization. Fetched only
   * while someone looks at the row (see RolesCell): the lookup's signal is the query's, so a row
   * that scrolls away before its turn cancels it. The client's retry policy applies: a 429 waits
   * for the reset and tries again.
   */
  memberRoles: (api: ManagementApi, userId: string, organizationId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `api` is the session's client, not part of what is fetched (see above)
    queryOptions({
      queryKey: organizationQueries.memberRolesKey(userId, organizationId),
      queryFn: ({ signal }) => fetchMemberRoles(api, organizationId, userId, { signal }),
    }),
}
