import type { User } from '../../seed/seed'

/**
 * The user fields the local tenant can search, and how each is read and compared. Auth0's v3
 * search compares whole values (keyword fields, not tokenized text): `name:jane` matches a user
 * named exactly "jane", `name:jane*` one whose name starts with it. The normalized profile fields
 * ignore case; every other field is case-sensitive, as Auth0 documents.
 */
export interface SearchFieldDefinition {
  caseInsensitive: boolean
  /** Takes only `true` / `false`. */
  isBoolean: boolean
  /** Every value the field has on this user (none when absent; several for identities). */
  read: (user: User) => readonly string[]
}

const text = (read: (user: User) => string | undefined, caseInsensitive: boolean) => ({
  caseInsensitive,
  isBoolean: false,
  read: (user: User) => {
    const value = read(user)
    return value === undefined ? [] : [value]
  },
})

const flag = (read: (user: User) => boolean | undefined): SearchFieldDefinition => ({
  caseInsensitive: false,
  isBoolean: true,
  read: (user) => {
    const value = read(user)
    return value === undefined ? [] : [String(value)]
  },
})

export const SEARCH_FIELDS = {
  email: text((user) => user.email, true),
  'email.domain': text((user) => user.email?.slice(user.email.lastIndexOf('@') + 1), true),
  name: text((user) => user.name, true),
  nickname: text((user) => user.nickname, true),
  given_name: text((user) => user.given_name, true),
  family_name: text((user) => user.family_name, true),
  user_id: text((user) => user.user_id, false),
  'identities.connection': {
    caseInsensitive: false,
    isBoolean: false,
    read: (user) => user.identities.map((identity) => identity.connection),
  },
  'identities.provider': {
    caseInsensitive: false,
    isBoolean: false,
    read: (user) => user.identities.map((identity) => identity.provider),
  },
  // Like Elasticsearch, an absent flag matches neither value: "not blocked" is `NOT blocked:true`.
  email_verified: flag((user) => user.email_verified),
  blocked: flag((user) => user.blocked),
} satisfies Record<string, SearchFieldDefinition>

export type SearchField = keyof typeof SEARCH_FIELDS

/** The fields a term without `field:` is looked up in. */
export const BARE_TERM_FIELDS: readonly SearchField[] = ['email', 'name', 'nickname', 'user_id']

export function isSearchField(name: string): name is SearchField {
  return Object.hasOwn(SEARCH_FIELDS, name)
}
