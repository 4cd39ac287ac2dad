import { z } from 'zod'
import { nextAttemptAt, parseRateLimit } from '../../src/lib/management-api/rate-limit'
import {
  Auth0Error,
  managementTokenRefused,
  tenantUnreachable,
  tokenEndpointRateLimited,
  upstreamTimeout,
} from './auth0-errors'
import type { TenantEndpoints } from './config'
import { untilAborted, type Fetch } from './fetch'

/** The proxy's own Management API token, from the client-credentials grant. */
export interface ManagementTokenSource {
  /** A token with a while to live: the cached one, or one request shared by every caller. */
  get: () => Promise<string>
  /** The Management API accepted `token` (it answered something other than 401). */
  accepted: (token: string) => void
  /**
   * The Management API refused `token` (401). True when asking again is worth it: the token was
   * already replaced, or it is forgotten now. False for a token never accepted, after two
   * such replacements within REGRANT_INTERVAL_MS: a tenant that refuses every token would
   * otherwise get one grant per lookup, while one that revokes a token it used to accept (a
   * key rotation) gets the new token at once.
   */
  invalidate: (token: string) => boolean
}

/** Replace a token this long before it expires, so none expires between check and use. */
const EXPIRY_MARGIN_MS = 60_000
/**
 * While the API accepts none of them, tokens are replaced twice in a row (the second covers a
 * token granted while a revocation was taking effect), then at most once per interval.
 */
const MAX_UNACCEPTED_REPLACEMENTS = 2
const REGRANT_INTERVAL_MS = 30_000
/** How long to leave the token endpoint alone after its 429 names no time. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000
/** Auth0's default lifetime of Management API tokens, if the answer leaves it out. */
const DEFAULT_EXPIRES_IN_SECONDS = 86_400

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().optional(),
})

const oauthError = z.object({
  error: z.string(),
  error_description: z.string().optional(),
})

interface CachedToken {
  token: string
  refreshAtMs: number
  /** The Management API has accepted it at least once. */
  accepted?: boolean
}

export function createManagementTokenSource(options: {
  tenant: Pick<TenantEndpoints, 'tokenEndpoint' | 'managementAudience'>
  clientId: string
  clientSecret: string
  fetch: Fetch
  now: () => number
  timeoutMs: number
}): ManagementTokenSource {
  let cached: CachedToken | undefined
  let inFlight: Promise<CachedToken> | undefined
  /** Until then the token endpoint is not asked: it answered 429. */
  let rateLimitedUntilMs = 0
  let replacedAtMs = -Infinity
  /** Replacements since the API last accepted a token. */
  let unacceptedReplacements = 0

  const request = async (): Promise<CachedToken> => {
    const signal = AbortSignal.timeout(options.timeoutMs)
    try {
      // Raced as well as signalled: a fetch that ignores its signal must not wedge every
      // later caller behind one request that never ends.
      return await untilAborted(exchange(signal), signal)
    } catch (error) {
      if (error instanceof Auth0Error) throw error
      if (signal.aborted) throw upstreamTimeout(options.timeoutMs)
      throw tenantUnreachable()
    }
  }

  const exchange = async (signal: AbortSignal): Promise<CachedToken> => {
    const requestedAt = options.now()
    const response = await options.fetch(
      new Request(options.tenant.tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
          audience: options.tenant.managementAudience,
        }).toString(),
        // Followed, a 307 or 308 would post the secret again to wherever it points.
        redirect: 'manual',
        signal,
      }),
    )
    if (response.status === 429) {
      await response.body?.cancel()
      const receivedAt = new Date(options.now())
      const retryAt = nextAttemptAt(parseRateLimit(response.headers, receivedAt), receivedAt)
      rateLimitedUntilMs = retryAt?.getTime() ?? receivedAt.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS
      throw rateLimited()
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw managementTokenRefused(
        `it answered HTTP ${response.status}, a redirect, which the proxy does not follow.`,
      )
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw managementTokenRefused(describeRefusal(response.status, body))
    const answer = tokenAnswer.safeParse(body)
    if (!answer.success) throw managementTokenRefused('the answer held no access token.')
    const lifetimeMs = (answer.data.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000
    // Short-lived tokens (as in tests) are still used for half their life.
    const margin = Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2)
    return { token: answer.data.access_token, refreshAtMs: requestedAt + lifetimeMs - margin }
  }

  const rateLimited = (): Auth0Error =>
    tokenEndpointRateLimited(Math.max(1, Math.ceil((rateLimitedUntilMs - options.now()) / 1000)))

  return {
    async get() {
      if (cached && options.now() < cached.refreshAtMs) return cached.token
      if (options.now() < rateLimitedUntilMs) throw rateLimited()
      inFlight ??= request()
        .then((fresh) => (cached = fresh))
        .finally(() => (inFlight = undefined))
      return (await inFlight).token
    },
    accepted(token) {
      if (cached?.token !== token) return
      cached.accepted = true
      unacceptedReplacements = 0
    },
    invalidate(token) {
      if (cached?.token !== token) return true
      const recent = options.now() - replacedAtMs < REGRANT_INTERVAL_MS
      if (!cached.accepted && recent && unacceptedReplacements >= MAX_UNACCEPTED_REPLACEMENTS) {
        return false
      }
      unacceptedReplacements = cached.accepted ? 1 : unacceptedReplacements + 1
      cached = undefined
      replacedAtMs = options.now()
      return true
    },
  }
}

/** Auth0's OAuth error (`access_denied: …`), never the request that caused it. */
function describeRefusal(status: number, body: unknown): string {
  const parsed = oauthError.safeParse(body)
  if (!parsed.success) return `HTTP ${status}.`
  const { error, error_description: description } = parsed.data
  return description ? `${error} (${description})` : error
}
