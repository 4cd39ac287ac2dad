import { z } from 'zod'
import { originOfDomain, parseOrigin } from '../../src/lib/tenant-domain'
import { CountersignKeyError, parseCountersignJwk, type CountersignJwk } from './countersign-key'

/**
 * The proxy's configuration, read once from the environment at start and checked whole: every
 * problem is reported at once, each naming its variable (and never echoing the secret).
 * Documented for operators in `.env.example`.
 */

/** Where everything on the tenant lives, derived from its origin as Auth0 lays it out. */
export interface TenantEndpoints {
  /** e.g. `https://travel0.us.auth0.com` or `http://127.0.0.1:4010`: no trailing slash. */
  origin: string
  /** The `iss` of the tenant's tokens: the origin with a trailing slash. */
  issuer: string
  jwksUri: string
  tokenEndpoint: string
  /** The audience of Management API tokens: `<origin>/api/v2/`. */
  managementAudience: string
  /** Where the Management API is served: `<origin>/api/v2`. */
  managementApiBase: string
}

export interface ProxyConfig {
  tenant: TenantEndpoints
  /** Our API's identifier: the audience the admins' tokens must carry. */
  audience: string
  /** The machine-to-machine application the proxy gets its Management API token as. */
  clientId: string
  clientSecret: string
  /** Origins (scheme://host[:port]) whose pages may call the proxy. */
  allowedOrigins: string[]
  host: string
  port: number
  /** How long one request may take in all (token checks, token grant, Management API). */
  upstreamTimeoutMs: number
  /** A built SPA to serve, or undefined to serve the API alone. */
  staticDir: string | undefined
  /**
   * The key countersignatures are made with (countersigner.ts); undefined: one made at start,
   * whose signatures do not verify after a restart.
   */
  countersignJwk: CountersignJwk | undefined
}

export function tenantEndpoints(origin: string): TenantEndpoints {
  return {
    origin,
    issuer: `${origin}/`,
    jwksUri: `${origin}/.well-known/jwks.json`,
    tokenEndpoint: `${origin}/oauth/token`,
    managementAudience: `${origin}/api/v2/`,
    managementApiBase: `${origin}/api/v2`,
  }
}

/** Set and not blank; a variable set to '' counts as unset (as `VAR=` in a .env file means). */
const required = (what: string) =>
  z
    .string({ error: `is missing: ${what}` })
    .trim()
    .min(1, { error: `is missing: ${what}` })

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const wholeNumber = (min: number, max: number) => (value: string, ctx: z.RefinementCtx) => {
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < min || number > max) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a whole number from ${min} to ${max}, not "${value}"`,
    })
    return z.NEVER
  }
  return number
}

const envSchema = z
  .object({
    AUTH0_DOMAIN: required(
      'the tenant, a bare host (travel0.us.auth0.com) or an origin (http://127.0.0.1:4010)',
    ).transform((value, ctx) => {
      const origin = originOfDomain(value)
      if (origin === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a bare host (travel0.us.auth0.com) or an origin (http://127.0.0.1:4010), not "${value}"`,
        })
        return z.NEVER
      }
      if (!isSafeTenantOrigin(origin)) {
        ctx.addIssue({
          code: 'custom',
          message: `must use https:// for a tenant that is not on this machine (the client secret is sent to it), not "${value}"`,
        })
        return z.NEVER
      }
      return origin
    }),
    AUTH0_AUDIENCE: required("your API's identifier in Auth0, e.g. https://orgscope/api"),
    AUTH0_CLIENT_ID: required('the client id of the machine-to-machine application'),
    // The message never includes the value.
    AUTH0_CLIENT_SECRET: required('the client secret of the machine-to-machine application'),
    ALLOWED_ORIGINS: required(
      'comma-separated origins allowed to call the proxy, e.g. https://orgscope.example.com',
    ).transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
      const origins: string[] = []
      for (const entry of entries) {
        const origin = parseOrigin(entry)
        if (typeof origin === 'string') origins.push(origin)
        else {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not an origin (scheme://host[:port], no path)`,
          })
        }
      }
      if (origins.length === 0 && entries.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'names no origin' })
      }
      return origins
    }),
    PORT: required('the port to listen on').transform(wholeNumber(0, 65_535)),
    HOST: optional,
    UPSTREAM_TIMEOUT_MS: optional.transform((value, ctx) =>
      value === undefined ? undefined : wholeNumber(1, 300_000)(value, ctx),
    ),
    STATIC_DIR: optional,
    // The message never includes the value: it is a private key.
    COUNTERSIGN_PRIVATE_JWK: optional.transform((value, ctx) => {
      if (value === undefined) return undefined
      try {
        return parseCountersignJwk(value)
      } catch (error) {
        if (!(error instanceof CountersignKeyError)) throw error
        ctx.addIssue({ code: 'custom', message: error.message })
        return z.NEVER
      }
    }),
  })
  .superRefine((env, ctx) => {
    // Management API tokens carry the same scopes; accepting them would let any
    // machine-to-machine client (or a direct-mode SPA token) in as if it were an admin.
    if (env.AUTH0_AUDIENCE === tenantEndpoints(env.AUTH0_DOMAIN).managementAudience) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH0_AUDIENCE'],
        message: "must be your own API's identifier, not the Management API's audience",
      })
    }
  })

/**
 * HTTPS, or plain HTTP to this machine only (the local tenant): the proxy posts its client
 * secret to the tenant, and over plain HTTP anything on the way could read it.
 */
function isSafeTenantOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin)
  if (protocol === 'https:') return true
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  )
}

export class ProxyConfigError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`The proxy's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ProxyConfigError'
    this.problems = problems
  }
}

const DEFAULT_HOST = '127.0.0.1'
const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000

/** Reads and checks the configuration; throws a ProxyConfigError listing every problem. */
export function loadProxyConfig(env: Record<string, string | undefined>): ProxyConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ProxyConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '(env)')} ${issue.message}`),
    )
  }
  const vars = parsed.data
  return {
    tenant: tenantEndpoints(vars.AUTH0_DOMAIN),
    audience: vars.AUTH0_AUDIENCE,
    clientId: vars.AUTH0_CLIENT_ID,
    clientSecret: vars.AUTH0_CLIENT_SECRET,
    allowedOrigins: vars.ALLOWED_ORIGINS,
    host: vars.HOST ?? DEFAULT_HOST,
    port: vars.PORT,
    upstreamTimeoutMs: vars.UPSTREAM_TIMEOUT_MS ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    staticDir: vars.STATIC_DIR,
    countersignJwk: vars.COUNTERSIGN_PRIVATE_JWK,
  }
}
