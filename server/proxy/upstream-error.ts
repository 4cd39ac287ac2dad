import { Auth0Error } from './auth0-errors'
import { redactSecrets } from './redact'

/** Longer than any message Auth0 writes; a longer one is not a message. */
const MAX_MESSAGE_LENGTH = 1000

/** Auth0's error codes are snake_case words (`insufficient_scope`, `invalid_uri`). */
const ERROR_CODE = /^[a-z0-9_]{1,64}$/

/**
 * A Management API error answer, rebuilt from its Auth0 fields alone: a body that echoes the
 * request would carry the proxy's token to the admin, so nothing else of it is passed on, and
 * credentials are blanked from the message. The status is the response's own, except for a
 * body that is not an Auth0 error (a gateway page, nothing): that 4xx says nothing about the user
 * or the query, so it is a 502, lest the SPA read a gateway's 404 page as "User not found".
 */
export function relayedError(status: number, body: string): Auth0Error {
  const parsed = parseJson(body)
  if (!isRecord(parsed) || typeof parsed.message !== 'string') {
    return new Auth0Error(
      status >= 500 ? status : 502,
      `The Management API answered HTTP ${status} without an error in Auth0's shape.`,
    )
  }
  const { message, errorCode } = parsed
  return new Auth0Error(status, redactSecrets(message).slice(0, MAX_MESSAGE_LENGTH), {
    ...(typeof errorCode === 'string' && ERROR_CODE.test(errorCode) && { errorCode }),
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
