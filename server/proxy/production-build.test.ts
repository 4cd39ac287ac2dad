import { once } from 'node:events'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
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
  SPA_CLIENT_ID,
} from '../local-tenant/config'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { listen, type Listening } from '../shared/listen'
import { runProxyProcess } from './testing/proxy-process'
import { ADA, APP_ORIGIN, closedPort, userPath } from './testing/test-proxy'

/**
 * The proxy as production runs it (the Dockerfile's runtime stage): `npm run build:proxy`'s
 * bundle on plain `node`, no tsx, against a local tenant over HTTP.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TRIO = NAMED_USERS.threeMemberships

let buildDir: string
let bundle: Rollup.OutputChunk
let staticDir: string
let tenantServer: Listening
let adaToken: string
/** While set, Management API requests wait at the tenant's door until it resolves. */
let held: Promise<void> | undefined
let arrived: (() => void) | undefined

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
  tenantServer = await listen(
    async (request) => {
      if (held && new URL(request.url).pathname.startsWith('/api/v2/')) {
        arrived?.()
        await held
      }
      return tenant.fetch(request)
    },
    { hostname: '127.0.0.1', port },
  )
  adaToken = await tenant.mintAccessToken({
    sub: ADA.sub,
    clientId: SPA_CLIENT_ID,
    audience: DASHBOARD_API_AUDIENCE,
    scope: ['openid', ...ADA.permissions],
    permissions: ADA.permissions,
  })
}, 60_000)

afterAll(async () => {
  await tenantServer?.close()
  if (buildDir) await rm(buildDir, { recursive: true, force: true })
})

function runBundle(env: Record<string, string> = {}) {
  return runProxyProcess([path.join(buildDir, bundle.fileName)], {
    AUTH0_DOMAIN: tenantServer.origin,
    AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
    AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
    AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
    ALLOWED_ORIGINS: APP_ORIGIN,
    PORT: '0',
    STATIC_DIR: staticDir,
    ...env,
  })
}

const lookUpTrio = (origin: string) =>
  fetch(`${origin}${userPath(TRIO.userId, '/organizations')}`, {
    headers: { Authorization: `Bearer ${adaToken}` },
  })

/** Whether a new TCP connection to `origin` is refused (nothing listens there any more). */
function refusesConnections(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

const lookupLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { event: string; targetUserId: string; status: number })
    .filter((line) => line.event === 'lookup')

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

  it('on SIGTERM takes no new connection, finishes the lookup in flight, logs it and exits 0', async () => {
    const proxy = runBundle()
    const origin = await proxy.listening
    let release = () => {}
    held = new Promise<void>((resolve) => (release = resolve))
    const atTenant = new Promise<void>((resolve) => (arrived = resolve))
    try {
      const lookup = lookUpTrio(origin)
      await atTenant

      proxy.child.kill('SIGTERM')
      await expect.poll(() => refusesConnections(origin), { timeout: 10_000 }).toBe(true)
      release()

      const response = await lookup
      expect(response.status).toBe(200)
      // So a load balancer sends its next request to another replica, not down a closing line.
      expect(response.headers.get('Connection')).toBe('close')
      expect(await response.json()).toHaveLength(TRIO.memberships)
      expect(await proxy.exited).toBe(0)
      expect(lookupLines(proxy.output().stdout)).toContainEqual(
        expect.objectContaining({ targetUserId: TRIO.userId, status: 200 }),
      )
    } finally {
      release()
      held = undefined
      proxy.child.kill('SIGKILL')
    }
  }, 30_000)

  it('on SIGTERM cuts, after the upstream timeout, a client that never finishes its request', async () => {
    const proxy = runBundle({ UPSTREAM_TIMEOUT_MS: '1000' })
    const { hostname, port } = new URL(await proxy.listening)
    const socket = connect(Number(port), hostname)
    let trickle: ReturnType<typeof setInterval> | undefined
    try {
      // A slow client: a second request right behind the first, whose header trickles in a
      // byte at a time and never ends. Once the first is answered, the proxy is reading it.
      socket.write(
        'GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\nGET /healthz HTTP/1.1\r\nHost: proxy\r\nX-Slow: ',
      )
      const [answer] = (await once(socket, 'data')) as [Buffer]
      expect(answer.toString()).toMatch(/^HTTP\/1\.1 200/)
      trickle = setInterval(() => socket.write('x'), 100)
      // Cut: closed, perhaps reset mid-write.
      socket.on('error', () => {})
      const cut = new Promise((resolve) => socket.once('close', resolve))

      proxy.child.kill('SIGTERM')

      expect(await proxy.exited).toBe(0)
      await cut
    } finally {
      clearInterval(trickle)
      socket.destroy()
      proxy.child.kill('SIGKILL')
    }
  }, 30_000)
})
