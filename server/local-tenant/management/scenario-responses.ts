import type { TenantContext } from '../context'
import {
  RATE_LIMITED_SCENARIO,
  SLOW_SCENARIO_DELAY_MS,
  type OrganizationScenarioName,
  type ScenarioName,
} from '../seed/scenarios'
import { delay } from './delay'
import {
  errorResponse,
  insufficientScope,
  invalidSignature,
  invalidToken,
  internalServerError,
  invalidUri,
  organizationNotFound,
  tooManyRequests,
  userDoesNotExist,
  userNotFound,
  jsonResponse,
  type Auth0Error,
} from './errors'
import { MANAGEMENT_ROUTES } from '../../shared/management-routes'
import type { ManagementRoute } from './paths'
import { rateLimitHeaders } from './rate-limit'

export interface ScenarioResponder {
  /**
   * The scenario's answer for this lookup, or undefined to answer normally (no scenario, a
   * scenario that does not touch this endpoint, or one that has run its course).
   */
  respond: (route: ManagementRoute, request: Request) => Promise<Response | undefined>
}

interface Episode {
  /** Until when (ms) the rate-limited list's lookups are refused. */
  refusedUntilMs: number
  lastSeenMs: number
}

/**
 * The list a scenario acts on: a user's organizations or an organization's members. Every
 * scenario answers the same way on both, but for the 404 and the body a malformed answer holds.
 */
interface ScenarioList {
  /** Whose list: one rate-limit episode each. */
  episodeKey: string
  endpoint: (typeof MANAGEMENT_ROUTES)['listUserOrganizations' | 'listOrganizationMembers']
  notFound: () => Auth0Error
  /** The documented body's list field, which the malformed answer fills with a string. */
  field: 'organizations' | 'members'
}

const BAD_GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/**
 * Acts out the scenario users and organizations (seed/scenarios.ts) and the role scenarios
 * (seed/roles.ts). A scenario user's memberships and a scenario organization's members fail
 * alike; `deleted` also 404s on the user, or on the organization (by id or by name). Only the
 * rate-limited scenario keeps state: one "episode" per user or organization, so a UI that waits
 * for X-RateLimit-Reset and retries succeeds.
 */
export function createScenarioResponder(
  context: Pick<TenantContext, 'config' | 'data' | 'now'>,
): ScenarioResponder {
  const episodes = new Map<string, Episode>()

  const rateLimited = (key: string): Response | undefined => {
    const now = context.now()
    const quietMs = RATE_LIMITED_SCENARIO.quietSecondsBeforeNewEpisode * 1000
    let episode = episodes.get(key)
    if (!episode || now - episode.lastSeenMs >= quietMs) {
      // Refuse until a whole second, so the advertised reset (whole seconds) is exactly right.
      const resetSeconds = Math.ceil(now / 1000 + RATE_LIMITED_SCENARIO.resetAfterSeconds)
      episode = { refusedUntilMs: resetSeconds * 1000, lastSeenMs: now }
      episodes.set(key, episode)
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

  const listAnswer = async (
    scenario: ScenarioName,
    list: ScenarioList,
    request: Request,
  ): Promise<Response | undefined> => {
    switch (scenario) {
      case 'invalid-token':
        return errorResponse(invalidToken())
      case 'invalid-signature':
        return errorResponse(invalidSignature())
      case 'insufficient-scope':
        return errorResponse(insufficientScope(...list.endpoint.anyOf))
      case 'deleted':
        return errorResponse(list.notFound())
      case 'invalid-uri':
        return errorResponse(invalidUri(list.endpoint.params.id))
      case 'rate-limited':
        return rateLimited(list.episodeKey)
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
        return jsonResponse(200, { [list.field]: 'oops' })
      case 'slow':
        await delay(SLOW_SCENARIO_DELAY_MS, request.signal)
        return undefined
    }
  }

  /** Role scenarios act on one membership each; the other scenarios never reach roles lookups. */
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

  const { scenarioByUserId, scenarioByOrganizationId, organizationsByName } = context.data
  /** A deleted organization is gone however it is looked up: by id, by name, or its members. */
  const organizationGone = (scenario: OrganizationScenarioName | undefined) =>
    scenario === 'deleted' ? errorResponse(organizationNotFound()) : undefined

  return {
    async respond(route, request) {
      switch (route.name) {
        case 'listOrganizationMemberRoles':
          return memberRolesAnswer(route.organizationId, route.userId)
        case 'getUser':
          return scenarioByUserId.get(route.userId) === 'deleted'
            ? errorResponse(userDoesNotExist())
            : undefined
        case 'listUserOrganizations': {
          const scenario = scenarioByUserId.get(route.userId)
          if (scenario === undefined) return undefined
          return listAnswer(scenario, userList(route.userId), request)
        }
        case 'getOrganization':
          return organizationGone(scenarioByOrganizationId.get(route.organizationId))
        case 'getOrganizationByName': {
          const organization = organizationsByName.get(route.organizationName)
          return organizationGone(organization && scenarioByOrganizationId.get(organization.id))
        }
        case 'listOrganizationMembers': {
          const scenario = scenarioByOrganizationId.get(route.organizationId)
          if (scenario === undefined) return undefined
          return listAnswer(scenario, membersList(route.organizationId), request)
        }
        default:
          return undefined
      }
    },
  }
}

const userList = (userId: string): ScenarioList => ({
  episodeKey: `user ${userId}`,
  endpoint: MANAGEMENT_ROUTES.listUserOrganizations,
  notFound: userNotFound,
  field: 'organizations',
})

const membersList = (organizationId: string): ScenarioList => ({
  episodeKey: `organization ${organizationId}`,
  endpoint: MANAGEMENT_ROUTES.listOrganizationMembers,
  notFound: organizationNotFound,
  field: 'members',
})
