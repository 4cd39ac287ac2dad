import type { TenantData, User } from '../seed/seed'
import { organizationNotFound } from './errors'
import { readFieldSelection, selectFields } from './field-selection'
import { listPageResponse, readListPaging } from './list-paging'
import { rolesInMembership } from './organization-member-roles'

/** The reference's rule for `fields` on this endpoint: the five fields a member has. */
const MEMBER_FIELDS =
  /^((user_id)|(email)|(picture)|(name)|(roles))(,((user_id)|(email)|(picture)|(name)|(roles)))*$/

/**
 * GET /api/v2/organizations/{id}/members: each member as `{ user_id, email, picture, name }`
 * (unset ones absent), paged like the organization lists under `members`. Roles come only when
 * `fields` names them (include_fields true): the member's directly assigned roles as
 * `[{ id, name }]`, from the same place as the member-roles endpoint; the route table asks for
 * read:organization_member_roles then. The query is checked first, then the organization.
 */
export function listOrganizationMembers(
  data: TenantData,
  organizationId: string,
  params: URLSearchParams,
  checkpointPaging: boolean,
): Response {
  const paging = readListPaging(params, checkpointPaging)
  const selection = readFieldSelection(params, MEMBER_FIELDS)
  const withRoles = selection.include && selection.fields.has('roles')
  if (!data.organizationsById.has(organizationId)) throw organizationNotFound()

  const asMember = (user: User) => {
    const { user_id, email, picture, name } = user
    const roles = withRoles ? rolesInMembership(data, organizationId, user_id) : undefined
    return selectFields(
      {
        user_id,
        ...(email !== undefined && { email }),
        ...(picture !== undefined && { picture }),
        ...(name !== undefined && { name }),
        ...(roles && { roles: roles.map((role) => ({ id: role.id, name: role.name })) }),
      },
      selection,
    )
  }
  return listPageResponse(
    data.membersByOrganizationId.get(organizationId) ?? [],
    paging,
    'members',
    {
      idOf: (user) => user.user_id,
      render: (page) => page.map(asMember),
    },
  )
}
