import { exportJWK, generateKeyPair, type JWK } from 'jose'

/** The tenant's RS256 signing key. A fresh one per start: tokens never outlive the process. */
export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  publicJwk: JWK
}

export async function createSigningKey(
  kid = `local-${crypto.randomUUID().slice(0, 8)}`,
): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  return { kid, privateKey, publicKey, publicJwk }
}
