import {
  errorResponse,
  upstreamRedirected,
  upstreamStatusUndefined,
  upstreamTimeout,
  upstreamTooLarge,
  upstreamUnreachable,
} from './auth0-errors'
import type { TenantEndpoints } from './config'
import { untilAborted, type Fetch } from './fetch'
import type { ManagementTokenSource } from './management-token'
import { readCapped } from './read-capped'
import { API_SECURITY_HEADERS } from './security-headers'
import { relayedError } from './upstream-error'

/** The upstream headers the SPA reads; everything else the Management API sends stays here. */
const RATE_LIMIT_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
] as const

/**
 * Far above any page Orgscope asks for (100 users or memberships); a bigger answer is not one
 * to relay, and buffering it whole would let whatever answers upstream exhaust the memory.
 */
const MAX_BODY_BYTES = 4 * 1024 * 1024

/** What ends a relay early: the request's time limit, or the caller hanging up. */
export interface RelaySignals {
  deadline: AbortSignal
  /** The caller hung up. */
  caller: AbortSignal
}

/** Thrown when the caller hung up: nobody reads the answer. */
export class CallerGone extends Error {
  constructor() {
    super('The caller hung up.')
    this.name = 'CallerGone'
  }
}

export type ManagementRelay = (
  target: { path: string; query: URLSearchParams },
  signals: RelaySignals,
) => Promise<Response>

/**
 * Sends an allowed lookup to the Management API with the proxy's own token (never the admin's)
 * and hands back its status and rate-limit headers as they came, and its body: a success's as
 * it came, an error's as its Auth0 fields alone (upstream-error.ts). A 401 means the token was
 * revoked or its key rotated: it is replaced (one never accepted, at most every 30 s) and the
 * lookup sent once more.
 * Throws an Auth0Error: 504 when the deadline passes, 502 when the API cannot be reached or
 * answers with more than MAX_BODY_BYTES, 429 while the token endpoint rate limits the proxy.
 */
export function createManagementRelay(options: {
  tenant: Pick<TenantEndpoints, 'managementApiBase'>
  tokens: ManagementTokenSource
  fetch: Fetch
  timeoutMs: number
}): ManagementRelay {
  return async (target, { deadline, caller }) => {
    const signal = AbortSignal.any([deadline, caller])
    const search = target.query.size > 0 ? `?${target.query.toString()}` : ''
    const url = `${options.tenant.managementApiBase}${target.path}${search}`

    const send = async (token: string): Promise<Response> =>
      options.fetch(
        new Request(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          // A redirect would take our token somewhere we did not choose.
          redirect: 'manual',
          signal,
        }),
      )

    try {
      let token = await untilAborted(options.tokens.get(), signal)
      let upstream = await untilAborted(send(token), signal)
      if (upstream.status === 401 && options.tokens.invalidate(token)) {
        await upstream.body?.cancel()
        token = await untilAborted(options.tokens.get(), signal)
        upstream = await untilAborted(send(token), signal)
      }
      if (upstream.status !== 401) options.tokens.accepted(token)
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel()
        throw upstreamRedirected()
      }
      // No Response can be built with one (the runtime throws), and no client would read it.
      if (upstream.status < 200 || upstream.status > 599) {
        await upstream.body?.cancel()
        throw upstreamStatusUndefined(upstream.status)
      }
      // Read whole within the deadline: a body that stalls is a time-out like a late status.
      const body = await untilAborted(readCapped(upstream, MAX_BODY_BYTES), signal)
      if (body === undefined) throw upstreamTooLarge(MAX_BODY_BYTES)
      const headers = { ...rateLimitHeaders(upstream.headers), ...API_SECURITY_HEADERS }
      if (!upstream.ok) {
        return errorResponse(relayedError(upstream.status, new TextDecoder().decode(body)), headers)
      }
      const contentType = upstream.headers.get('Content-Type')
      return new Response(body.byteLength > 0 ? body : null, {
        status: upstream.status,
        headers: { ...headers, ...(contentType !== null && { 'Content-Type': contentType }) },
      })
    } catch (error) {
      if (deadline.aborted) throw upstreamTimeout(options.timeoutMs)
      if (caller.aborted) throw new CallerGone()
      // fetch rejects with a TypeError when the connection fails (refused, reset, DNS).
      if (error instanceof TypeError) throw upstreamUnreachable()
      throw error
    }
  }
}

function rateLimitHeaders(headers: Headers): Record<string, string> {
  const relayed: Record<string, string> = {}
  for (const name of RATE_LIMIT_HEADERS) {
    const value = headers.get(name)
    if (value !== null) relayed[name] = value
  }
  return relayed
}
