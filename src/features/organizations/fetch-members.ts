import type { ManagementApi } from '@/lib/management-api/client'
import { isManagementApiError } from '@/lib/management-api/errors'
import {
  fetchList,
  type FetchListOptions,
  type ListEvent,
  type ListSource,
} from '@/lib/management-api/list-pager'
import { MembersPageSchema, type Member, type MembersPage } from '@/lib/management-api/schemas'

/** What `fields` asks each member for: the four fields a member has, and their roles or not. */
const MEMBER_FIELDS = 'user_id,email,picture,name'

/** An organization's members: `GET /organizations/{id}/members`, paged both ways. */
function membersSource(
  organizationId: string,
  withRoles: boolean,
): ListSource<Member, MembersPage> {
  return {
    path: ['organizations', organizationId, 'members'],
    query: { fields: withRoles ? `${MEMBER_FIELDS},roles` : MEMBER_FIELDS, include_fields: true },
    schema: MembersPageSchema,
    itemsOf: (page) => page.members,
  }
}

/** The members' events, and one more: roles were refused, so the list goes on without them. */
export type MembersEvent = ListEvent<Member> | { type: 'rolesRefused'; error: unknown }

export interface FetchMembersOptions extends FetchListOptions<Member> {
  /** An earlier run found roles refused: ask without them. */
  withoutRoles?: boolean
}

/**
 * Every member of the organization the API will list, with their roles when the admin may read
 * them. `fields=roles` needs read:organization_member_roles on top of read:organization_members:
 * when the first page with roles is refused (403), the members are listed without roles after a
 * `rolesRefused` event — a missing roles permission must not hide the members. A 403 without
 * roles too is the list's own failure.
 */
export async function* fetchMembers(
  api: ManagementApi,
  organizationId: string,
  { withoutRoles = false, ...options }: FetchMembersOptions = {},
): AsyncGenerator<MembersEvent, void, undefined> {
  if (withoutRoles) {
    yield* fetchList(api, membersSource(organizationId, false), options)
    return
  }
  let pages = 0
  try {
    for await (const event of fetchList(api, membersSource(organizationId, true), options)) {
      if (event.type === 'page') pages += 1
      // The first page's refusal is not the list's failure yet: held back until it is known.
      if (event.type === 'failed' && pages === 0 && isRolesRefusal(event.error)) continue
      yield event
    }
    return
  } catch (error) {
    if (pages > 0 || !isRolesRefusal(error)) throw error
    yield { type: 'rolesRefused', error }
  }
  yield* fetchList(api, membersSource(organizationId, false), options)
}

function isRolesRefusal(error: unknown): boolean {
  return isManagementApiError(error) && error.status === 403
}
