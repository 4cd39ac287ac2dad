import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'

/**
 * The countersigning key as the operator gives it (COUNTERSIGN_PRIVATE_JWK): a private Ed25519
 * JWK. Checked whole at start, so a pasted public key or a key whose halves do not belong
 * together stops the proxy rather than signing what no published key verifies.
 * Node-only (node:crypto), like config.ts's caller main.ts; the app itself signs with jose.
 */
export interface CountersignJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  /** The public half, base64url. */
  x: string
  /** The private half, base64url. */
  d: string
  /** Defaults to the key's JWK thumbprint (countersigner.ts). */
  kid?: string
}

/** A reason the value is not a usable key, worded to follow the variable's name. */
export class CountersignKeyError extends Error {}

/** Parses and checks COUNTERSIGN_PRIVATE_JWK; throws a CountersignKeyError that never echoes `d`. */
export function parseCountersignJwk(json: string): CountersignJwk {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new CountersignKeyError('is not JSON: it must be a private Ed25519 JWK')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CountersignKeyError('must be a JSON object: a private Ed25519 JWK')
  }
  const jwk = value as Record<string, unknown>
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new CountersignKeyError('must be an Ed25519 key ("kty": "OKP", "crv": "Ed25519")')
  }
  if (typeof jwk.d !== 'string' || jwk.d === '') {
    throw new CountersignKeyError('has no private part ("d"): give the private JWK')
  }
  if (typeof jwk.x !== 'string' || jwk.x === '') {
    throw new CountersignKeyError('has no public part ("x")')
  }
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.trim() === '')) {
    throw new CountersignKeyError('has a "kid" that is not a non-empty string')
  }
  const key: CountersignJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }
  if (typeof jwk.kid === 'string') key.kid = jwk.kid
  let derivedX: unknown
  try {
    const privateKey = createPrivateKey({ key: { ...key }, format: 'jwk' })
    derivedX = createPublicKey(privateKey).export({ format: 'jwk' }).x
  } catch {
    throw new CountersignKeyError('is not a valid Ed25519 key ("d" and "x" must be base64url)')
  }
  if (derivedX !== key.x) {
    throw new CountersignKeyError('has an "x" that is not the public half of its "d"')
  }
  return key
}

/** A new private Ed25519 JWK, for a local stack that keeps one across restarts (scripts/start.ts). */
export function generateCountersignJwk(): CountersignJwk {
  const { privateKey } = generateKeyPairSync('ed25519')
  const { x, d } = privateKey.export({ format: 'jwk' })
  if (x === undefined || d === undefined) throw new Error('Node exported no Ed25519 JWK')
  return { kty: 'OKP', crv: 'Ed25519', x, d }
}
