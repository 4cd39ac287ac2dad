import type { User } from '@/lib/management-api/schemas'

/**
 * Small, pure readings of a `User` that every user view needs the same way. Tenant strings come
 * back as strings for React to render as text; nothing here builds markup.
 */

/** The best human label: name, else email, else nickname, else the id itself. */
export function displayNameOf(user: User): string {
  return user.name?.trim() || user.email?.trim() || user.nickname?.trim() || user.user_id
}

/**
 * "acme-saml · samlp", "google-oauth2", "Username-Password-Authentication · auth0". From the
 * first identity (the one the user_id is built from); without identities, the id's `provider|`
 * prefix is all we know.
 */
export function connectionLabelOf(user: User): string | undefined {
  const identity = user.identities?.[0]
  const connection = identity?.connection
  const provider = identity?.provider ?? providerOfUserId(user.user_id)
  if (connection && provider && connection !== provider) return `${connection} · ${provider}`
  return connection ?? provider
}

function providerOfUserId(userId: string): string | undefined {
  const bar = userId.indexOf('|')
  return bar > 0 ? userId.slice(0, bar) : undefined
}

/** A date the API sent, or undefined when it is absent or unreadable (never "Invalid Date"). */
export function parseApiDate(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
