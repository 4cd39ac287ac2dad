import * as z from 'zod/mini'
import type { Countersignature } from './evidence-pack'

// The proxy's two countersigning endpoints, on its origin beside /api/v2: it countersigns a
// signed-off review's manifest hash (its one non-GET endpoint: the proxy, not the browser, vouches
// for the admin and the time, with a key the browser never holds) and publishes its keys (a
// JWKS, CORS `*`). The SPA knows the proxy only as the API base URL it is configured with, which
// may be relative (`/api`) when the proxy serves the SPA too.

const COUNTERSIGN_PATH = '/orgscope/countersign'
/** Where the proxy publishes its countersigning keys, relative to its origin. */
export const COUNTERSIGN_KEYS_PATH = '/.well-known/orgscope-countersign-keys.json'

/** `path` on the origin of `apiBaseUrl`, resolved against the page's own URL. */
function proxyUrl(apiBaseUrl: string, path: string, pageUrl: string): string {
  return new URL(path, new URL(apiBaseUrl, pageUrl).origin).href
}

/** Where the proxy of `apiBaseUrl` publishes its keys. */
export function countersignKeysUrl(apiBaseUrl: string, pageUrl: string): string {
  return proxyUrl(apiBaseUrl, COUNTERSIGN_KEYS_PATH, pageUrl)
}

const CountersignatureSchema: z.ZodMiniType<Countersignature> = z.object({
  jws: z.string().check(z.minLength(1)),
  kid: z.string(),
  keysUrl: z.string(),
})

/** Asks the proxy to countersign `sha256`; rejects with what the admin should read. */
export async function requestCountersignature(
  apiBaseUrl: string,
  getAccessToken: () => Promise<string>,
  sha256: string,
): Promise<Countersignature> {
  const token = await getAccessToken()
  let response: Response
  try {
    response = await fetch(proxyUrl(apiBaseUrl, COUNTERSIGN_PATH, window.location.href), {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ sha256 }),
    })
  } catch {
    throw new Error("Can't reach Orgscope's proxy to countersign — check your connection.")
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : ''
    throw new Error(
      `The proxy did not countersign: HTTP ${response.status}${message ? ` — ${message}` : ''}.`,
    )
  }
  const parsed = CountersignatureSchema.safeParse(body)
  if (!parsed.success) {
    throw new Error("The proxy's countersignature was not in the expected shape.")
  }
  return parsed.data
}

/** Fetches the keys; rejects with a plain reason when they cannot be had. */
export async function fetchCountersignKeys(url: string): Promise<{ keys: JsonWebKey[] }> {
  // No credentials: the keys are public, and nothing of the admin's should travel with the request.
  const response = await fetch(url, {
    credentials: 'omit',
    headers: { accept: 'application/json' },
  })
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`)
  const body: unknown = await response.json().catch(() => null)
  const keys = (body as { keys?: unknown } | null)?.keys
  if (!Array.isArray(keys)) throw new Error(`${url} did not answer with a key set`)
  return { keys: keys as JsonWebKey[] }
}
