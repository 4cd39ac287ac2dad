import { createHash } from 'node:crypto'
import { secretsMatch } from './credentials'

/** An S256 challenge is a base64url SHA-256 digest: exactly 43 characters. */
export function isS256Challenge(challenge: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(challenge)
}

/** RFC 7636: BASE64URL(SHA256(code_verifier)) must equal the challenge sent to /authorize. */
export function verifierMatches(verifier: string | null | undefined, challenge: string): boolean {
  if (!verifier) return false
  return secretsMatch(createHash('sha256').update(verifier).digest('base64url'), challenge)
}
