/**
 * The one port plan: every set of local servers this repository starts, and what moves it. Each
 * set apart from the others, so a developer's running app never answers a test, nor a bench
 * anyone else. Kept free of imports: playwright.config.ts reads it.
 */
export interface Ports {
  tenant: number
  /** Proxy mode only. */
  proxy?: number
  /** The Vite dev server. */
  app?: number
  /** `vite preview` serving a production build. */
  preview?: number
}

const PLAN = {
  /** `npm start`. */
  start: { tenant: 4010, proxy: 4020, app: 5173 },
  /** The e2e main run, through the proxy (playwright.config.ts). */
  e2e: { tenant: 4110, proxy: 4120, app: 5273 },
  /** The e2e app in direct mode. */
  e2eDirect: { tenant: 4111, app: 5274 },
  /** The e2e app whose tenant's fault switches e2e/faults.spec.ts flips, on its own. */
  e2eFaults: { tenant: 4112, proxy: 4122, app: 5276 },
  /** The production build served by the proxy and by `vite preview` (e2e/security.spec.ts). */
  e2eProductionBuild: { tenant: 4130, proxy: 4131, preview: 5280 },
  /** `npm run bench`. */
  bench: { tenant: 4710, proxy: 4720 },
} as const satisfies Record<string, Ports>

export type PortSet = keyof typeof PLAN

/**
 * The environment variables that move a set: one per port, or E2E_PORT_OFFSET added to every
 * e2e port (several runs can then share one machine).
 */
const MOVED_BY: Partial<Record<PortSet, Partial<Record<keyof Ports, string>>>> = {
  start: { tenant: 'TENANT_PORT', proxy: 'PROXY_PORT', app: 'APP_PORT' },
  bench: { tenant: 'BENCH_TENANT_PORT', proxy: 'BENCH_PROXY_PORT' },
}

/** The ports of `set`, moved as `env` asks. */
export function portsOf<S extends PortSet>(
  set: S,
  env: Record<string, string | undefined> = process.env,
): { -readonly [K in keyof (typeof PLAN)[S]]: number } {
  const offset = set.startsWith('e2e') ? Number(env.E2E_PORT_OFFSET ?? 0) : 0
  const moved = Object.entries(PLAN[set]).map(([name, port]) => {
    const variable = MOVED_BY[set]?.[name as keyof Ports]
    return [name, Number((variable && env[variable]) ?? port + offset)]
  })
  return Object.fromEntries(moved) as { -readonly [K in keyof (typeof PLAN)[S]]: number }
}
