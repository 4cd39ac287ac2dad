import type { TenantContext } from '../context'
import { refuseCheckpoint } from './checkpoint-paging'
import { delay } from './delay'
import {
  errorResponse,
  internalServerError,
  invalidToken,
  jsonResponse,
  tooManyRequests,
} from './errors'
import { resolveRoute, type ManagementRoute } from './paths'
import { rateLimitHeaders } from './rate-limit'

/**
 * Fault switches: how the local tenant misbehaves on purpose, so tests can prove what Orgscope
 * does when the network, the tenant or the data go wrong. A tenant has them only when it is
 * created with `faults: true` (tests, and `LOCAL_TENANT_FAULTS=1` for the e2e servers); without
 * them, and with no switch set, every answer is exactly the default one.
 *
 * Switches act on `GET /users/{id}/organizations` — the paged list — except
 * `rejectTokensIssuedBefore`, which refuses the token on every lookup in its scope.
 */
export interface FaultSwitches {
  /**
   * Every request for a page past the first N (`page` ≥ N) loses its connection: no status, no
   * body, as when a network drops mid-way through the pages.
   */
  dropConnectionAfterPages?: number
  /** How many requests lose their connection before it holds again; default: all, until cleared. */
  dropConnectionTimes?: number
  /** Every answer waits this long first; it ends early (unanswered) when the caller hangs up. */
  delayMs?: number
  /** This page (`page` = N) answers 200 with a body that is not the documented shape. */
  malformedPage?: number
  /** The next N requests answer 500, then the list answers normally again. */
  fail500Times?: number
  /**
   * A 429 storm: every request answers 429 for this long, counted from the first one it refuses
   * (so a test's storm is as long as it says, however long the page took to ask).
   */
  rateLimitForMs?: number
  /**
   * During the storm each 429 says the limit resets within this many whole seconds (as a bucket
   * that refills only to be emptied again would); default: at the end of the storm.
   */
  rateLimitWindowSeconds?: number
  /**
   * Tokens issued (`iat`) before this time, in ms since the epoch, are refused with 401 "Invalid
   * token": a session the tenant no longer accepts. `iat` is in whole seconds, so a cutoff on a
   * whole second is exact; the control endpoint's `"now"` waits for one (fault-control.ts).
   */
  rejectTokensIssuedBefore?: number
  /**
   * Refuses checkpoint paging (`from`/`take`) with 400 as a tenant without it does, for this
   * scope only (the tenant-wide switch is `checkpointPaging` in its config).
   */
  refuseCheckpointPaging?: boolean
}

export interface FaultRule extends FaultSwitches {
  /** The user whose lookups misbehave (the `{id}` in `/users/{id}/…`); omitted: every user. */
  userId?: string
}

/** One Management API request as the tenant saw it: what fault tests count and time. */
export interface RecordedRequest {
  endpoint: ManagementRoute['name'] | 'other'
  userId?: string
  /** `page` and `per_page` as sent (memberships and search). */
  page?: number
  perPage?: number
  /** `take` as sent (checkpoint paging): its requests carry no `page`. */
  take?: number
  /** ms since the epoch, by the tenant's clock. */
  startedAt: number
  /** Undefined while the request is still open. */
  endedAt?: number
  /** The status answered, `dropped` (connection cut), or `aborted` (the caller hung up first). */
  outcome?: number | 'dropped' | 'aborted'
  /** For a 429: the `X-RateLimit-Reset` it carried (seconds since the epoch). */
  rateLimitReset?: number
}

/**
 * What the server running the tenant can do beyond answering, passed as the Hono app's `env`.
 * Only a real server can cut a connection (serve.ts); elsewhere (MSW, `tenant.fetch`) a dropped
 * connection is an answer whose body fails while it is read, which a client sees the same way.
 */
export interface TenantBindings {
  /** Cuts the connection this request came on; returns what the handler hands back instead. */
  dropConnection?: () => Response
}

export interface Faults {
  /** Sets the switches for one scope (`rule.userId`, or every user), replacing earlier ones there. */
  set: (rule: FaultRule) => void
  /** Clears one scope's switches: a user's, or (no argument) the every-user ones. */
  clear: (userId?: string) => void
  /** Every switch off, every session-level change undone, the request log emptied. */
  reset: () => void
  /** The Management API requests seen since the last reset, oldest first. */
  requests: (filter?: {
    userId?: string
    endpoint?: RecordedRequest['endpoint']
  }) => RecordedRequest[]
  /** Ends every sign-in session: the next silent sign-in needs the admin's password again. */
  endSessions: () => void
  /** Tokens issued from now on live this long (reset restores the configured lifetime). */
  setAccessTokenTtl: (seconds: number) => void

  // --- the tenant's side: the Management API pipeline and the sign-in sessions call these ---

  /** Notes the start of a Management API request (routes.ts). */
  begin: (request: Request) => void
  /** Notes how it ended. */
  finish: (request: Request, outcome: Response | 'aborted') => void
  /** Throws 401 "Invalid token" if the switches refuse a token issued at `issuedAt` (seconds). */
  checkToken: (route: ManagementRoute, issuedAt: number | undefined) => void
  /** The fault's answer to this lookup, or undefined to answer normally. */
  respond: (
    route: ManagementRoute,
    request: Request,
    bindings: TenantBindings | undefined,
  ) => Promise<Response | undefined>
  /** Registers what `endSessions` ends (auth-context.ts). */
  onEndSessions: (end: () => void) => void
}

/** Enough for any test run; older entries go first, so a long-running tenant stays small. */
const MAX_RECORDED_REQUESTS = 10_000
const EVERY_USER = Symbol('every user')

interface ActiveRule {
  switches: FaultSwitches
  dropped: number
  failedWith500: number
  /** When the storm met its first request. */
  stormStartedAt?: number
}

export function createFaults(context: Pick<TenantContext, 'config' | 'now'>): Faults {
  const rules = new Map<string | typeof EVERY_USER, ActiveRule>()
  const log: RecordedRequest[] = []
  const open = new WeakMap<Request, RecordedRequest>()
  const sessionEnders: (() => void)[] = []
  const configuredTokenTtl = context.config.accessTokenTtlSeconds

  /** A user's own switches win over the every-user ones. */
  const ruleFor = (route: ManagementRoute): ActiveRule | undefined =>
    ('userId' in route ? rules.get(route.userId) : undefined) ?? rules.get(EVERY_USER)

  const respond: Faults['respond'] = async (route, request, bindings) => {
    if (route.name !== 'listUserOrganizations') return undefined
    const rule = ruleFor(route)
    if (!rule) return undefined
    const { switches } = rule
    const params = new URL(request.url).searchParams
    const page = Number(params.get('page') ?? 0)

    if (switches.refuseCheckpointPaging) refuseCheckpoint(params)
    const storm = stormAnswer(rule, context.now(), context.config.rateLimit.burst)
    if (storm) return storm
    if (switches.delayMs) await delay(switches.delayMs, request.signal)
    if (rule.failedWith500 < (switches.fail500Times ?? 0)) {
      rule.failedWith500 += 1
      return errorResponse(internalServerError())
    }
    const { dropConnectionAfterPages: dropFrom, dropConnectionTimes: dropTimes } = switches
    if (dropFrom !== undefined && page >= dropFrom && rule.dropped < (dropTimes ?? Infinity)) {
      rule.dropped += 1
      const record = open.get(request)
      if (record) record.outcome = 'dropped'
      return bindings?.dropConnection?.() ?? bodyThatFails()
    }
    if (switches.malformedPage === page) {
      const perPage = Number(params.get('per_page') ?? 50)
      // Records without the id and name every organization has: not the documented shape.
      return jsonResponse(200, {
        start: page * perPage,
        limit: perPage,
        total: perPage * (page + 1),
        organizations: [{ display_name: 'Half a record' }],
      })
    }
    return undefined
  }

  return {
    set(rule) {
      const { userId, ...switches } = rule
      validate(switches)
      rules.set(userId ?? EVERY_USER, { switches, dropped: 0, failedWith500: 0 })
    },
    clear(userId) {
      rules.delete(userId ?? EVERY_USER)
    },
    reset() {
      rules.clear()
      log.length = 0
      context.config.accessTokenTtlSeconds = configuredTokenTtl
    },
    requests(filter = {}) {
      return log
        .filter(
          (entry) =>
            (filter.userId === undefined || entry.userId === filter.userId) &&
            (filter.endpoint === undefined || entry.endpoint === filter.endpoint),
        )
        .map((entry) => ({ ...entry }))
    },
    endSessions() {
      for (const end of sessionEnders) end()
    },
    setAccessTokenTtl(seconds) {
      if (!Number.isInteger(seconds) || seconds < 1) {
        throw new RangeError(`The token lifetime must be a whole number ≥ 1, got ${seconds}`)
      }
      context.config.accessTokenTtlSeconds = seconds
    },

    begin(request) {
      const url = new URL(request.url)
      let route: ManagementRoute | undefined
      try {
        route = resolveRoute(request.method, request.url)
      } catch {
        route = undefined
      }
      const page = url.searchParams.get('page')
      const perPage = url.searchParams.get('per_page')
      const take = url.searchParams.get('take')
      const record: RecordedRequest = {
        endpoint: route?.name ?? 'other',
        ...(route && 'userId' in route && { userId: route.userId }),
        ...(page !== null && { page: Number(page) }),
        ...(perPage !== null && { perPage: Number(perPage) }),
        ...(take !== null && { take: Number(take) }),
        startedAt: context.now(),
      }
      open.set(request, record)
      log.push(record)
      if (log.length > MAX_RECORDED_REQUESTS) log.shift()
    },
    finish(request, outcome) {
      const record = open.get(request)
      if (!record) return
      open.delete(request)
      record.endedAt = context.now()
      if (outcome === 'aborted') record.outcome = 'aborted'
      else if (record.outcome === undefined) record.outcome = outcome.status
      if (outcome !== 'aborted' && outcome.status === 429) {
        const reset = Number(outcome.headers.get('X-RateLimit-Reset'))
        if (Number.isFinite(reset)) record.rateLimitReset = reset
      }
    },
    checkToken(route, issuedAt) {
      const cutoff = ruleFor(route)?.switches.rejectTokensIssuedBefore
      if (cutoff === undefined) return
      if (issuedAt === undefined || issuedAt * 1000 < cutoff) throw invalidToken()
    },
    respond,
    onEndSessions(end) {
      sessionEnders.push(end)
    },
  }
}

/** While the storm lasts: 429 with headers saying when to come back. */
function stormAnswer(rule: ActiveRule, now: number, limit: number): Response | undefined {
  const { rateLimitForMs, rateLimitWindowSeconds } = rule.switches
  if (rateLimitForMs === undefined) return undefined
  rule.stormStartedAt ??= now
  const stormEndsAt = rule.stormStartedAt + rateLimitForMs
  if (now >= stormEndsAt) return undefined
  // Whole seconds, as the header has them; never before the storm is over when the window is not
  // set, and never in the past (floor(now) + 1 s is always ahead).
  const stormEndSeconds = Math.ceil(stormEndsAt / 1000)
  const resetSeconds =
    rateLimitWindowSeconds === undefined
      ? stormEndSeconds
      : Math.min(stormEndSeconds, Math.floor(now / 1000) + rateLimitWindowSeconds)
  return errorResponse(tooManyRequests(), rateLimitHeaders({ limit, remaining: 0, resetSeconds }))
}

/**
 * A 200 whose body fails part-way: what a client sees of a connection cut after the status line.
 * Used where no server can cut a real connection (MSW); the client reports both as a network error.
 */
function bodyThatFails(): Response {
  return new Response(
    new ReadableStream({
      pull(controller) {
        controller.error(new TypeError('The connection was dropped.'))
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  )
}

function validate(switches: FaultSwitches): void {
  const wholeNumbers = [
    'dropConnectionAfterPages',
    'dropConnectionTimes',
    'malformedPage',
    'fail500Times',
    'rateLimitWindowSeconds',
  ] as const
  for (const name of wholeNumbers) {
    const value = switches[name]
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`)
    }
  }
  for (const name of ['delayMs', 'rateLimitForMs', 'rejectTokensIssuedBefore'] as const) {
    const value = switches[name]
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new RangeError(`${name} must be a number ≥ 0, got ${value}`)
    }
  }
  if (switches.rateLimitWindowSeconds === 0) {
    throw new RangeError('rateLimitWindowSeconds must be at least 1')
  }
}
