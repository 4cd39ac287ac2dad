import { describe, expect, it } from 'vitest'
import { createTestProxy } from './testing/test-proxy'

const isKeySet = (request: Request) => request.url.endsWith('/.well-known/jwks.json')

describe('GET /readyz', () => {
  it('answers 200 once the key set and a token are had, then asks the tenant nothing more', async () => {
    const proxy = await createTestProxy()

    const first = await proxy.get('/readyz', { token: null })
    const fetched = proxy.upstream.length
    const again = await proxy.get('/readyz', { token: null })

    expect([first.status, await first.json()]).toEqual([200, { status: 'ready' }])
    expect([again.status, await again.json()]).toEqual([200, { status: 'ready' }])
    // One key set, one token: a load balancer asking every few seconds costs the tenant nothing.
    expect(fetched).toBe(2)
    expect(proxy.upstream).toHaveLength(fetched)
  })

  it('answers 503 naming the key set while it cannot be fetched, alive all along; then 200', async () => {
    let tenantDown = true
    const proxy = await createTestProxy({
      upstream: (request, tenant) =>
        tenantDown && isKeySet(request)
          ? Promise.reject(new TypeError('fetch failed'))
          : tenant(request),
    })

    const down = await proxy.get('/readyz', { token: null })
    const alive = await proxy.get('/healthz', { token: null })
    tenantDown = false
    const back = await proxy.get('/readyz', { token: null })

    expect([down.status, await down.json()]).toEqual([
      503,
      {
        status: 'not ready',
        notReady: { signingKeys: "The tenant's signing keys could not be fetched." },
      },
    ])
    expect(alive.status).toBe(200)
    expect(back.status).toBe(200)
  })

  it('answers 503 with why the tenant refuses the proxy a token (a wrong secret), never the secret', async () => {
    const secret = 'a-rotated-away-secret'
    const proxy = await createTestProxy({ config: { clientSecret: secret } })

    const response = await proxy.get('/readyz', { token: null })
    const body = await response.text()

    expect(response.status).toBe(503)
    expect(JSON.parse(body)).toEqual({
      status: 'not ready',
      notReady: {
        managementToken:
          'The tenant refused the proxy a Management API token: access_denied (Unauthorized)',
      },
    })
    expect(body).not.toContain(secret)
  })
})
