import type { Organization, User } from './types'

/**
 * One organization with far more members than offset paging reaches (1000), so only checkpoint
 * paging lists them all: 10,000, the design's example total ("10,000 members"), which the
 * organization page shows. Its members are numbered users who belong to it alone, built without the
 * seed's random stream (like the bulk organizations), so adding them moves nothing else in the
 * seed. They come last in an unsorted search, and their emails share no domain with the other
 * users', so searches for the named users find what they found before.
 */
export const LARGE_ORGANIZATION = {
  id: 'org_tenThousand00001',
  name: 'ten-thousand-members',
  display_name: 'Ten Thousand Members',
  memberCount: 10_000,
} as const

/** Dates are fixed, like the rest of the seed's, so it is the same every day. */
const CREATED_AT = '2024-01-15T09:00:00.000Z'

export function buildLargeOrganization(): Organization {
  const { id, name, display_name } = LARGE_ORGANIZATION
  return { id, name, display_name }
}

/** The members, in number order: `Member 00001` … `Member 10000`. Invited, never signed in. */
export function buildLargeOrganizationMembers(): User[] {
  return Array.from({ length: LARGE_ORGANIZATION.memberCount }, (_, index) => {
    const number = String(index + 1).padStart(5, '0')
    const id = `6650a1f0beef${number.padStart(12, '0')}`
    return {
      user_id: `auth0|${id}`,
      email: `member.${number}@members.example.org`,
      email_verified: false,
      name: `Member ${number}`,
      nickname: `member.${number}`,
      picture: 'https://cdn.auth0.com/avatars/me.png',
      identities: [
        {
          connection: 'Username-Password-Authentication',
          provider: 'auth0',
          user_id: id,
          isSocial: false,
        },
      ],
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    }
  })
}
