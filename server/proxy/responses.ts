import { type Auth0Error, jsonResponse as plainJsonResponse } from './auth0-errors'
import { API_SECURITY_HEADERS } from './security-headers'

/** A JSON answer of the API, with the API's security headers. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return plainJsonResponse(status, body, { ...API_SECURITY_HEADERS, ...headers })
}

/** The one place an Auth0Error becomes a response. */
export function errorResponse(error: Auth0Error): Response {
  return jsonResponse(error.status, error.body)
}

/** A new response with `headers` added (replacing any of the same name). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) merged.set(name, value)
  return new Response(response.body, { status: response.status, headers: merged })
}
