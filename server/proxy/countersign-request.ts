import { z } from 'zod'
import { bodyTooLarge, invalidBody, unsupportedMediaType } from './auth0-errors'
import { readCapped } from './read-capped'

/** `{"sha256":"<64 hex>"}` is about 80 bytes; anything near this is not a countersign request. */
export const MAX_COUNTERSIGN_BODY_BYTES = 1024

/** Exactly the hash, lowercase: the SPA writes it so, and one spelling means one signed value. */
const CountersignBody = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex characters' }),
})

/** An announced body over the cap: refused before the token is checked or a byte is read. */
export function announcesTooLarge(request: Request): boolean {
  return Number(request.headers.get('Content-Length') ?? 0) > MAX_COUNTERSIGN_BODY_BYTES
}

/**
 * The hash a countersign request asks to sign; throws an Auth0Error (415, 413, 400) for anything
 * but a JSON body of exactly `{"sha256": "<64 lowercase hex>"}`.
 */
export async function readCountersignHash(request: Request): Promise<string> {
  const mediaType = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') throw unsupportedMediaType()
  const bytes = await readCapped(request, MAX_COUNTERSIGN_BODY_BYTES)
  if (bytes === undefined) throw bodyTooLarge(MAX_COUNTERSIGN_BODY_BYTES)
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw invalidBody('the body is not JSON.')
  }
  const parsed = CountersignBody.safeParse(body)
  if (!parsed.success) {
    throw invalidBody(parsed.error.issues.map(describeIssue).join('; '))
  }
  return parsed.data.sha256
}

/** Names the field but never echoes the caller's value. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unexpected ${issue.keys.join(', ')}`
  if (issue.path.length === 0) return 'the body must be {"sha256": "<64 lowercase hex>"}'
  return `${issue.path.join('.')} ${issue.code === 'invalid_type' ? 'is required as a string' : issue.message}`
}
