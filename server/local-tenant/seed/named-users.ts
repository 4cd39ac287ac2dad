/**
 * Users with fixed ids, emails and membership counts. The e2e tests and the README name them, so
 * change one only together with its users. Everything else in the seed is generated.
 *
 * `memberships` is the true number of organizations the user belongs to (what `total` reports).
 */
export interface NamedUser {
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly memberships: number
  /**
   * Not in the search index yet: Auth0's user search is eventually consistent, so an account
   * created moments ago is not found by `GET /users?q=` for a while. Every other lookup (by id,
   * by email, its memberships) sees it at once.
   */
  readonly notYetIndexed?: true
}

export const NAMED_USERS = {
  /** No organizations at all: the "No organizations" state. */
  noMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000000000',
    email: 'nobody@example.com',
    name: 'Nora Nobody',
    memberships: 0,
  },
  oneMembership: {
    userId: 'auth0|6650a1f0c0ffee0000000001',
    email: 'solo@example.com',
    name: 'Sol Solo',
    memberships: 1,
  },
  threeMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000000003',
    email: 'trio@example.com',
    name: 'Tess Trio',
    memberships: 3,
  },
  /** Three pages at the default per_page of 50. */
  manyMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000000150',
    email: 'many@example.com',
    name: 'Manny Many',
    memberships: 150,
  },
  /** Exactly the 1000 records the API lets anyone page through. */
  thousandMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000001000',
    email: 'thousand@example.com',
    name: 'Theo Thousand',
    memberships: 1000,
  },
  /** More than can be listed: `total` says 1200, paging stops at 1000 ("more may exist"). */
  overflowMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000001200',
    email: 'overflow@example.com',
    name: 'Olive Overflow',
    memberships: 1200,
  },
  /**
   * Far past the offset cap: only checkpoint paging lists them all. Member of the bulk
   * organizations alone (organizations.ts), so the rest of the seed is as it was without them.
   */
  fiveThousandMemberships: {
    userId: 'auth0|6650a1f0c0ffee0000005000',
    email: 'five.thousand@example.com',
    name: 'Fiona Fivethousand',
    memberships: 5000,
  },
  /** Same email as `sharedEmailGoogle`: two accounts, two different membership lists. */
  sharedEmailDatabase: {
    userId: 'auth0|6650a1f0c0ffee00000000aa',
    email: 'pat.twin@example.com',
    name: 'Pat Twin',
    memberships: 2,
  },
  sharedEmailGoogle: {
    userId: 'google-oauth2|104857600000000000042',
    email: 'pat.twin@example.com',
    name: 'Pat Twin',
    memberships: 4,
  },
  /** Enterprise id with a second `|` and an `@`. */
  samlUser: {
    userId: 'samlp|acme-saml|jane@acme.com',
    email: 'jane@acme.com',
    name: 'Jane Acme',
    memberships: 2,
  },
  /** Role scenarios too (roles.ts): 1st organization's roles load, 2nd answers 403, 3rd 500. */
  office365User: {
    userId: 'office365|10030000838D23AF@MicrosoftOnline.com',
    email: 'li.wei@contoso.com',
    name: 'Li Wei',
    memberships: 3,
  },
  /** A `/` (must travel as %2F) and non-Latin characters, NFC-composed. */
  slashAndUnicodeId: {
    userId: 'oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez',
    email: 'jose.nunez@corp.example.com',
    name: 'Jos\u00e9 N\u00fa\u00f1ez',
    memberships: 2,
  },
  /**
   * `?` and `#` end a path if sent raw; `%25` becomes `%` if decoded twice (a different user, so a
   * double-decoding client gets a 404 instead of silently working).
   */
  reservedCharactersId: {
    userId: 'auth0|what?really#100%25',
    email: 'odd.chars@example.com',
    name: 'Oddly Named',
    memberships: 2,
  },
  /** Member of every awkward organization: very long, non-Latin, zero-width, hostile markup and URLs. */
  edgeCaseOrganizations: {
    userId: 'auth0|6650a1f0c0ffee00000000ed',
    email: 'edge.cases@example.com',
    name: 'Eddie Edge',
    memberships: 24,
  },
  /** Blocked, never signed in (no `last_login`, no `logins_count`), no picture. */
  blockedNeverLoggedIn: {
    userId: 'auth0|6650a1f0c0ffee00000000b0',
    email: 'blocked@example.com',
    name: 'Bea Blocked',
    memberships: 1,
  },
  /**
   * Created moments ago (never signed in): search does not find it yet (`notYetIndexed`), while
   * `GET /users-by-email`, `GET /users/{id}` and its memberships do.
   */
  justCreated: {
    userId: 'auth0|6650a1f0c0ffee00000000c0',
    email: 'just.created@example.com',
    name: 'Justin Created',
    memberships: 2,
    notYetIndexed: true,
  },
} as const satisfies Record<string, NamedUser>

export type NamedUserKey = keyof typeof NAMED_USERS
