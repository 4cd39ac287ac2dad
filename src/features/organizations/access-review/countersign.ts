import * as z from 'zod/mini'

// The proxy's countersignature of a signed-off review: the proxy, not the browser, vouches for the
// admin (from the token it verified) and the time (its own clock), with a key the browser never
// holds. Its one non-GET endpoint, on the proxy's origin beside /api/v2; it accepts only a hash.

const CountersignatureSchema = z.object({
  jws: z.string().check(z.minLength(1)),
  kid: z.string(),
  keysUrl: z.string(),
})

export type Countersignature = z.infer<typeof CountersignatureSchema>

/** Where the proxy of `apiBaseUrl` (absolute, or a path on this origin) lives. */
export function proxyOriginOf(apiBaseUrl: string): string {
  return new URL(apiBaseUrl, window.location.href).origin
}

export class CountersignFailed extends Error {}

export async function requestCountersignature(
  apiBaseUrl: string,
  getAccessToken: () => Promise<string>,
  sha256: string,
): Promise<Countersignature> {
  const token = await getAccessToken()
  let response: Response
  try {
    response = await fetch(`${proxyOriginOf(apiBaseUrl)}/orgscope/countersign`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ sha256 }),
    })
  } catch {
    throw new CountersignFailed(
      "Can't reach Orgscope's proxy to countersign — check your connection.",
    )
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : ''
    throw new CountersignFailed(
      `The proxy did not countersign: HTTP ${response.status}${message ? ` — ${message}` : ''}.`,
    )
  }
  const parsed = CountersignatureSchema.safeParse(body)
  if (!parsed.success) {
    throw new CountersignFailed("The proxy's countersignature was not in the expected shape.")
  }
  return parsed.data
}
