import { NAMED_USERS, type NamedUser, type NamedUserKey } from './named-users'
import { ALPHANUMERIC, DIGITS, HEX, type Random } from './prng'
import { SCENARIO_USERS } from './scenarios'
import type { Identity, User } from './types'
import {
  EMAIL_DOMAINS,
  ENTERPRISE_CONNECTIONS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  INTERNATIONAL_PEOPLE,
} from './word-lists'

/** Dates are relative to a fixed instant, not the clock, so the seed is the same every day. */
const SEED_NOW = Date.UTC(2025, 5, 30, 12, 0, 0)
const DAY_MS = 86_400_000
const GENERATED_USER_COUNT = 320

interface Person {
  userId: string
  identity: Identity
  name: string
  givenName?: string
  familyName?: string
  email?: string
  /** How the picture is chosen; `none` leaves it absent. */
  picture: 'gravatar' | 'google' | 'github' | 'insecure' | 'none'
  neverLoggedIn?: boolean
  blocked?: boolean
}

function identity(provider: string, connection: string, userId: string | number): Identity {
  const isSocial = provider === 'google-oauth2' || provider === 'github'
  return { connection, provider, user_id: userId, isSocial }
}

const databaseIdentity = (id: string): Identity =>
  identity('auth0', 'Username-Password-Authentication', id)

function pictureUrl(random: Random, person: Person): string | undefined {
  switch (person.picture) {
    case 'none':
      return undefined
    case 'google':
      return `https://lh3.googleusercontent.com/a/ACg8oc${random.string(40, ALPHANUMERIC)}=s96-c`
    case 'github':
      return `https://avatars.githubusercontent.com/u/${person.identity.user_id}?v=4`
    case 'insecure':
      // Plain http: the SPA must not load it (images only from https).
      return `http://images.example.com/avatars/${random.string(8, HEX)}.png`
    case 'gravatar': {
      const initials = (person.givenName?.[0] ?? 'x') + (person.familyName?.[0] ?? 'x')
      const fallback = encodeURIComponent(
        `https://cdn.auth0.com/avatars/${initials.toLowerCase()}.png`,
      )
      return `https://s.gravatar.com/avatar/${random.string(32, HEX)}?s=480&r=pg&d=${fallback}`
    }
  }
}

/** Fills in what Auth0 would: nickname from the email, timestamps, login counters. */
function toUser(random: Random, person: Person): User {
  const createdAt = SEED_NOW - random.int(30, 2200) * DAY_MS - random.int(0, DAY_MS)
  const updatedAt = createdAt + Math.floor(random.next() * (SEED_NOW - createdAt))
  const lastLogin = updatedAt + Math.floor(random.next() * (SEED_NOW - updatedAt))
  const picture = pictureUrl(random, person)
  const social = person.identity.isSocial
  return {
    user_id: person.userId,
    ...(person.email !== undefined
      ? { email: person.email, email_verified: social || random.chance(0.8) }
      : {}),
    name: person.name,
    nickname: person.email?.split('@')[0] ?? person.name.split(' ')[0] ?? person.name,
    ...(person.givenName !== undefined ? { given_name: person.givenName } : {}),
    ...(person.familyName !== undefined ? { family_name: person.familyName } : {}),
    ...(picture !== undefined ? { picture } : {}),
    identities: [person.identity],
    created_at: new Date(createdAt).toISOString(),
    updated_at: new Date(updatedAt).toISOString(),
    ...(person.neverLoggedIn
      ? {}
      : { last_login: new Date(lastLogin).toISOString(), logins_count: random.int(1, 480) }),
    ...(person.blocked !== undefined ? { blocked: person.blocked } : {}),
  }
}

function splitName(name: string): { givenName?: string; familyName?: string } {
  const [given, ...rest] = name.split(' ')
  return rest.length > 0 && given ? { givenName: given, familyName: rest.join(' ') } : {}
}

/** Identities for the named users whose ids say more than `provider|id`. */
const NAMED_IDENTITIES: Partial<Record<NamedUserKey, Identity>> = {
  sharedEmailGoogle: identity('google-oauth2', 'google-oauth2', '104857600000000000042'),
  samlUser: identity('samlp', 'acme-saml', 'jane@acme.com'),
  office365User: identity('office365', 'contoso-o365', '10030000838D23AF@MicrosoftOnline.com'),
  slashAndUnicodeId: identity('oidc', 'corp-ldap', 'corp/ldap|jos\u00e9.n\u00fa\u00f1ez'),
}

function namedPerson(key: NamedUserKey, user: NamedUser): Person {
  const id = user.userId.slice(user.userId.indexOf('|') + 1)
  const ident = NAMED_IDENTITIES[key] ?? databaseIdentity(id)
  return {
    userId: user.userId,
    identity: ident,
    name: user.name,
    ...splitName(user.name),
    email: user.email,
    picture: key === 'blockedNeverLoggedIn' ? 'none' : ident.isSocial ? 'google' : 'gravatar',
    ...(key === 'blockedNeverLoggedIn' ? { neverLoggedIn: true, blocked: true } : {}),
    ...(key === 'justCreated' ? { neverLoggedIn: true } : {}),
  }
}

/**
 * Named users added after the seed settled: they draw from the random stream after everyone
 * else (and so come last in an unsorted search), so adding one changes no one else's details.
 */
const LATE_NAMED_USERS: ReadonlySet<string> = new Set([
  NAMED_USERS.fiveThousandMemberships.userId,
  NAMED_USERS.justCreated.userId,
])

function partition<T>(items: readonly T[], keep: (item: T) => boolean): [T[], T[]] {
  return [items.filter(keep), items.filter((item) => !keep(item))]
}

/** Picks a unique email: `local@domain`, then `local2@domain`, `local3@domain`… */
function uniqueEmail(taken: Set<string>, local: string, domain: string): string {
  for (let n = 1; ; n++) {
    const email = `${local}${n === 1 ? '' : n}@${domain}`
    if (!taken.has(email)) {
      taken.add(email)
      return email
    }
  }
}

/** "Zoë Müller" → "zoe.muller": the ASCII local part people really get. */
function emailLocal(given: string, family: string): string {
  return (
    `${given}.${family}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Letters NFD cannot split into base + accent.
      .replace(/ø/g, 'o')
      .replace(/[^a-z0-9.]+/g, '')
  )
}

/** The account itself: which provider, which id, which email, which kind of picture. */
function generatedAccount(
  random: Random,
  takenEmails: Set<string>,
  name: string,
  local: string,
): Omit<Person, 'givenName' | 'familyName'> {
  const kind = random.next()
  if (kind < 0.55) {
    const id = random.string(24, HEX)
    return {
      userId: `auth0|${id}`,
      identity: databaseIdentity(id),
      email: uniqueEmail(takenEmails, local, random.pick(EMAIL_DOMAINS)),
      picture: random.chance(0.15) ? 'none' : random.chance(0.05) ? 'insecure' : 'gravatar',
      name,
    }
  }
  if (kind < 0.8) {
    const id = `1${random.string(20, DIGITS)}`
    return {
      userId: `google-oauth2|${id}`,
      identity: identity('google-oauth2', 'google-oauth2', id),
      email: uniqueEmail(takenEmails, local, 'gmail.com'),
      picture: 'google',
      name,
    }
  }
  if (kind < 0.88) {
    const id = random.int(100_000, 99_999_999)
    // Some GitHub accounts share no email with Auth0: the SPA must fall back to the name.
    const hidesEmail = random.chance(0.4)
    return {
      userId: `github|${id}`,
      identity: identity('github', 'github', id),
      ...(hidesEmail ? {} : { email: uniqueEmail(takenEmails, local, 'users.noreply.github.com') }),
      picture: 'github',
      name,
    }
  }
  if (kind < 0.97) {
    const enterprise = random.pick(ENTERPRISE_CONNECTIONS)
    const email = uniqueEmail(takenEmails, local, enterprise.domain)
    // Azure AD ids are opaque; SAML and OIDC ids repeat the connection and the login name.
    const waad = enterprise.provider === 'waad'
    const id = waad ? random.string(43, ALPHANUMERIC) : email
    return {
      userId: waad ? `waad|${id}` : `${enterprise.provider}|${enterprise.connection}|${id}`,
      identity: identity(enterprise.provider, enterprise.connection, id),
      email,
      picture: random.chance(0.5) ? 'none' : 'gravatar',
      name,
    }
  }
  const id = random.string(24, HEX)
  return {
    userId: `email|${id}`,
    identity: identity('email', 'email', id),
    email: uniqueEmail(takenEmails, local, random.pick(EMAIL_DOMAINS)),
    picture: 'none',
    name,
  }
}

function generatedPerson(random: Random, takenEmails: Set<string>, takenIds: Set<string>): Person {
  const international = random.chance(0.1) ? random.pick(INTERNATIONAL_PEOPLE) : undefined
  const givenName = international?.given ?? random.pick(GIVEN_NAMES)
  const familyName = international?.family ?? random.pick(FAMILY_NAMES)
  const name = international?.name ?? `${givenName} ${familyName}`
  const local = international?.emailLocal ?? emailLocal(givenName, familyName)
  let account = generatedAccount(random, takenEmails, name, local)
  // Random ids practically never collide, but a duplicate id would corrupt every lookup.
  while (takenIds.has(account.userId)) account = generatedAccount(random, takenEmails, name, local)
  takenIds.add(account.userId)
  return {
    ...account,
    givenName,
    familyName,
    ...(random.chance(0.1) ? { neverLoggedIn: true } : {}),
    // Absent on most users; `false` on a few that were blocked and then unblocked.
    ...(random.chance(0.05) ? { blocked: true } : random.chance(0.03) ? { blocked: false } : {}),
  }
}

/**
 * Every user, in the order an unsorted search lists them: the named users first (so a bare
 * `GET /users` shows them), then the scenario users, then the generated crowd.
 */
export function buildUsers(random: Random): User[] {
  const [named, late] = partition(
    (Object.entries(NAMED_USERS) as [NamedUserKey, NamedUser][]).map(([key, user]) =>
      namedPerson(key, user),
    ),
    (person) => !LATE_NAMED_USERS.has(person.userId),
  )
  const scenarios: Person[] = Object.values(SCENARIO_USERS).map((user) => ({
    userId: user.userId,
    identity: databaseIdentity(user.userId.slice('auth0|'.length)),
    name: user.name,
    email: user.email,
    picture: 'gravatar',
  }))
  const fixed = [...named, ...late, ...scenarios]
  const takenEmails = new Set(fixed.flatMap((p) => (p.email ? [p.email] : [])))
  const takenIds = new Set(fixed.map((p) => p.userId))
  const generated = Array.from({ length: GENERATED_USER_COUNT }, () =>
    generatedPerson(random, takenEmails, takenIds),
  )
  return [...named, ...scenarios, ...generated, ...late].map((person) => toUser(random, person))
}
