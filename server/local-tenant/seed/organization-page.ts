import { addMembership } from './memberships'
import { NAMED_USERS } from './named-users'
import { TENANT_ROLES } from './roles'
import type { Organization, User } from './types'

// Organizations for the organization page (`/organizations/{id}`), with fixed ids and names the
// tests and the README name, and a logo, colors and metadata for its header. With the large
// organization (large-organization.ts, 10,000 members) they give the page one member list of each
// size: 3 (one page), 150 (three pages of 50) and 10,000 (checkpoint paging only). Their members
// are users the seed already has, so a person can go user → organization → member → back.

const { member, orgAdmin, supportAgent } = TENANT_ROLES

/**
 * Three members, each with a different number of roles (2, 3 and none), in the order the members
 * list gives them. Sol Solo's one membership is this organization (so his page links here); the
 * other two are generated users who had no organization, picked for their roles, which come
 * from the same place as every member's (seed/roles.ts): by position for Sol, a named user, by a
 * hash for the others. The seed tests check each entry.
 */
export const THREE_MEMBER_ORGANIZATION = {
  id: 'org_threeMembers0001',
  name: 'three-members',
  display_name: 'Three Members',
  memberCount: 3,
  branding: {
    logo_url: 'https://cdn.example.com/logos/three-members.png',
    colors: { primary: '#3b5bdb', page_background: '#f8f9fa' },
  },
  metadata: { plan: 'professional', region: 'eu-central-1', account_manager: 'ada@orgscope.test' },
  members: [
    {
      userId: NAMED_USERS.oneMembership.userId,
      email: NAMED_USERS.oneMembership.email,
      name: NAMED_USERS.oneMembership.name,
      roles: [member.name, orgAdmin.name],
    },
    {
      userId: 'google-oauth2|103832121255508987743',
      email: 'renee.yamamoto@gmail.com',
      name: 'Ren\u00e9e Yamamoto',
      roles: [member.name, orgAdmin.name, supportAgent.name],
    },
    {
      userId: 'google-oauth2|178639299265269704929',
      email: 'carlos.nguyen@gmail.com',
      name: 'Carlos Nguyen',
      roles: [],
    },
  ],
} as const

/**
 * 150 members: the first 150 generated users (in user order), so three pages at the default
 * per_page of 50, and a spread of roles by hash: how many members hold each role, and how many
 * hold none, as the page counts them (the seed tests check these figures).
 */
export const HUNDRED_FIFTY_MEMBER_ORGANIZATION = {
  id: 'org_hundredFifty0001',
  name: 'one-hundred-fifty-members',
  display_name: 'One Hundred Fifty Members',
  memberCount: 150,
  branding: {
    logo_url: 'https://cdn.example.com/logos/one-hundred-fifty-members.png',
    colors: { primary: '#2f9e44', page_background: '#ffffff' },
  },
  metadata: { plan: 'enterprise', region: 'us-east-1', tier: 'platinum', industry: 'finance' },
  // 15 members hold no role, 78 one, 46 two and 11 three.
  membersByRole: {
    Auditor: 35,
    Billing: 48,
    Member: 44,
    'Org Admin': 40,
    'Support Agent': 36,
  },
  membersWithoutRoles: 15,
} as const

function organizationOf({
  id,
  name,
  display_name,
  branding,
  metadata,
}: Organization): Organization {
  return { id, name, display_name, branding, metadata }
}

/**
 * Adds the two organizations and their members to `memberships` (in place): Sol Solo's one
 * membership becomes the three-member organization, and the others join in name order. Takes the
 * generated users (neither named nor scenario users) in user order. Returns the organizations.
 */
export function placeOrganizationPageOrganizations(
  memberships: Map<string, readonly Organization[]>,
  generatedUsers: readonly User[],
): Organization[] {
  const three = organizationOf(THREE_MEMBER_ORGANIZATION)
  const hundredFifty = organizationOf(HUNDRED_FIFTY_MEMBER_ORGANIZATION)
  const [sol, ...others] = THREE_MEMBER_ORGANIZATION.members
  memberships.set(sol.userId, [three])
  for (const { userId } of others) addMembership(memberships, userId, three)
  for (const user of generatedUsers.slice(0, HUNDRED_FIFTY_MEMBER_ORGANIZATION.memberCount)) {
    addMembership(memberships, user.user_id, hundredFifty)
  }
  return [three, hundredFifty]
}
