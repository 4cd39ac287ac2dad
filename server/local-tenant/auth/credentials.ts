import { createHash, timingSafeEqual } from 'node:crypto'
import type { TenantAdmin, TenantClient, TenantConfig } from '../config'

/** Compares secrets in constant time; hashing first makes unequal lengths safe to compare too. */
export function secretsMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

export function findClient(
  config: TenantConfig,
  clientId: string | null | undefined,
): TenantClient | undefined {
  return config.clients.find((client) => client.clientId === clientId)
}

export function findAdmin(config: TenantConfig, sub: string): TenantAdmin | undefined {
  return config.admins.find((admin) => admin.sub === sub)
}

/** The admin these credentials belong to. Emails match case-insensitively, as Auth0's do. */
export function authenticateAdmin(
  config: TenantConfig,
  email: string,
  password: string,
): TenantAdmin | undefined {
  const wanted = email.trim().toLowerCase()
  const admin = config.admins.find((candidate) => candidate.email.toLowerCase() === wanted)
  return admin && secretsMatch(password, admin.password) ? admin : undefined
}

/** Public (spa) clients prove nothing here; confidential clients must present their secret. */
export function clientSecretAccepted(client: TenantClient, secret: string | undefined): boolean {
  if (client.kind === 'spa') return true
  return (
    secret !== undefined &&
    client.clientSecret !== undefined &&
    secretsMatch(secret, client.clientSecret)
  )
}
