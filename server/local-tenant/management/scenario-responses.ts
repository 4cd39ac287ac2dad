import type { TenantContext } from '../context'
import { RATE_LIMITED_SCENARIO, SLOW_SCENARIO_DELAY_MS, type ScenarioName } from '../seed/scenarios'
import { delay } from './delay'
import {
  errorResponse,
  insufficientScope,
  invalidSignature,
  invalidToken,
  internalServerError,
  invalidUri,
  tooManyRequests,
  userDoesNotExist,
  userNotFound,
  jsonResponse,
} from './errors'
import { MANAGEMENT_ROUTES } from '../../shared/management-routes'
import type { ManagementRoute } from './paths'
import { rateLimitHeaders } from './rate-limit'

type UserRoute = Extract<ManagementRoute, { userId: string }>

export interface ScenarioResponder {
  /**
   * The scenario's answer for this lookup, or undefined to answer normally (no scenario, a
   * scenario that does not touch this endpoint, or one that has run its course).
   */
  respond: (route: UserRoute, request: Request) => Promise<Response | undefined>
}

interface Episode {
  /** Until when (ms) the rate-limited user's lookups are refused. */
  refusedUntilMs: number
  lastSeenMs: number
}

const BAD_GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/**
 * Acts out the scenario users (seed/scenarios.ts) and the role scenarios (seed/roles.ts). Only
 * the rate-limited scenario keeps state: one "episode" per user, so a UI that waits for
 * X-RateLimit-Reset and retries succeeds.
 */
export function createScenarioResponder(
  context: Pick<TenantContext, 'config' | 'data' | 'now'>,
): ScenarioResponder {
  const episodes = new Map<string, Episode>()

  const rateLimited = (userId: string): Response | undefined => {
    const now = context.now()
    const quietMs = RATE_LIMITED_SCENARIO.quietSecondsBeforeNewEpisode * 1000
    let episode = episodes.get(userId)
    if (!episode || now - episode.lastSeenMs >= quietMs) {
      // Refuse until a whole second, so the advertised reset (whole seconds) is exactly right.
      const resetSeconds = Math.ceil(now / 1000 + RATE_LIMITED_SCENARIO.resetAfterSeconds)
      episode = { refusedUntilMs: resetSeconds * 1000, lastSeenMs: now }
      episodes.set(userId, episode)
    }
    episode.lastSeenMs = now
    if (now >= episode.refusedUntilMs) return undefined
    return errorResponse(
      tooManyRequests(),
      rateLimitHeaders({
        limit: context.config.rateLimit.burst,
        remaining: 0,
        resetSeconds: episode.refusedUntilMs / 1000,
      }),
    )
  }

  const organizationsAnswer = async (
    scenario: ScenarioName,
    route: UserRoute,
    request: Request,
  ): Promise<Response | undefined> => {
    switch (scenario) {
      case 'invalid-token':
        return errorResponse(invalidToken())
      case 'invalid-signature':
        return errorResponse(invalidSignature())
      case 'insufficient-scope':
        return errorResponse(insufficientScope(...MANAGEMENT_ROUTES.listUserOrganizations.anyOf))
      case 'deleted':
        return errorResponse(userNotFound())
      case 'invalid-uri':
        return errorResponse(invalidUri(MANAGEMENT_ROUTES.listUserOrganizations.params.id))
      case 'rate-limited':
        return rateLimited(route.userId)
      case 'server-error':
        return errorResponse(internalServerError())
      case 'bad-gateway':
        return new Response(BAD_GATEWAY_PAGE, {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        })
      case 'empty-body':
        return new Response(null, { status: 503 })
      case 'malformed':
        return jsonResponse(200, { organizations: 'oops' })
      case 'slow':
        await delay(SLOW_SCENARIO_DELAY_MS, request.signal)
        return undefined
    }
  }

  /** Role scenarios act on one membership each; the user scenarios never reach roles lookups. */
  const memberRolesAnswer = (organizationId: string, userId: string): Response | undefined => {
    const found = context.data.roleScenarios.find(
      (entry) => entry.organizationId === organizationId && entry.userId === userId,
    )
    switch (found?.scenario) {
      case undefined:
        return undefined
      case 'roles-insufficient-scope':
        return errorResponse(
          insufficientScope(...MANAGEMENT_ROUTES.listOrganizationMemberRoles.anyOf),
        )
      case 'roles-server-error':
        return errorResponse(internalServerError())
    }
  }

  return {
    async respond(route, request) {
      if (route.name === 'listOrganizationMemberRoles') {
        return memberRolesAnswer(route.organizationId, route.userId)
      }
      const scenario = context.data.scenarioByUserId.get(route.userId)
      if (scenario === undefined) return undefined
      if (route.name === 'getUser') {
        return scenario === 'deleted' ? errorResponse(userDoesNotExist()) : undefined
      }
      return organizationsAnswer(scenario, route, request)
    },
  }
}
