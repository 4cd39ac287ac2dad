import { calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose'
import type { CountersignJwk } from './countersign-key'

/**
 * Countersignatures: the proxy's Ed25519 signature over an evidence pack's SHA-256, the admin
 * who asked (from the verified token) and the proxy's time, so an auditor can later prove the
 * pack was signed off through this deployment, then, by that admin. Verified against the public
 * key the proxy publishes at COUNTERSIGN_KEYS_PATH.
 */

export const COUNTERSIGN_PATH = '/orgscope/countersign'
export const COUNTERSIGN_KEYS_PATH = '/.well-known/orgscope-countersign-keys.json'
const COUNTERSIGN_JWS_TYPE = 'orgscope-countersignature+jws'
export const COUNTERSIGN_ISSUER = 'orgscope-proxy'

/** What is published: the public half only, never `d`. */
export interface CountersignPublicJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  alg: 'EdDSA'
  use: 'sig'
}

export interface CountersignPayload {
  sha256: string
  admin: { sub: string; email?: string }
  /** ISO 8601, UTC, the proxy's clock. */
  signedAt: string
  /** The same moment in whole seconds, as JWT tools read it. */
  iat: number
  iss: typeof COUNTERSIGN_ISSUER
}

export interface Countersigner {
  sign: (payload: CountersignPayload) => Promise<{ jws: string; kid: string }>
  keySet: () => Promise<{ keys: CountersignPublicJwk[] }>
}

interface SigningKey {
  privateKey: CryptoKey | JWK
  publicJwk: CountersignPublicJwk
}

/**
 * Signs with the configured key, or (none configured) with one made now: that one lives as long
 * as the process, so the caller warns that its signatures will not verify after a restart.
 * Async work (a thumbprint, a new key) is done once, on first use.
 */
export function createCountersigner(configured: CountersignJwk | undefined): Countersigner {
  let key: Promise<SigningKey> | undefined
  const signingKey = (): Promise<SigningKey> => (key ??= loadKey(configured))
  // A key that cannot be made must not stay cached as a rejected promise for ever.
  const ready = async (): Promise<SigningKey> =>
    signingKey().catch((error: unknown) => {
      key = undefined
      throw error
    })

  return {
    async sign(payload) {
      const { privateKey, publicJwk } = await ready()
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'EdDSA', kid: publicJwk.kid, typ: COUNTERSIGN_JWS_TYPE })
        .sign(privateKey)
      return { jws, kid: publicJwk.kid }
    },
    async keySet() {
      return { keys: [(await ready()).publicJwk] }
    },
  }
}

async function loadKey(configured: CountersignJwk | undefined): Promise<SigningKey> {
  if (configured) {
    const { kty, crv, x } = configured
    const kid = configured.kid ?? (await calculateJwkThumbprint({ kty, crv, x }))
    return {
      privateKey: { kty, crv, x, d: configured.d },
      publicJwk: { kty, crv, x, kid, alg: 'EdDSA', use: 'sig' },
    }
  }
  const pair = await generateKeyPair('Ed25519')
  const { x } = await exportJWK(pair.publicKey)
  if (x === undefined) throw new Error('The runtime exported no Ed25519 public key')
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x })
  return {
    privateKey: pair.privateKey,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
  }
}
