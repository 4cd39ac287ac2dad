import { Hono, type Context } from 'hono'
import { createAdminTokenCheck, createTenantKeySet, type Admin } from './admin-token'
import { API_BASE_PATH, resolveRoute, type ResolvedRoute } from '../shared/management-routes'
import {
  Auth0Error,
  bodyNotAllowed,
  bodyTooLarge,
  errorResponse,
  insufficientScope,
  internalError,
  jsonResponse,
  methodNotAllowed,
  permissionsClaimMissing,
  routeNotFound,
  upstreamTimeout,
  uriTooLong,
  withHeaders,
} from './auth0-errors'
import {
  auditLine,
  countersignLine,
  errorLine,
  securityLine,
  suppressedLine,
  warningLine,
  type AuditSink,
  type SecurityReason,
} from './audit-log'
import type { ProxyConfig } from './config'
import { COUNTERSIGN_PREFLIGHT, createCors } from './cors'
import {
  announcesTooLarge,
  MAX_COUNTERSIGN_BODY_BYTES,
  readCountersignHash,
} from './countersign-request'
import {
  COUNTERSIGN_ISSUER,
  COUNTERSIGN_KEYS_PATH,
  COUNTERSIGN_PATH,
  createCountersigner,
} from './countersigner'
import { globalFetch, untilAborted, type Fetch } from './fetch'
import { checkCheckpointQuery } from './checkpoint-query'
import { foundUsersOf, keepUserIds, type FoundUsers } from './found-users'
import { createLogLimiter } from './log-limiter'
import { CallerGone, createManagementRelay } from './management-relay'
import { createManagementTokenSource } from './management-token'
import { createReadinessCheck } from './readiness'
import { redactSecrets } from './redact'
import { requestIdsOf, type RequestIds } from './request-id'
import { API_SECURITY_HEADERS, BASE_SECURITY_HEADERS } from './security-headers'
import { createStaticSite, type StaticFiles } from './static-site'

export interface ProxyDeps {
  /** Where audit lines go. Required: an audit log must not vanish by default. */
  log: AuditSink
  /** How to reach the tenant; the runtime's fetch by default. */
  fetch?: Fetch
  /** The clock for token expiry and durations; Date.now by default. */
  now?: () => number
  /** The built SPA, if this deployment serves it (serve.ts reads config.staticDir). */
  staticFiles?: StaticFiles
}

/**
 * What the runtime may tell the app besides the Request. `rawPath` is the request target as
 * received: `new Request` folds `..` and `%2e%2e` segments away (changing the route with them),
 * so only the raw target lets those be refused as invalid_uri. @hono/node-server passes it
 * (serve.ts); without it they simply reach a different route, or none.
 */
export interface ProxyBindings {
  rawPath?: string
}

/** Longer than any lookup the SPA makes; Auth0 itself answers long queries with 414. */
const MAX_URL_LENGTH = 8192

/** Per reason (log-limiter.ts): a flood of refusals costs at most this many lines a second. */
const SECURITY_LINES_PER_SECOND = 10

/** The Management API's lookups are GETs, and a browser asks OPTIONS before sending them. */
const API_METHODS: readonly string[] = ['GET', 'OPTIONS']
/** The SPA's files, /healthz: HEAD as well, as any static site answers. */
const SITE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS']
/** The proxy's one request with a body (countersigner.ts). */
const COUNTERSIGN_METHODS: readonly string[] = ['POST', 'OPTIONS']

/**
 * The countersigning key set is public (any verifier, from any page, may read it) and changes
 * only with a new key: a few minutes' caching spares the proxy and still lets a rotation through.
 */
const KEYS_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'public, max-age=300',
  'Access-Control-Allow-Origin': '*',
}

/** A logged path is the caller's choice: enough to see what was probed, no more. */
const MAX_LOGGED_PATH_LENGTH = 256

/** Not an answer anybody reads: the caller hung up first (nginx's 499). */
const CALLER_GONE_STATUS = 499

/**
 * The proxy: checks the admin's token, checks the endpoint against the allow-list and the
 * admin's permissions, relays the lookup with its own Management API token and hands back what
 * the Management API said. Web-standard only, so it runs on Node (serve.ts) or any fetch runtime.
 */
export function createProxyApp(
  config: ProxyConfig,
  deps: ProxyDeps,
): Hono<{ Bindings: ProxyBindings }> {
  const now = deps.now ?? Date.now
  const fetch = deps.fetch ?? globalFetch
  const timeoutMs = config.upstreamTimeoutMs
  const keys = createTenantKeySet({ tenant: config.tenant, fetch, timeoutMs })
  const checkAdmin = createAdminTokenCheck({
    tenant: config.tenant,
    audience: config.audience,
    keys,
    now,
    timeoutMs,
  })
  const tokens = createManagementTokenSource({
    tenant: config.tenant,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    fetch,
    now,
    timeoutMs,
  })
  const relay = createManagementRelay({ tenant: config.tenant, tokens, fetch, timeoutMs })
  const readiness = createReadinessCheck({ keys, tokens })
  const cors = createCors(config.allowedOrigins)
  const staticSite = deps.staticFiles && createStaticSite(deps.staticFiles, config.tenant.origin)
  const countersigner = createCountersigner(config.countersignJwk)
  if (config.countersignJwk === undefined) {
    deps.log(
      warningLine({
        time: new Date(now()).toISOString(),
        warning:
          'COUNTERSIGN_PRIVATE_JWK is not set: countersignatures are made with a key made at start, and will not verify after a restart. Set it to a private Ed25519 JWK (server/proxy/.env.example).',
      }),
    )
  }
  let warnedOfMissingPermissions = false

  /** A token without `permissions` means the tenant is set up wrong for every admin: say so once. */
  const warnOfMissingPermissions = (): void => {
    if (warnedOfMissingPermissions) return
    warnedOfMissingPermissions = true
    deps.log(
      warningLine({
        time: new Date(now()).toISOString(),
        warning: `An admin's token has no permissions claim, so every lookup is refused: ${permissionsClaimMissing().message}`,
      }),
    )
  }

  /** An allowed lookup by a checked admin: refused for want of permission, or relayed. */
  const lookup = async (
    admin: Admin,
    resolved: ResolvedRoute,
    callerGone: AbortSignal,
    deadline: AbortSignal,
  ): Promise<Response> => {
    const { permissions } = admin
    if (permissions === undefined) {
      warnOfMissingPermissions()
      return errorResponse(permissionsClaimMissing())
    }
    // The endpoint's permission, then a field's (`fields=roles`): the first one missing is named.
    const missing = resolved.permissions.find(
      (anyOf) => !anyOf.some((permission) => permissions.has(permission)),
    )
    if (missing) return errorResponse(insufficientScope(...missing))
    checkCheckpointQuery(resolved.upstreamQuery)
    const query = isSearch(resolved) ? keepUserIds(resolved.upstreamQuery) : resolved.upstreamQuery
    try {
      return await relay({ path: resolved.upstreamPath, query }, { deadline, caller: callerGone })
    } catch (error) {
      if (error instanceof CallerGone) return new Response(null, { status: CALLER_GONE_STATUS })
      throw error
    }
  }

  const securityLog = createLogLimiter({
    log: deps.log,
    now,
    perSecond: SECURITY_LINES_PER_SECOND,
    suppressed: (reason, suppressed) =>
      suppressedLine({ time: new Date(now()).toISOString(), reason, suppressed }),
  })

  /** A request turned away before any lookup: answered, and logged within the rate limit. */
  const refuse = (
    error: Auth0Error,
    why: {
      request: Request
      ids: RequestIds
      path: string
      reason: SecurityReason
      admin?: Admin
    },
  ): Response => {
    securityLog(why.reason, () =>
      securityLine({
        time: new Date(now()).toISOString(),
        ...why.ids,
        ...(why.admin && { admin: auditedAdmin(why.admin) }),
        method: why.request.method,
        path: redactSecrets(why.path).slice(0, MAX_LOGGED_PATH_LENGTH),
        status: error.status,
        reason: why.reason,
        message: error.message,
      }),
    )
    return errorResponse(error)
  }

  const api = async (request: Request, ids: RequestIds, rawPath: string): Promise<Response> => {
    const startedAt = now()
    // Read now: @hono/node-server makes the signal on first read, and a signal made after the
    // caller hung up never aborts, so the lookup would go upstream for nobody.
    const { signal: callerGone } = request
    // One time limit for the whole request: key set, token grant, lookup and its retry.
    const deadline = AbortSignal.timeout(timeoutMs)
    const auth0ErrorOf = (error: unknown): Auth0Error => {
      if (error instanceof Auth0Error) return error
      if (deadline.aborted) return upstreamTimeout(timeoutMs)
      throw error
    }

    let admin: Admin | undefined
    let resolved: ResolvedRoute
    try {
      admin = await untilAborted(checkAdmin(request.headers.get('Authorization')), deadline)
      resolved = resolveRoute(request.method, rawPath, new URL(request.url).searchParams)
    } catch (error) {
      // No admin, or no lookup to speak of: a security line, not an audit line.
      const reason = admin === undefined ? 'token' : 'path'
      return refuse(auth0ErrorOf(error), { request, ids, path: rawPath, reason, admin })
    }
    const response = await lookup(admin, resolved, callerGone, deadline).catch((error: unknown) =>
      errorResponse(auth0ErrorOf(error)),
    )
    const found = isSearch(resolved) && response.ok ? await foundUsers(response) : undefined
    deps.log(
      auditLine({
        time: new Date(startedAt).toISOString(),
        ...ids,
        admin: auditedAdmin(admin),
        targetUserId: resolved.targetUserId,
        ...(resolved.targetOrganizationId !== null && {
          targetOrganizationId: resolved.targetOrganizationId,
        }),
        ...(resolved.targetOrganizationName !== null && {
          targetOrganizationName: resolved.targetOrganizationName,
        }),
        ...(found !== undefined && { found }),
        endpoint: resolved.route.name,
        status: response.status,
        durationMs: now() - startedAt,
      }),
    )
    return response
  }

  /**
   * A countersignature for a checked admin (countersigner.ts): the admin comes from the token,
   * the hash from the body, the time from the proxy's clock. Nothing goes to the tenant but, at
   * most, a fetch of its signing keys to check the token.
   */
  const countersign = async (request: Request, ids: RequestIds): Promise<Response> => {
    const why = { request, ids, path: COUNTERSIGN_PATH } as const
    if (announcesTooLarge(request)) {
      return refuse(bodyTooLarge(MAX_COUNTERSIGN_BODY_BYTES), { ...why, reason: 'request' })
    }
    const deadline = AbortSignal.timeout(timeoutMs)
    let admin: Admin
    try {
      admin = await untilAborted(checkAdmin(request.headers.get('Authorization')), deadline)
    } catch (error) {
      const refusal =
        error instanceof Auth0Error
          ? error
          : deadline.aborted
            ? upstreamTimeout(timeoutMs)
            : undefined
      if (refusal === undefined) throw error
      return refuse(refusal, { ...why, reason: 'token' })
    }
    let sha256: string
    try {
      sha256 = await readCountersignHash(request)
    } catch (error) {
      if (!(error instanceof Auth0Error)) throw error
      return refuse(error, { ...why, reason: 'request', admin })
    }
    const signedAt = now()
    const { jws, kid } = await countersigner.sign({
      sha256,
      admin: auditedAdmin(admin),
      signedAt: new Date(signedAt).toISOString(),
      iat: Math.floor(signedAt / 1000),
      iss: COUNTERSIGN_ISSUER,
    })
    deps.log(
      countersignLine({
        time: new Date(signedAt).toISOString(),
        ...ids,
        admin: auditedAdmin(admin),
        sha256,
        kid,
      }),
    )
    return jsonResponse(200, { jws, kid, keysUrl: COUNTERSIGN_KEYS_PATH })
  }

  const answer = async (c: Context<{ Bindings: ProxyBindings }>, ids: RequestIds) => {
    const request = c.req.raw
    const { pathname } = new URL(request.url)
    const why = { request, ids, path: pathname, reason: 'request' } as const
    if (pathname === COUNTERSIGN_PATH) {
      if (!COUNTERSIGN_METHODS.includes(request.method)) {
        return refuse(methodNotAllowed(request.method, COUNTERSIGN_METHODS), why)
      }
      if (request.url.length > MAX_URL_LENGTH) return refuse(uriTooLong(MAX_URL_LENGTH), why)
      if (request.method === 'POST') return countersign(request, ids)
      if (hasBody(request)) return refuse(bodyNotAllowed(), why)
      return cors.preflight(request, COUNTERSIGN_PREFLIGHT)
    }
    const isApi = pathname === API_BASE_PATH || pathname.startsWith(`${API_BASE_PATH}/`)
    // The method is what is wrong with a POST, whatever it carries: checked before the body.
    const allowed = isApi ? API_METHODS : SITE_METHODS
    if (!allowed.includes(request.method)) {
      return refuse(methodNotAllowed(request.method, allowed), why)
    }
    if (hasBody(request)) return refuse(bodyNotAllowed(), why)
    if (request.url.length > MAX_URL_LENGTH) return refuse(uriTooLong(MAX_URL_LENGTH), why)
    if (request.method === 'OPTIONS') return cors.preflight(request)

    if (isApi) {
      return api(request, ids, rawPathOf(c.env?.rawPath) ?? pathname)
    }
    if (pathname === '/healthz' && request.method === 'GET') {
      return jsonResponse(200, { status: 'ok' })
    }
    if (pathname === '/readyz' && request.method === 'GET') return readiness()
    if (pathname === COUNTERSIGN_KEYS_PATH && request.method === 'GET') {
      return jsonResponse(200, await countersigner.keySet())
    }
    if (staticSite) return staticSite(request)
    return refuse(routeNotFound(), { ...why, reason: 'path' })
  }

  // One route: every answer, whatever produced it, leaves through the same exit, which adds the
  // common headers by building the final Response (never by setting headers on one; see
  // withHeaders). An answer without a policy of its own (the SPA's files bring theirs) is the
  // API's, and gets the API's security headers.
  const app = new Hono<{ Bindings: ProxyBindings }>()
  app.all('*', async (c) => {
    const ids = requestIdsOf(c.req.raw)
    let response: Response
    try {
      response = await answer(c, ids)
    } catch (error) {
      deps.log(errorLine({ time: new Date(now()).toISOString(), ...ids, error: describe(error) }))
      response = errorResponse(internalError())
    }
    const publicKeys = response.ok && new URL(c.req.url).pathname === COUNTERSIGN_KEYS_PATH
    return withHeaders(response, {
      ...(response.headers.has('Content-Security-Policy')
        ? BASE_SECURITY_HEADERS
        : API_SECURITY_HEADERS),
      ...(publicKeys ? KEYS_HEADERS : cors.headersFor(c.req.raw)),
      'X-Request-Id': ids.requestId,
    })
  })
  return app
}

/**
 * Nothing here takes a body, so the size limit is zero: a request announcing one (a GET with a
 * body is a smuggling attempt or a confused client) is refused before anything else is done.
 */
function hasBody(request: Request): boolean {
  const length = request.headers.get('Content-Length')
  return request.headers.has('Transfer-Encoding') || (length !== null && length.trim() !== '0')
}

function auditedAdmin(admin: Admin): { sub: string; email?: string } {
  return { sub: admin.sub, ...(admin.email !== undefined && { email: admin.email }) }
}

/** A search, or any lookup whose answer lists the users it found (the route table says which). */
function isSearch(resolved: ResolvedRoute): boolean {
  return resolved.route.findsUsers === true
}

/** Whom a search's answer holds; the answer itself still goes to the admin whole. */
async function foundUsers(response: Response): Promise<FoundUsers | undefined> {
  return foundUsersOf(
    await response
      .clone()
      .json()
      .catch(() => undefined),
  )
}

/** The path of a raw request target (`/a/b?c`), if it is one. */
function rawPathOf(target: string | undefined): string | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined
  const end = target.search(/[?#]/)
  return end === -1 ? target : target.slice(0, end)
}

/** An error's kind and message, for the log: messages here carry no request content. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown'
}
