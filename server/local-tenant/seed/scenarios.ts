/**
 * Scenario users: real users in search whose lookups produce one error state each, so a person
 * (or an e2e test) can walk through every failure in the running app. Scenarios act on
 * `GET /users/{id}/organizations`, so the user's header still loads; `deleted` also 404s on
 * `GET /users/{id}`. The behaviour lives in `management/scenario-responses.ts`. They never touch
 * roles lookups; the role scenarios (one membership each) are in `roles.ts`.
 */
export const SCENARIO_DESCRIPTIONS = {
  'invalid-token':
    '401 "Invalid token" (with attributes.error), as when a session is no longer accepted.',
  'invalid-signature': '401 "Invalid signature received for JSON Web Token validation."',
  'insufficient-scope':
    '403 insufficient_scope: "Insufficient scope, expected any of: read:organizations".',
  deleted:
    'Found by search, but 404 on lookups: inexistent_user on the user, "User not found" on its organizations.',
  'invalid-uri': '400 invalid_uri: "Path validation error: … on property id …".',
  'rate-limited':
    '429 too_many_requests with X-RateLimit-* headers, reset ~5 s ahead; retrying after the reset succeeds; after 60 s quiet it starts over.',
  'server-error': '500 with an Auth0-shaped JSON body.',
  'bad-gateway': '502 with an HTML body (a gateway page, not JSON).',
  'empty-body': '503 with an empty body.',
  malformed: '200 whose JSON is not the documented shape: {"organizations":"oops"}.',
  slow: 'Answers only after 30 s (for the client time-out); aborting the request ends it.',
} as const

export type ScenarioName = keyof typeof SCENARIO_DESCRIPTIONS

export interface ScenarioUser {
  readonly scenario: ScenarioName
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly description: string
  /** Organizations the user really has: what shows once a transient scenario clears. */
  readonly memberships: number
}

function scenarioUser(scenario: ScenarioName): ScenarioUser {
  return {
    scenario,
    userId: `auth0|scenario-${scenario}`,
    email: `${scenario}@scenarios.example.com`,
    name: `Scenario ${scenario}`,
    description: SCENARIO_DESCRIPTIONS[scenario],
    memberships: 3,
  }
}

const SCENARIO_NAMES = Object.keys(SCENARIO_DESCRIPTIONS) as ScenarioName[]

export const SCENARIO_USERS: Readonly<Record<ScenarioName, ScenarioUser>> = Object.fromEntries(
  SCENARIO_NAMES.map((name) => [name, scenarioUser(name)]),
) as Record<ScenarioName, ScenarioUser>

/** Timings the scenarios promise (the README and the SPA's tests depend on them). */
export const RATE_LIMITED_SCENARIO = { resetAfterSeconds: 5, quietSecondsBeforeNewEpisode: 60 }
export const SLOW_SCENARIO_DELAY_MS = 30_000
