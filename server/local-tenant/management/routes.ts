import { Hono } from 'hono'
import type { TenantContext } from '../context'
import { authenticate, requireScope, type Principal } from './bearer'
import { delay } from './delay'
import { errorResponse, Auth0Error, tooManyRequests, withHeaders } from './errors'
import type { TenantBindings } from './faults'
import { listOrganizationMemberRoles } from './organization-member-roles'
import { listOrganizationMembers } from './organization-members'
import { getOrganization, getOrganizationByName, listOrganizations } from './organizations'
import { resolveRoute } from './paths'
import { createRateLimiter, rateLimitHeaders, type RateLimitOutcome } from './rate-limit'
import { createScenarioResponder } from './scenario-responses'
import { listUserOrganizations } from './user-organizations'
import { getUser, searchUsers, usersByEmail } from './users'

type Identity = { principal: Principal } | { failure: Response }

/** Requests whose token did not check out share one bucket: there is no client to charge. */
const ANONYMOUS_CLIENT = '(anonymous)'

/**
 * The Management API endpoints Orgscope uses, mounted by app.ts at /api/v2. Every request goes
 * through one pipeline: latency → bearer check → rate limit → route → scope → fault switches →
 * scenario → answer, and every answer (success or error) carries X-RateLimit-* headers. Rate
 * limit and latency are read from `context.config` per request; see settings.ts to change them at
 * run time. Fault switches exist only on a tenant created with them (faults.ts).
 */
export function managementRoutes(context: TenantContext): Hono<{ Bindings: TenantBindings }> {
  const limiter = createRateLimiter(() => context.config.rateLimit)
  const scenarios = createScenarioResponder(context)
  const { faults } = context

  const route = async (
    request: Request,
    principal: Principal,
    bindings: TenantBindings | undefined,
  ): Promise<Response> => {
    const resolved = resolveRoute(request.method, request.url)
    faults?.checkToken(resolved, principal.issuedAt)
    for (const scope of resolved.scopes) requireScope(principal, scope)
    const params = new URL(request.url).searchParams
    const { data, config } = context
    if (resolved.name === 'searchUsers') return searchUsers(data, params)
    if (resolved.name === 'usersByEmail') return usersByEmail(data, params)
    if (resolved.name === 'listOrganizations') {
      return listOrganizations(data, params, config.checkpointPaging)
    }
    const fault = await faults?.respond(resolved, request, bindings)
    if (fault) return fault
    const scenario = await scenarios.respond(resolved, request)
    if (scenario) return scenario
    switch (resolved.name) {
      case 'getOrganization':
        return getOrganization(data, resolved.organizationId)
      case 'getOrganizationByName':
        return getOrganizationByName(data, resolved.organizationName)
      case 'listOrganizationMembers': {
        const { organizationId } = resolved
        return listOrganizationMembers(data, organizationId, params, config.checkpointPaging)
      }
      case 'listOrganizationMemberRoles': {
        const { organizationId, userId } = resolved
        return listOrganizationMemberRoles(data, organizationId, userId, params)
      }
      case 'getUser':
        return getUser(data, resolved.userId, params)
      case 'listUserOrganizations':
        return listUserOrganizations(data, resolved.userId, params, config.checkpointPaging)
    }
  }

  const answer = async (
    request: Request,
    bindings: TenantBindings | undefined,
  ): Promise<Response> => {
    const identity: Identity = await authenticate(request, context).then(
      (principal) => ({ principal }),
      (error: unknown) => ({ failure: asErrorResponse(error) }),
    )
    const clientId = 'principal' in identity ? identity.principal.clientId : ANONYMOUS_CLIENT
    const outcome = limiter.take(clientId, context.now())
    let response: Response
    if (!outcome.allowed) response = errorResponse(tooManyRequests())
    else if ('failure' in identity) response = identity.failure
    else response = await route(request, identity.principal, bindings).catch(asErrorResponse)
    return withRateLimitHeaders(response, outcome)
  }

  const app = new Hono<{ Bindings: TenantBindings }>()
  app.all('*', async (c) => {
    const request = c.req.raw
    faults?.begin(request)
    try {
      await delay(context.config.latencyMs, request.signal)
      const response = await answer(request, c.env)
      faults?.finish(request, response)
      return response
    } catch (error) {
      // The caller hung up (latency, the slow scenario, a delay fault): nobody reads this answer.
      if (request.signal.aborted) {
        faults?.finish(request, 'aborted')
        return new Response(null, { status: 499 })
      }
      throw error
    }
  })
  return app
}

/** Expected failures become Auth0-shaped answers; anything else is a bug and propagates. */
function asErrorResponse(error: unknown): Response {
  if (error instanceof Auth0Error) return errorResponse(error)
  throw error
}

/** Adds the X-RateLimit-* headers, unless the response reports its own limit (the rate-limited scenario). */
function withRateLimitHeaders(response: Response, outcome: RateLimitOutcome): Response {
  if (response.headers.has('X-RateLimit-Limit')) return response
  return withHeaders(response, rateLimitHeaders(outcome))
}
