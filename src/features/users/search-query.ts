/**
 * Turns what an admin types into a Lucene query for `GET /users` (search_engine=v3) that can
 * never be a syntax error, whatever the input: every character of theirs is either inside a quoted
 * phrase (with `"` and `\` escaped) or backslash-escaped, and the only operators, wildcards and
 * field names are ours. Auth0 compares whole values (keyword fields), so partial input needs a
 * trailing wildcard; leading wildcards are never generated (they need ≥ 3 literal characters and
 * are slow). A complete email is not searched at all but looked up exactly.
 */

export type SearchInput =
  | { kind: 'empty' }
  /** `provider|…`: the admin already knows who they want. `q` still finds that user. */
  | { kind: 'user-id'; userId: string; q: string }
  /**
   * A complete address, lowercased (Auth0 stores emails so): every account with exactly it, from
   * `GET /users-by-email`, which unlike search already knows an account created moments ago.
   */
  | { kind: 'email'; email: string }
  /** An address still being typed (`jane@ac`): searched as the start of an email. */
  | { kind: 'email-start'; q: string }
  /**
   * `@acme.com`, or a bare `acme.com`: everyone with an email at a domain (lowercased). A bare
   * domain is also searched as one word (`jane.doe` may be the start of jane.doe@acme.com), so
   * reading it as a domain never loses what the word alone would find.
   */
  | { kind: 'domain'; domain: string; bare: boolean; q: string }
  | { kind: 'text'; q: string }

/**
 * Auth0's identity providers (the `provider` part of `provider|id`). An input shaped like an
 * email whose local part holds a `|` (`jane|ops@acme.com`, legal in an address) is only read as a
 * user id when it starts with one of these.
 */
const KNOWN_PROVIDERS = new Set([
  'ad',
  'adfs',
  'amazon',
  'apple',
  'auth0',
  'baidu',
  'bitbucket',
  'box',
  'dropbox',
  'email',
  'evernote',
  'exact',
  'facebook',
  'github',
  'google-apps',
  'google-oauth2',
  'instagram',
  'ip',
  'line',
  'linkedin',
  'oauth1',
  'oauth2',
  'office365',
  'oidc',
  'okta',
  'paypal',
  'pingfederate',
  'planningcenter',
  'salesforce',
  'samlp',
  'sharepoint',
  'shopify',
  'sms',
  'soundcloud',
  'twitter',
  'vkontakte',
  'waad',
  'weibo',
  'windowslive',
  'wordpress',
  'yahoo',
  'yandex',
])

/** A provider name, a `|`, then an id with no spaces: `auth0|abc`, `samlp|acme|jane@acme.com`. */
const USER_ID_SHAPE = /^([a-z0-9][a-z0-9-]*)\|\S+$/i
/** Something before and after one `@`, no spaces: `jane@acme.com`, `jane@ac` while typing. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]*$/
const COMPLETE_EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
const DOMAIN_SHAPE = /^@[^\s@]+$/
/**
 * A hostname typed without `@` (`scenarios.example.com`, `acme.co.uk`): two or more labels of
 * letters, digits and inner hyphens, the last one letters only (a TLD), so version numbers and IP
 * addresses (`1.2`, `10.0.0.1`) stay plain text.
 */
const BARE_DOMAIN_SHAPE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** Characters the query parser would read as syntax, plus whitespace (which splits terms). */
const RESERVED = /[\\+\-=&|><!(){}[\]^"~*?:/\s]/g

/** One term with every special character escaped: `o'brien(ops)` → `o'brien\(ops\)`. */
export function escapeTerm(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`)
}

/** A quoted phrase, matched as a whole value: `Jane "JD" Doe` → `"Jane \"JD\" Doe"`. */
export function quotePhrase(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`
}

/**
 * `field:text*`. Case-insensitive fields are lowercased because wildcard terms skip the analyzer
 * that would do it on Auth0; trailing `*` the admin typed are dropped, since we add our own and an
 * escaped one would look for a literal star.
 */
function prefix(field: string, text: string): string {
  return `${field}:${escapeTerm(text.toLowerCase())}*`
}

/** Everyone whose email is at `domain`; a prefix, so results come while the domain is typed. */
function domainQuery(domain: string): string {
  return prefix('email.domain', domain)
}

/** One word as the start of an email, a name or a family name. */
function wordQuery(word: string): string {
  // family_name too, so "doe" finds "Jane Doe" although `name` is compared as a whole value.
  return [prefix('email', word), prefix('name', word), prefix('family_name', word)].join(' OR ')
}

/** The domain in `@acme.com` or a bare `acme.com`, lowercased; undefined for anything else. */
function readDomain(typed: string): { domain: string; bare: boolean } | undefined {
  if (DOMAIN_SHAPE.test(typed)) return { domain: typed.slice(1).toLowerCase(), bare: false }
  if (BARE_DOMAIN_SHAPE.test(typed)) return { domain: typed.toLowerCase(), bare: true }
  return undefined
}

function readUserId(text: string): string | undefined {
  const match = USER_ID_SHAPE.exec(text)
  const provider = match?.[1]?.toLowerCase()
  if (!provider) return undefined
  if (EMAIL_SHAPE.test(text) && !KNOWN_PROVIDERS.has(provider)) return undefined
  return text
}

/** Reads the input once: what the admin means and the query that finds it. */
export function readSearchInput(input: string): SearchInput {
  // NFC: "é" typed as e + combining accent must find "é" (Auth0 and the local tenant store NFC).
  const text = input.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (text === '') return { kind: 'empty' }

  // Ids are exact and case-sensitive: not normalized, not lowercased, quoted whole.
  const userId = readUserId(input.trim())
  if (userId !== undefined) return { kind: 'user-id', userId, q: `user_id:${quotePhrase(userId)}` }

  const typed = text.replace(/\*+$/, '')
  if (typed === '') return { kind: 'empty' }

  const atDomain = readDomain(typed)
  if (atDomain) {
    const { domain, bare } = atDomain
    // A bare domain could be a word the admin meant (`jane.doe`): search it as that too, and the
    // summary says both, so nothing found today is lost and the admin sees how it was read.
    const q = bare ? `${domainQuery(domain)} OR ${wordQuery(typed)}` : domainQuery(domain)
    return { kind: 'domain', domain, bare, q }
  }

  if (EMAIL_SHAPE.test(typed)) {
    const email = typed.toLowerCase()
    return COMPLETE_EMAIL.test(email)
      ? { kind: 'email', email }
      : { kind: 'email-start', q: prefix('email', email) }
  }

  const words = typed.split(' ')
  if (words.length === 1) return { kind: 'text', q: wordQuery(typed) }
  // Several words: the exact full name, the name as a prefix ("Jane Do" while typing), and the
  // first word as given name with the rest as family name ("Jane D" → Jane Doe-Smith).
  const [first = '', ...rest] = words
  return {
    kind: 'text',
    q: [
      `name:${quotePhrase(typed)}`,
      prefix('name', typed),
      `(${prefix('given_name', first)} AND ${prefix('family_name', rest.join(' '))})`,
    ].join(' OR '),
  }
}

/**
 * The Lucene `q` for a plain search box input; `''` when there is nothing to search: blank input,
 * or a complete email (looked up exactly instead). Pure, so every shape of input is unit-tested.
 */
export function toUserSearchQuery(input: string): string {
  const read = readSearchInput(input)
  return 'q' in read ? read.q : ''
}
