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

/**
 * Scenario organizations: organizations whose members list (`GET /organizations/{id}/members`)
 * produces one error state each, so the organization page's header loads and its members table
 * fails, as the scenario users' memberships do. `deleted` is listed by `GET /organizations` but
 * 404s on the organization itself, its name and its members. Acted out by the same responder as
 * the users (management/scenario-responses.ts).
 */
export const ORGANIZATION_SCENARIO_DESCRIPTIONS = {
  'rate-limited': SCENARIO_DESCRIPTIONS['rate-limited'],
  'server-error': SCENARIO_DESCRIPTIONS['server-error'],
  'bad-gateway': SCENARIO_DESCRIPTIONS['bad-gateway'],
  malformed: '200 whose JSON is not the documented shape: {"members":"oops"}.',
  slow: SCENARIO_DESCRIPTIONS.slow,
  'invalid-token': SCENARIO_DESCRIPTIONS['invalid-token'],
  deleted:
    'Listed by GET /organizations, but 404 "No organization found by that id or name" on the organization, by id or name, and on its members.',
} as const satisfies Partial<Record<ScenarioName, string>>

export type OrganizationScenarioName = keyof typeof ORGANIZATION_SCENARIO_DESCRIPTIONS

export interface ScenarioOrganization {
  readonly scenario: OrganizationScenarioName
  /** `org_scenario` + the scenario in camel case, e.g. `org_scenarioRateLimited`. */
  readonly id: string
  /** `scenario-` + the scenario, e.g. `scenario-rate-limited`. */
  readonly name: string
  /** e.g. `Scenario rate-limited`. */
  readonly display_name: string
  readonly description: string
  /** Members it really has: what shows once a transient scenario clears (none once deleted). */
  readonly memberCount: number
}

const camelCase = (scenario: string): string =>
  scenario.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase())

function scenarioOrganization(scenario: OrganizationScenarioName): ScenarioOrganization {
  return {
    scenario,
    id: `org_scenario${camelCase(scenario)}`,
    name: `scenario-${scenario}`,
    display_name: `Scenario ${scenario}`,
    description: ORGANIZATION_SCENARIO_DESCRIPTIONS[scenario],
    memberCount: scenario === 'deleted' ? 0 : 3,
  }
}

const ORGANIZATION_SCENARIO_NAMES = Object.keys(
  ORGANIZATION_SCENARIO_DESCRIPTIONS,
) as OrganizationScenarioName[]

export const SCENARIO_ORGANIZATIONS: Readonly<
  Record<OrganizationScenarioName, ScenarioOrganization>
> = Object.fromEntries(
  ORGANIZATION_SCENARIO_NAMES.map((name) => [name, scenarioOrganization(name)]),
) as Record<OrganizationScenarioName, ScenarioOrganization>
