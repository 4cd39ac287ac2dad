import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocalTenant } from '../local-tenant/app'
import {
  DASHBOARD_API_AUDIENCE,
  defaultTenantConfig,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
} from '../local-tenant/config'
import { listen, type Listening } from '../shared/listen'
import { runProxyProcess } from './testing/proxy-process'
import { APP_ORIGIN, closedPort } from './testing/test-proxy'

/**
 * The proxy as production runs it (the Dockerfile's runtime stage): `npm run build:proxy`'s
 * bundle on plain `node`, no tsx, against a local tenant over HTTP.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

let buildDir: string
let bundle: Rollup.OutputChunk
let staticDir: string
let tenantServer: Listening

beforeAll(async () => {
  // Inside the repository, so the bundle's imports resolve from its node_modules, as they do
  // beside the image's.
  await mkdir(path.join(ROOT, 'node_modules', '.tmp'), { recursive: true })
  buildDir = await mkdtemp(path.join(ROOT, 'node_modules', '.tmp', 'proxy-build-'))
  const output = await build({
    configFile: path.join(ROOT, 'vite.proxy.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: buildDir },
  })
  const [result] = Array.isArray(output) ? output : [output]
  if (result === undefined || !('output' in result)) throw new Error('No build output')
  bundle = result.output[0]

  staticDir = path.join(buildDir, 'spa')
  await mkdir(staticDir)
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Orgscope</title>')

  const port = await closedPort()
  const tenant = await createLocalTenant(
    defaultTenantConfig({ origin: `http://127.0.0.1:${port}`, appOrigins: [APP_ORIGIN] }),
  )
  tenantServer = await listen((request) => tenant.fetch(request), { hostname: '127.0.0.1', port })
}, 60_000)

afterAll(async () => {
  await tenantServer?.close()
  if (buildDir) await rm(buildDir, { recursive: true, force: true })
})

function runBundle() {
  return runProxyProcess([path.join(buildDir, bundle.fileName)], {
    AUTH0_DOMAIN: tenantServer.origin,
    AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
    AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
    AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
    ALLOWED_ORIGINS: APP_ORIGIN,
    PORT: '0',
    STATIC_DIR: staticDir,
  })
}

describe('the production build', () => {
  it('needs no package the production install leaves out', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const packageOf = (specifier: string) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/')

    const needed = bundle.imports.filter((specifier) => !specifier.startsWith('node:'))

    expect(needed.length).toBeGreaterThan(0)
    for (const specifier of needed) {
      expect(Object.keys(manifest.dependencies)).toContain(packageOf(specifier))
    }
  })

  it('runs on plain node: healthy, ready against the tenant, serving the SPA', async () => {
    const proxy = runBundle()
    try {
      const origin = await proxy.listening

      const health = await fetch(`${origin}/healthz`)
      expect(await health.json()).toEqual({ status: 'ok' })
      const readiness = await fetch(`${origin}/readyz`)
      expect([readiness.status, await readiness.json()]).toEqual([200, { status: 'ready' }])
      const page = await fetch(`${origin}/users/x/organizations`)
      expect(await page.text()).toContain('<title>Orgscope</title>')
    } finally {
      proxy.child.kill('SIGTERM')
    }
    expect(await proxy.exited).toBe(0)
  }, 20_000)
})
