/**
 * The SHA-256 of `bytes` as 64 lowercase hex digits — what `sha256sum` and `Get-FileHash` print,
 * so an auditor can check a filed export against the hash shown after download. WebCrypto: no
 * dependency, and it never blocks the page.
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
