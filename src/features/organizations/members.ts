import { listLoadReducer, type ListLoad } from '@/lib/management-api/list-load'
import type { Member } from '@/lib/management-api/schemas'
import { sortRows, type SortState as TableSortState } from '@/lib/table-sort'
import type { MembersEvent } from './fetch-members'

/** An organization's members as far as they have loaded. */
export interface Members extends ListLoad<Member> {
  /** Roles were refused (403: the admin lacks read:organization_member_roles): listed without. */
  rolesRefusal?: unknown
}

const addListEvent = listLoadReducer((member: Member) => member.user_id)

/** Folds one event of `fetchMembers` into the members (the streamed query's reducer). */
export function addMembersEvent(state: Members, event: MembersEvent): Members {
  if (event.type === 'rolesRefused') return { ...state, rolesRefusal: event.error }
  return { ...state, ...addListEvent(state, event) }
}

/** What a member row is called: the name, else the email, else the user id. */
export function memberLabel(member: Member): string {
  return member.name?.trim() || member.email?.trim() || member.user_id
}

/** The role filter's value for members who hold no role here. */
export const NO_ROLE = '\u0000none'

/** How many members hold each role (by name, in name order), and how many hold none. */
export interface RoleCounts {
  roles: { name: string; count: number }[]
  none: number
}

export function countRoles(members: readonly Member[]): RoleCounts {
  const counts = new Map<string, number>()
  let none = 0
  for (const member of members) {
    const roles = member.roles ?? []
    if (roles.length === 0) none += 1
    for (const role of roles) counts.set(role.name, (counts.get(role.name) ?? 0) + 1)
  }
  const roles = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { roles, none }
}

/**
 * What the text filter searches in a member — name, email, user id and role names — lowercased
 * once per member and kept while the member is: at 10,000 members a keystroke then costs one
 * `includes` per member instead of four lowercased copies.
 */
const searchTexts = new WeakMap<Member, string>()
function searchTextOf(member: Member): string {
  let text = searchTexts.get(member)
  if (text === undefined) {
    const roles = (member.roles ?? []).map((role) => role.name)
    text = [member.name ?? '', member.email ?? '', member.user_id, ...roles]
      .join('\n')
      .toLowerCase()
    searchTexts.set(member, text)
  }
  return text
}

/**
 * Members matching the text filter (name, email, user id or a role's name, ignoring case) and
 * the role filter (a role's name, or NO_ROLE; undefined for any). No filter: the same array.
 */
export function filterMembers(
  members: readonly Member[],
  text: string,
  role: string | undefined,
): readonly Member[] {
  const needle = text.trim().toLowerCase()
  if (needle === '' && role === undefined) return members
  return members.filter((member) => {
    if (role !== undefined) {
      const roles = member.roles ?? []
      const holds = role === NO_ROLE ? roles.length === 0 : roles.some((r) => r.name === role)
      if (!holds) return false
    }
    return needle === '' || searchTextOf(member).includes(needle)
  })
}

export type MemberSortColumn = 'name' | 'email' | 'userId' | 'roles'
export type MemberSortState = TableSortState<MemberSortColumn>

const SORT_KEYS: Record<MemberSortColumn, (member: Member) => string> = {
  name: memberLabel,
  email: (member) => member.email ?? '',
  userId: (member) => member.user_id,
  roles: (member) => (member.roles ?? []).map((role) => role.name).join(', '),
}

/** The columns a link may name in `?sort=` (see useUrlTableState). */
export const MEMBER_SORT_COLUMNS = Object.keys(SORT_KEYS) as readonly MemberSortColumn[]

/**
 * The role filter in the query string: `?role=Org%20Admin`, and `?role=` (empty) for "No role",
 * which no real role can be called (Auth0 requires a name). Absent: every member.
 */
export const ROLE_PARAM = 'role'
export function roleFromParam(values: readonly string[]): string | undefined {
  const [value] = values
  return value === undefined ? undefined : value === '' ? NO_ROLE : value
}
export function roleToParam(role: string | undefined): readonly string[] {
  return role === undefined ? [] : [role === NO_ROLE ? '' : role]
}

export function sortMembers(members: readonly Member[], sort: MemberSortState): readonly Member[] {
  return sortRows(members, sort, SORT_KEYS, (member) => member.user_id)
}
