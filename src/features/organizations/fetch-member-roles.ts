import type { ManagementApi } from '@/lib/management-api/client'
import { MemberRolesPageSchema, type Role } from '@/lib/management-api/schemas'

/** The scope a roles lookup needs; a 403 names it (docs/design.md: name the missing scope). */
export const MEMBER_ROLES_SCOPE = 'read:organization_member_roles'
const ROLES_PER_PAGE = 50
/** The API pages through at most the first 1000 records. */
const MAX_ROLES_PAGES = 1000 / ROLES_PER_PAGE

/**
 * The roles `userId` holds in the organization, in the API's order: every page (a member rarely
 * has more than one), paced like every request by the session's pacer. Throws the client's
 * ManagementApiError on any failure.
 */
export async function fetchMemberRoles(
  api: ManagementApi,
  organizationId: string,
  userId: string,
  { signal }: { signal: AbortSignal },
): Promise<Role[]> {
  const roles: Role[] = []
  for (let page = 0; page < MAX_ROLES_PAGES; page += 1) {
    const { data } = await api.request(
      ['organizations', organizationId, 'members', userId, 'roles'],
      {
        query: { page, per_page: ROLES_PER_PAGE, include_totals: true },
        schema: MemberRolesPageSchema,
        signal,
      },
    )
    roles.push(...data.roles)
    const more =
      data.total === undefined ? data.roles.length === ROLES_PER_PAGE : roles.length < data.total
    if (!more || data.roles.length === 0) break
  }
  return roles
}
