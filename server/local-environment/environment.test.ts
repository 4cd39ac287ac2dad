import { afterEach, describe, expect, it } from 'vitest'
import { DASHBOARD_API_AUDIENCE, SPA_CLIENT_ID } from '../local-tenant/config'
import { closedPort } from '../proxy/testing/test-proxy'
import { startLocalEnvironment, type LocalEnvironment } from './environment'
import { portsOf, type PortSet } from './ports'

const answers = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => 'nothing',
  )

let environment: LocalEnvironment | undefined
afterEach(async () => {
  await environment?.close()
  environment = undefined
})

describe('startLocalEnvironment', () => {
  it('in proxy mode points the SPA at the proxy, which relays to the tenant; close() frees both ports', async () => {
    const ports = { tenant: await closedPort(), proxy: await closedPort(), app: await closedPort() }
    environment = await startLocalEnvironment({ mode: 'proxy', ports, auditLog: false })
    const tenantOrigin = `http://127.0.0.1:${ports.tenant}`
    const proxyOrigin = `http://127.0.0.1:${ports.proxy}`

    expect(environment).toMatchObject({
      tenantOrigin,
      proxyOrigin,
      apiBaseUrl: `${proxyOrigin}/api/v2`,
    })
    expect(environment.viteEnv).toEqual({
      VITE_AUTH0_DOMAIN: tenantOrigin,
      VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
      VITE_AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
      VITE_API_BASE_URL: `${proxyOrigin}/api/v2`,
    })
    expect(await answers(`${proxyOrigin}/healthz`)).toBe(200)
    expect(await answers(`${tenantOrigin}/.well-known/jwks.json`)).toBe(200)
    // The proxy lets the SPA's origin call it.
    const preflight = await fetch(`${proxyOrigin}/api/v2/users`, {
      method: 'OPTIONS',
      headers: {
        Origin: `http://127.0.0.1:${ports.app}`,
        'Access-Control-Request-Method': 'GET',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      `http://127.0.0.1:${ports.app}`,
    )

    await environment.close()
    environment = undefined
    expect(await answers(`${proxyOrigin}/healthz`)).toBe('nothing')
    expect(await answers(`${tenantOrigin}/.well-known/jwks.json`)).toBe('nothing')
  })

  it('in direct mode starts no proxy and points the SPA at the tenant’s Management API', async () => {
    const ports = { tenant: await closedPort(), proxy: await closedPort(), app: await closedPort() }
    environment = await startLocalEnvironment({ mode: 'direct', ports })
    const tenantOrigin = `http://127.0.0.1:${ports.tenant}`

    expect(environment.proxyOrigin).toBeUndefined()
    expect(environment.viteEnv).toEqual({
      VITE_AUTH0_DOMAIN: tenantOrigin,
      VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
      VITE_AUTH0_AUDIENCE: `${tenantOrigin}/api/v2/`,
      VITE_API_BASE_URL: `${tenantOrigin}/api/v2`,
    })
    expect(await answers(`${tenantOrigin}/.well-known/jwks.json`)).toBe(200)
    expect(await answers(`http://127.0.0.1:${ports.proxy}/healthz`)).toBe('nothing')

    await environment.close()
    environment = undefined
    expect(await answers(`${tenantOrigin}/.well-known/jwks.json`)).toBe('nothing')
  })
})

describe('portsOf', () => {
  it('gives every set its own ports', () => {
    const sets: PortSet[] = [
      'start',
      'e2e',
      'e2eDirect',
      'e2eFaults',
      'e2eProductionBuild',
      'bench',
    ]
    const all = sets.flatMap((set) => Object.values(portsOf(set, {})))
    expect(new Set(all).size).toBe(all.length)
  })

  it('moves npm start and the bench by their variables, and every e2e set by E2E_PORT_OFFSET', () => {
    expect(portsOf('start', { TENANT_PORT: '4710', APP_PORT: '5773' })).toEqual({
      tenant: 4710,
      proxy: 4020,
      app: 5773,
    })
    expect(portsOf('bench', { BENCH_PROXY_PORT: '4999' })).toEqual({ tenant: 4710, proxy: 4999 })
    expect(portsOf('e2eFaults', { E2E_PORT_OFFSET: '700' })).toEqual({
      tenant: 4812,
      proxy: 4822,
      app: 5976,
    })
    expect(portsOf('start', { E2E_PORT_OFFSET: '700' }).tenant).toBe(4010)
  })
})
