// zod/mini: the same validation in a few KiB, because config parsing sits in the first bundle.
import * as z from 'zod/mini'
import { dashboardUrlForDomain } from '@/lib/auth0-dashboard'
import type { ApiMode } from '@/lib/tenant'
import { parseTenantDomain, type Parsed, type TenantDomain } from '@/lib/tenant-domain'

// No `new Function`: the production CSP forbids eval, and zod's probe for it (caught, but still
// reported to the page as a CSP violation) would fire once per page load. This is the first zod
// code every page runs, and the setting is global, so the API schemas parse jitless too.
z.config({ jitless: true })

/**
 * Build-time configuration, validated once at start-up. Vite inlines `import.meta.env` at build
 * time, so a missing variable is a deployment mistake: we report every problem at once, by
 * variable name, instead of failing somewhere deep inside the Auth0 SDK.
 */
export interface AppConfig {
  auth0: {
    /** Passed to auth0-react as given: a bare host (the SDK adds https://) or an http(s) origin. */
    domain: string
    clientId: string
    audience: string
  }
  /** The tenant's origin, e.g. `https://travel0.us.auth0.com` or `http://127.0.0.1:4010`. */
  tenantOrigin: string
  /** Where the Management-API-shaped endpoints live; no trailing slash. */
  apiBaseUrl: string
  /**
   * The tenant in the Auth0 Dashboard, e.g. `https://manage.auth0.com/dashboard/us/travel0`; no
   * trailing slash. Undefined when it cannot be known (a custom domain without
   * VITE_AUTH0_DASHBOARD_URL): the "Open in Auth0 Dashboard" links are then left out.
   */
  dashboardUrl?: string
  /** Who decides what the admin may read, and so what a 403 asks a tenant owner to change. */
  mode: ApiMode
}

export interface ConfigProblem {
  variable: ConfigVariable
  /** Reads after the variable name: "VITE_AUTH0_DOMAIN is not set". */
  message: string
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] }

// A `.env` line like `VITE_AUTH0_AUDIENCE=` yields "", which means "not set", not "set to empty".
const blankAsUnset = z.transform((value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value,
)
const text = z.string({
  error: (issue) => (issue.input === undefined ? 'is not set' : 'must be text'),
})
const requiredText = z.pipe(blankAsUnset, text.check(z.trim()))
const optionalText = z.pipe(blankAsUnset, z.optional(text.check(z.trim())))

/** Turns a string parser's verdict into a value or an issue on the variable being parsed. */
function derive<I, T>(parse: (value: I) => Parsed<T>) {
  return z.transform((value: I, payload) => {
    const result = parse(value)
    if (typeof result === 'object' && result !== null && 'problem' in result) {
      payload.issues.push({ code: 'custom', message: result.problem, input: value })
      return z.NEVER
    }
    return result
  })
}

/**
 * An absolute URL on one of `protocols`, as its origin and path without trailing slashes; the URLs
 * built on it would break with credentials, a query or a fragment.
 */
function parseUrl(raw: string, protocols: readonly string[], example: string): Parsed<string> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { problem: `must be ${example}` }
  }
  if (!protocols.includes(url.protocol)) {
    const allowed = protocols.map((protocol) => `${protocol}//`).join(' or ')
    return { problem: `must use ${allowed}, not ${url.protocol}//` }
  }
  if (url.username || url.password || url.search || url.hash) {
    return { problem: 'must not contain credentials, a query or a fragment' }
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function parseBaseUrl(raw: string): Parsed<string> {
  const value = raw.replace(/\/+$/, '')
  // A path on the SPA's own origin (a proxy mounted beside it) is fine: fetch resolves it.
  if (value.startsWith('/') && !value.startsWith('//')) {
    return /[?#]/.test(value) ? { problem: 'must not contain a query or fragment' } : value
  }
  return parseUrl(
    value,
    ['https:', 'http:'],
    'an absolute http(s) URL like "https://api.example.com/api/v2"',
  )
}

/** The Dashboard is only ever served over https. */
function parseDashboardUrl(raw: string): Parsed<string> {
  return parseUrl(raw, ['https:'], 'a URL like "https://manage.auth0.com/dashboard/us/travel0"')
}

/**
 * Direct when the admin's token is for the tenant's own Management API, proxy otherwise. The
 * audience, not the API base URL, decides: it is what the token's grants belong to, so it says who
 * refuses a 403 — the Management API by the token's scopes, or Orgscope's proxy by the
 * permissions of Orgscope's API (the proxy refuses Management API tokens). The base URL cannot
 * tell: a proxy may sit on any origin, or on a path of the SPA's own.
 */
function apiModeOf(audience: string, tenantOrigin: string): ApiMode {
  const normalized = audience.replace(/\/*$/, '/')
  return normalized === `${tenantOrigin}/api/v2/` ? 'direct' : 'proxy'
}

/** Only an https tenant on an Auth0 domain tells its Dashboard address. */
function dashboardUrlOf(domain: TenantDomain): string | undefined {
  const url = new URL(domain.origin)
  return url.protocol === 'https:' ? dashboardUrlForDomain(url.host) : undefined
}

/** Each variable's parser; what the config's problems are named by. */
const ENV = {
  VITE_AUTH0_DOMAIN: z.pipe(requiredText, derive(parseTenantDomain)),
  VITE_AUTH0_CLIENT_ID: requiredText.check(
    z.refine((value) => !/\s/.test(value), 'must not contain spaces'),
  ),
  VITE_AUTH0_AUDIENCE: optionalText,
  VITE_API_BASE_URL: z.pipe(
    optionalText,
    derive((value: string | undefined) => (value === undefined ? value : parseBaseUrl(value))),
  ),
  VITE_AUTH0_DASHBOARD_URL: z.pipe(
    optionalText,
    derive((value: string | undefined) => (value === undefined ? value : parseDashboardUrl(value))),
  ),
}

export type ConfigVariable = keyof typeof ENV

const envSchema = z.pipe(
  z.object(ENV),
  z.transform((env): AppConfig => {
    const tenantOrigin = env.VITE_AUTH0_DOMAIN.origin
    const audience = env.VITE_AUTH0_AUDIENCE ?? `${tenantOrigin}/api/v2/`
    return {
      auth0: { domain: env.VITE_AUTH0_DOMAIN.domain, clientId: env.VITE_AUTH0_CLIENT_ID, audience },
      tenantOrigin,
      apiBaseUrl: env.VITE_API_BASE_URL ?? `${tenantOrigin}/api/v2`,
      dashboardUrl: env.VITE_AUTH0_DASHBOARD_URL ?? dashboardUrlOf(env.VITE_AUTH0_DOMAIN),
      mode: apiModeOf(audience, tenantOrigin),
    }
  }),
)

function isConfigVariable(value: unknown): value is ConfigVariable {
  return typeof value === 'string' && Object.hasOwn(ENV, value)
}

/** Pure, so every case is unit-testable; `main.tsx` calls it once with `import.meta.env`. */
export function parseConfig(env: Record<string, unknown>): ConfigResult {
  const result = envSchema.safeParse(env)
  if (result.success) return { ok: true, config: result.data }
  const problems = result.error.issues.flatMap((issue): ConfigProblem[] => {
    const variable = issue.path[0]
    return isConfigVariable(variable) ? [{ variable, message: issue.message }] : []
  })
  return { ok: false, problems }
}
