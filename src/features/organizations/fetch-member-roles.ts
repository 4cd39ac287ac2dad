import type { ManagementApi } from '@/lib/management-api/client'
import { MemberRolesPageSchema, type Role } from '@/lib/management-api/schemas'
import { createRequestPool, type RequestPool } from './request-pool'

/** The scope a roles lookup needs; a 403 names it (docs/design.md: name the missing scope). */
export const MEMBER_ROLES_SCOPE = 'read:organization_member_roles'
/** Roles lookups in flight at once, at most: a screenful of rows, a few at a time. */
const MAX_ROLES_CONCURRENCY = 4
const ROLES_PER_PAGE = 50
/** The API pages through at most the first 1000 records. */
const MAX_ROLES_PAGES = 1000 / ROLES_PER_PAGE

// One pool per API client (per signed-in session): every row's lookup shares its concurrency and
// its rate gate, which learns the tenant's bucket from each answer and closes on a 429.
const pools = new WeakMap<ManagementApi, RequestPool>()

function rolesPoolOf(api: ManagementApi): RequestPool {
  let pool = pools.get(api)
  if (!pool) {
    pool = createRequestPool({ concurrency: MAX_ROLES_CONCURRENCY })
    pools.set(api, pool)
  }
  return pool
}

/**
 * The roles `userId` holds in the organization, in the API's order: every page (a member rarely
 * has more than one), each through the session's roles pool. Throws the client's
 * ManagementApiError on any failure.
 */
export async function fetchMemberRoles(
  api: ManagementApi,
  organizationId: string,
  userId: string,
  { signal }: { signal: AbortSignal },
): Promise<Role[]> {
  const pool = rolesPoolOf(api)
  const roles: Role[] = []
  for (let page = 0; page < MAX_ROLES_PAGES; page += 1) {
    const { data } = await pool.run(signal, () =>
      api.request(['organizations', organizationId, 'members', userId, 'roles'], {
        query: { page, per_page: ROLES_PER_PAGE, include_totals: true },
        schema: MemberRolesPageSchema,
        signal,
      }),
    )
    roles.push(...data.roles)
    const more =
      data.total === undefined ? data.roles.length === ROLES_PER_PAGE : roles.length < data.total
    if (!more || data.roles.length === 0) break
  }
  return roles
}
