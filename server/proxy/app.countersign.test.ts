import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL_CLAIM } from '../shared/admin-claims'
import { COUNTERSIGN_KEYS_PATH, COUNTERSIGN_PATH } from './countersigner'
import {
  ADA,
  APP_ORIGIN,
  createTestProxy,
  MO,
  PROXY_ORIGIN,
  type TestProxy,
} from './testing/test-proxy'

const HASH = 'a3'.repeat(32)
const T0 = Date.parse('2026-12-07T10:00:00.000Z')

/** A countersign request as the SPA sends it; `token: null` sends none. */
function post(
  proxy: TestProxy,
  options: {
    /** null: none (a GET has none). */
    body?: string | null
    token?: string | null
    headers?: Record<string, string>
    path?: string
    method?: string
  } = {},
) {
  return async () => {
    const token = options.token === undefined ? await proxy.mint() : options.token
    return proxy.request(
      new Request(`${PROXY_ORIGIN}${options.path ?? COUNTERSIGN_PATH}`, {
        method: options.method ?? 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token !== null && { Authorization: `Bearer ${token}` }),
          ...options.headers,
        },
        body: options.body === undefined ? JSON.stringify({ sha256: HASH }) : options.body,
      }),
    )
  }
}

async function publishedKeys(proxy: TestProxy): Promise<JSONWebKeySet> {
  const response = await proxy.get(COUNTERSIGN_KEYS_PATH, { token: null })
  expect(response.status).toBe(200)
  return (await response.json()) as JSONWebKeySet
}

/** The countersignature checked as an auditor would: with the published keys only. */
async function verified(proxy: TestProxy, jws: string) {
  const { payload, protectedHeader } = await compactVerify(
    jws,
    createLocalJWKSet(await publishedKeys(proxy)),
    { algorithms: ['EdDSA'] },
  )
  return { payload: JSON.parse(new TextDecoder().decode(payload)), protectedHeader }
}

describe('POST /orgscope/countersign', () => {
  it('signs the hash, the admin and the proxy time with a key the proxy publishes', async () => {
    const proxy = await createTestProxy({ now: () => T0 })
    const token = await proxy.mint({ claims: { [ADMIN_EMAIL_CLAIM]: 'ada@orgscope.test' } })
    const response = await post(proxy, { token })()

    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toEqual({
      jws: expect.any(String),
      kid: expect.any(String),
      keysUrl: '/.well-known/orgscope-countersign-keys.json',
    })
    const { payload, protectedHeader } = await verified(proxy, body.jws)
    expect(protectedHeader).toEqual({
      alg: 'EdDSA',
      kid: body.kid,
      typ: 'orgscope-countersignature+jws',
    })
    expect(payload).toEqual({
      sha256: HASH,
      admin: { sub: ADA.sub, email: 'ada@orgscope.test' },
      signedAt: '2026-12-07T10:00:00.000Z',
      iat: T0 / 1000,
      iss: 'orgscope-proxy',
    })
    // Nothing of the Management API was asked: countersigning changes nothing in the tenant.
    expect(proxy.managementRequests()).toEqual([])
  })

  it('names the admin from the token alone, whatever the body claims', async () => {
    const proxy = await createTestProxy()
    const forged = await post(proxy, {
      token: await proxy.mint({ admin: MO }),
      body: JSON.stringify({ sha256: HASH, admin: { sub: ADA.sub } }),
    })()
    expect(forged.status).toBe(400)

    const response = await post(proxy, { token: await proxy.mint({ admin: MO }) })()
    const { payload } = await verified(proxy, (await response.json()).jws)
    expect(payload.admin).toEqual({ sub: MO.sub })
  })

  it('writes one countersign line to the audit log, without the signature', async () => {
    const proxy = await createTestProxy({ now: () => T0 })
    const response = await post(proxy, { headers: { 'X-Request-Id': 'trace-1' } })()
    const { jws, kid } = await response.json()

    const lines = proxy.logLines.map((line) => JSON.parse(line))
    expect(lines).toEqual([
      {
        event: 'countersign',
        time: '2026-12-07T10:00:00.000Z',
        requestId: response.headers.get('X-Request-Id'),
        callerRequestId: 'trace-1',
        admin: { sub: ADA.sub },
        sha256: HASH,
        kid,
      },
    ])
    expect(proxy.logLines.join('\n')).not.toContain(jws.split('.')[2])
  })

  it('refuses without a token, or with a bad one, as the API does', async () => {
    const proxy = await createTestProxy()
    const missing = await post(proxy, { token: null })()
    const bad = await post(proxy, { token: 'not.a.token' })()

    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing authentication',
    })
    expect(bad.status).toBe(401)
    expect(proxy.logLines.map((line) => JSON.parse(line).event)).toEqual(['security', 'security'])
  })

  it.each([
    ['no body', ''],
    ['not JSON', '{"sha256":'],
    ['no sha256', '{}'],
    ['another key besides', JSON.stringify({ sha256: HASH, note: 'x' })],
    ['uppercase hex', JSON.stringify({ sha256: HASH.toUpperCase() })],
    ['a short hash', JSON.stringify({ sha256: HASH.slice(2) })],
    ['a hash that is not a string', JSON.stringify({ sha256: 42 })],
    ['an array', JSON.stringify([HASH])],
  ])('answers 400 invalid_body for %s', async (_, body) => {
    const proxy = await createTestProxy()
    const response = await post(proxy, { body })()

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      errorCode: 'invalid_body',
    })
    expect(proxy.logLines.map((line) => JSON.parse(line).event)).toEqual(['security'])
  })

  it('refuses a body over 1 KB, announced or not', async () => {
    const proxy = await createTestProxy()
    const large = JSON.stringify({ sha256: HASH, padding: 'x'.repeat(2000) })
    const announced = await post(proxy, { body: large })()
    const streamed = await proxy.request(
      new Request(`${PROXY_ORIGIN}${COUNTERSIGN_PATH}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${await proxy.mint()}`,
        },
        body: new Blob([large]).stream(),
        duplex: 'half',
      } as RequestInit),
    )

    expect(announced.status).toBe(413)
    expect(streamed.status).toBe(413)
    expect(await streamed.json()).toMatchObject({ error: 'Payload Too Large' })
  })

  it('refuses a body that is not JSON by its Content-Type', async () => {
    const proxy = await createTestProxy()
    const response = await post(proxy, { headers: { 'Content-Type': 'text/plain' } })()

    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ error: 'Unsupported Media Type' })
  })

  it.each(['GET', 'PUT', 'DELETE'])('answers %s on the path with 405', async (method) => {
    const proxy = await createTestProxy()
    const response = await post(proxy, { method, ...(method === 'GET' && { body: null }) })()

    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST, OPTIONS')
  })

  it('is the only POST: every other path still refuses one', async () => {
    const proxy = await createTestProxy()
    for (const path of ['/api/v2/users', '/api/v2/organizations', '/orgscope/other', '/']) {
      const response = await post(proxy, { path })()
      expect(response.status, path).toBe(405)
    }
    expect(proxy.upstream.filter((r) => r.method === 'POST' && r.url.includes('/api/v2'))).toEqual(
      [],
    )
  })

  it('answers the preflight from the SPA with POST, Content-Type and Authorization', async () => {
    const proxy = await createTestProxy()
    const preflight = (path: string, origin = APP_ORIGIN) =>
      proxy.request(
        new Request(`${PROXY_ORIGIN}${path}`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization, content-type',
          },
        }),
      )
    const response = await preflight(COUNTERSIGN_PATH)
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('POST')
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Content-Type')
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Authorization')

    // The API's paths still allow GET alone; another origin gets nothing.
    const api = await preflight('/api/v2/users')
    expect(api.headers.get('Access-Control-Allow-Methods')).toBe('GET')
    const evil = await preflight(COUNTERSIGN_PATH, 'https://evil.example')
    expect(evil.status).toBe(403)
    expect(evil.headers.get('Access-Control-Allow-Methods')).toBeNull()
  })

  it('lets the SPA read the answer of the POST itself', async () => {
    const proxy = await createTestProxy()
    const response = await post(proxy, { headers: { Origin: APP_ORIGIN } })()

    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
  })
})

describe('GET /.well-known/orgscope-countersign-keys.json', () => {
  it('publishes the public key alone, to any origin, cacheable for a few minutes', async () => {
    const proxy = await createTestProxy()
    const response = await proxy.get(COUNTERSIGN_KEYS_PATH, {
      token: null,
      headers: { Origin: 'https://auditor.example' },
    })

    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    const { keys } = await response.json()
    expect(keys).toEqual([
      {
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.stringMatching(/^[\w-]{43}$/),
        kid: expect.any(String),
        alg: 'EdDSA',
        use: 'sig',
      },
    ])
    expect(keys[0]).not.toHaveProperty('d')
  })

  it('with no key configured: warns at start, and signs with one made then, published too', async () => {
    const proxy = await createTestProxy({ config: { countersignJwk: undefined } })
    const warnings = proxy.logLines.map((line) => JSON.parse(line))
    expect(warnings).toEqual([
      {
        event: 'warning',
        time: expect.any(String),
        warning: expect.stringMatching(/COUNTERSIGN_PRIVATE_JWK.*will not verify after a restart/),
      },
    ])

    const response = await post(proxy)()
    const { jws, kid } = await response.json()
    const { payload } = await verified(proxy, jws)
    expect(payload.sha256).toBe(HASH)
    expect(decodeProtectedHeader(jws).kid).toBe(kid)
    expect(JSON.stringify(await publishedKeys(proxy))).not.toContain('"d"')
  })

  it('keeps the key id of the configured key, or its thumbprint, across proxies', async () => {
    const first = await createTestProxy()
    const second = await createTestProxy()
    const kidOf = async (proxy: TestProxy) => (await publishedKeys(proxy)).keys[0]?.kid

    // The same key in two processes (a restart, a second replica): the same kid, so a
    // countersignature made by one verifies with the keys the other publishes.
    expect(await kidOf(first)).toBe(await kidOf(second))
    const { jws } = await (await post(first)()).json()
    expect((await verified(second, jws)).payload.sha256).toBe(HASH)
  })
})
