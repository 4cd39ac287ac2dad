/** A bearer credential, or anything shaped like a JWT (even one part of one: `eyJ…`). */
const SECRETS = /\bBearer\s+\S+|\beyJ[\w-]*(?:\.[\w-]*){0,2}/gi

/**
 * `text` with credentials blanked, for strings the proxy did not write itself but passes on or
 * logs (a path, an upstream message): a token in one must not travel further.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRETS, '[redacted]')
}
