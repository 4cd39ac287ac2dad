import type { Auth0Error } from './auth0-errors'
import { API_SECURITY_HEADERS } from './security-headers'

/*
 * Headers go in when a Response is created, never through `response.headers.set` afterwards:
 * under @hono/node-server a header set after construction can be lost when the response is
 * copied or served (app.fetch alone hides this; app.http.test.ts serves over real HTTP).
 */

/** A JSON answer of the API, with the API's security headers. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...API_SECURITY_HEADERS,
      ...headers,
    },
  })
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
