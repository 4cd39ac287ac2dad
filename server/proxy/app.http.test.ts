import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_API_AUDIENCE, SPA_CLIENT_ID } from '../local-tenant/config'
import { NAMED_USERS } from '../local-tenant/seed/named-users'
import { SCENARIO_USERS } from '../local-tenant/seed/scenarios'
import { startLocalTenant, type RunningTenant } from '../local-tenant/serve'
import { tenantEndpoints, type ProxyConfig } from './config'
import { directoryFiles, startProxy, type RunningProxy } from './serve'
import { ADA, APP_ORIGIN, closedPort, testConfig, userPath } from './testing/test-proxy'

/**
 * The whole production path over real HTTP: a local tenant and the proxy, each served by
 * @hono/node-server, talking with the runtime's fetch. Node-server swaps in its own Response
 * class, which loses headers set after construction; app.fetch alone would never show that.
 * Own file: the swap is global.
 */
let tenant: RunningTenant
let proxy: RunningProxy
let staticDir: string
const logLines: string[] = []
let adaToken: string

beforeAll(async () => {
  tenant = await startLocalTenant({ port: await closedPort(), appOrigins: [APP_ORIGIN] })
  staticDir = await mkdtemp(path.join(tmpdir(), 'orgscope-spa-'))
  await mkdir(path.join(staticDir, 'assets'))
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Orgscope</title>')
  await writeFile(path.join(staticDir, 'assets', 'index-abc.js'), 'export {}')
  proxy = await startProxy(proxyConfig(), { log: (line) => logLines.push(line) })
  adaToken = await tenant.tenant.mintAccessToken({
    sub: ADA.sub,
    clientId: SPA_CLIENT_ID,
    audience: DASHBOARD_API_AUDIENCE,
    scope: ['openid', ...ADA.permissions],
    permissions: ADA.permissions,
  })
})

const proxyConfig = (): ProxyConfig =>
  testConfig({ tenant: tenantEndpoints(tenant.origin), upstreamTimeoutMs: 2_000, staticDir })

afterAll(async () => {
  await proxy.close()
  await tenant.close()
  await rm(staticDir, { recursive: true, force: true })
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${proxy.origin}${path}`, {
    headers: { Authorization: `Bearer ${adaToken}`, Origin: APP_ORIGIN, ...headers },
  })

/** A raw request, for what fetch would normalize or refuse to send. */
function rawRequest(options: {
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string
}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(proxy.origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('over HTTP', () => {
  it('listens where it says', () => {
    expect(proxy.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it.each([
    ['a relayed success', userPath(NAMED_USERS.oneMembership.userId, '/organizations'), 200],
    ['a relayed 429', userPath(SCENARIO_USERS['rate-limited'].userId, '/organizations'), 429],
    ['a relayed 500', userPath(SCENARIO_USERS['server-error'].userId, '/organizations'), 500],
  ])('keeps every header on %s', async (_, path, status) => {
    const response = await get(path, { 'X-Request-Id': 'http-test-1' })

    expect(response.status).toBe(status)
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
      expect(response.headers.get(name), name).toMatch(/^\d+$/)
    }
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      'access-control-expose-headers': expect.stringContaining('X-RateLimit-Reset'),
      'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    })
    await response.arrayBuffer()
  })

  it("keeps every header on the proxy's own errors", async () => {
    const response = await get('/api/v2/users', { Authorization: '' })

    expect(response.status).toBe(401)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(await response.json()).toMatchObject({ message: 'Missing authentication' })
  })

  it('round-trips ids with / ? # % and non-Latin characters', async () => {
    for (const user of [NAMED_USERS.slashAndUnicodeId, NAMED_USERS.reservedCharactersId]) {
      const response = await get(userPath(user.userId))
      expect(response.status).toBe(200)
      expect((await response.json()).user_id).toBe(user.userId)
    }
  })

  it("relays a member's roles, each awkward id one segment all the way", async () => {
    for (const user of [NAMED_USERS.slashAndUnicodeId, NAMED_USERS.reservedCharactersId]) {
      const [organization] = tenant.tenant.data.membershipsByUserId.get(user.userId) ?? []
      const response = await get(
        `/api/v2/organizations/${organization?.id}/members/${encodeURIComponent(user.userId)}/roles?include_totals=true`,
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('X-RateLimit-Remaining')).toMatch(/^\d+$/)
      expect(await response.json()).toMatchObject({ total: 2, roles: [{ name: 'Member' }, {}] })
    }
  })

  it('refuses a %2e%2e organization id as sent on the wire with 400 invalid_uri', async () => {
    const { status, body } = await rawRequest({
      path: '/api/v2/organizations/%2e%2e/members/auth0%7Cx/roles',
      headers: { Authorization: `Bearer ${adaToken}` },
    })

    expect(status).toBe(400)
    expect(JSON.parse(body)).toMatchObject({
      errorCode: 'invalid_uri',
      message: expect.stringContaining('on property id (Organization identifier)'),
    })
  })

  it('refuses a %2e%2e id as sent on the wire with 400 invalid_uri', async () => {
    const { status, body } = await rawRequest({
      path: '/api/v2/users/%2e%2e/organizations',
      headers: { Authorization: `Bearer ${adaToken}` },
    })

    expect(status).toBe(400)
    expect(JSON.parse(body)).toMatchObject({ errorCode: 'invalid_uri' })
  })

  it('answers other methods 405 with Allow, whatever the path', async () => {
    for (const [path, allow] of [
      ['/api/v2/users', 'GET, OPTIONS'],
      ['/', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const response = await fetch(`${proxy.origin}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adaToken}` },
        body: '{}',
      })

      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe(allow)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(await response.json()).toEqual({
        statusCode: 405,
        error: 'Method Not Allowed',
        message: `Method POST is not allowed here: only ${allow}.`,
      })
    }
  })

  it('refuses a GET with a body', async () => {
    const { status } = await rawRequest({
      path: '/api/v2/users',
      headers: { Authorization: `Bearer ${adaToken}`, 'Content-Length': '5' },
      body: 'hello',
    })

    expect(status).toBe(413)
  })

  it('serves the SPA from STATIC_DIR, with history fallback and its CSP', async () => {
    const deepLink = await fetch(`${proxy.origin}/users/auth0%7Cabc/organizations`)
    const asset = await fetch(`${proxy.origin}/assets/index-abc.js`)
    const escape = await rawRequest({ path: '/assets/../../../etc/passwd' })

    expect(deepLink.status).toBe(200)
    expect(await deepLink.text()).toContain('<title>Orgscope</title>')
    expect(deepLink.headers.get('Content-Security-Policy')).toContain(
      `connect-src 'self' ${tenant.origin}`,
    )
    expect(deepLink.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await asset.text()).toBe('export {}')
    expect(escape.body).not.toContain('root:')
  })

  it('writes audit lines to the sink it was given', () => {
    const events = logLines.map((line) => JSON.parse(line).event)
    expect(events).toContain('lookup')
    // The refused requests above (no token, a path off the list) leave security lines.
    expect(new Set(events)).toEqual(new Set(['lookup', 'security']))
  })
})

describe('what the HTTP server answers before the app sees a request', () => {
  /** Bytes no HTTP parser accepts: the server answers them itself, never calling the app. */
  function sendRaw(bytes: string): Promise<string> {
    const { hostname, port } = new URL(proxy.origin)
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(bytes))
      let answer = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => (answer += chunk))
      socket.on('end', () => resolve(answer))
      socket.on('error', reject)
    })
  }

  it.each([
    ['a malformed header', 'GET /api/v2/users HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400],
    [
      'headers past the limit',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])(
    '%s: answered with the security headers and an Auth0-shaped body',
    async (_, bytes, status) => {
      const answer = await sendRaw(bytes)
      const [head = '', body = ''] = answer.split('\r\n\r\n')
      const headers = head.toLowerCase()

      expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
      expect(headers).toContain('x-content-type-options: nosniff')
      expect(headers).toContain('referrer-policy: no-referrer')
      expect(headers).toContain('cache-control: no-store')
      expect(headers).toContain(
        "content-security-policy: default-src 'none'; frame-ancestors 'none'",
      )
      expect(headers).toContain('connection: close')
      expect(JSON.parse(body)).toEqual({
        statusCode: status,
        error: status === 431 ? 'Request Header Fields Too Large' : 'Bad Request',
        message: 'The request could not be read as HTTP.',
      })
    },
  )
})

describe('a caller that hangs up', () => {
  it('during the token check: nothing is looked up, and the line says 499', async () => {
    let keysAsked = (): void => {}
    const asked = new Promise<void>((resolve) => (keysAsked = resolve))
    let releaseKeys = (): void => {}
    const released = new Promise<void>((resolve) => (releaseKeys = resolve))
    const sent: string[] = []
    const lines: string[] = []
    const holding = await startProxy(proxyConfig(), {
      log: (line) => lines.push(line),
      fetch: async (request) => {
        sent.push(new URL(request.url).pathname)
        if (request.url.endsWith('/.well-known/jwks.json')) {
          keysAsked()
          await released
        }
        return fetch(request)
      },
    })
    try {
      const { hostname, port } = new URL(holding.origin)
      const caller = httpRequest({
        hostname,
        port,
        path: userPath(NAMED_USERS.oneMembership.userId, '/organizations'),
        headers: { Authorization: `Bearer ${adaToken}` },
      })
      caller.on('error', () => {})
      caller.end()
      await asked
      caller.destroy()
      // The proxy reads the hang-up from its socket before this timer fires.
      await new Promise((resolve) => setTimeout(resolve, 300))
      releaseKeys()
      await expect.poll(() => lines.length).toBe(1)

      expect(JSON.parse(lines[0] ?? '')).toMatchObject({ event: 'lookup', status: 499 })
      expect(sent.filter((pathname) => pathname.startsWith('/api/v2/'))).toEqual([])
    } finally {
      await holding.close()
    }
  })
})

describe('directoryFiles', () => {
  it('refuses a directory without index.html, naming it', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'orgscope-empty-'))
    try {
      await expect(directoryFiles(empty)).rejects.toThrow(/STATIC_DIR .* holds no index\.html/)
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })

  it('reads nothing outside its root, whatever path it is handed', async () => {
    const files = await directoryFiles(staticDir)

    expect(await files.read('../../../../etc/passwd')).toBeUndefined()
    expect(await files.read('assets')).toBeUndefined()
    expect(new TextDecoder().decode(await files.read('assets/index-abc.js'))).toBe('export {}')
  })
})
