import type { Context } from 'hono'

/**
 * The parameters of a POST body, form-encoded (browsers, auth0-spa-js) or JSON (Auth0 accepts
 * both on /oauth/token). Non-string JSON values are dropped. Undefined when the JSON is broken.
 */
export async function readBodyParams(c: Context): Promise<URLSearchParams | undefined> {
  if (!(c.req.header('content-type') ?? '').includes('application/json')) {
    return new URLSearchParams(await c.req.text())
  }
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const entries = Object.entries(body).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
  return new URLSearchParams(entries)
}
