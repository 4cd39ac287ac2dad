import { COUNTERSIGN_KEYS_PATH } from './evidence-pack'

// The proxy publishes its countersigning keys (a JWKS, CORS `*`) at a fixed path on its origin. The
// SPA knows the proxy only as the API base URL it is configured with, which may be relative
// (`/api`) when the proxy serves the SPA too.

/** The keys' URL on the origin of `apiBaseUrl`, resolved against the page's own URL. */
export function countersignKeysUrl(apiBaseUrl: string, pageUrl: string): string {
  return new URL(COUNTERSIGN_KEYS_PATH, new URL(apiBaseUrl, pageUrl).origin).href
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
