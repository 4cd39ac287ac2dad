import { describe, expect, it } from 'vitest'
import { loadProxyConfig, ProxyConfigError } from './config'
import { generateCountersignJwk } from './countersign-key'

const VALID = {
  AUTH0_DOMAIN: 'http://127.0.0.1:4010',
  AUTH0_AUDIENCE: 'https://orgscope/api',
  AUTH0_CLIENT_ID: 'orgscope-proxy',
  AUTH0_CLIENT_SECRET: 'a-very-secret-value',
  ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
  PORT: '4020',
}

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadProxyConfig(env)
  } catch (error) {
    if (error instanceof ProxyConfigError) return error.problems
    throw error
  }
  throw new Error('Expected a ProxyConfigError')
}

describe('loadProxyConfig', () => {
  it('derives every tenant endpoint from a full origin', () => {
    expect(loadProxyConfig(VALID)).toEqual({
      tenant: {
        origin: 'http://127.0.0.1:4010',
        issuer: 'http://127.0.0.1:4010/',
        jwksUri: 'http://127.0.0.1:4010/.well-known/jwks.json',
        tokenEndpoint: 'http://127.0.0.1:4010/oauth/token',
        managementAudience: 'http://127.0.0.1:4010/api/v2/',
        managementApiBase: 'http://127.0.0.1:4010/api/v2',
      },
      audience: 'https://orgscope/api',
      clientId: 'orgscope-proxy',
      clientSecret: 'a-very-secret-value',
      allowedOrigins: ['http://127.0.0.1:5173'],
      host: '127.0.0.1',
      port: 4020,
      upstreamTimeoutMs: 10_000,
      staticDir: undefined,
    })
  })

  it('reads a bare host as https, and takes the optional variables', () => {
    const config = loadProxyConfig({
      ...VALID,
      AUTH0_DOMAIN: 'travel0.us.auth0.com',
      ALLOWED_ORIGINS: ' https://orgscope.example.com , http://localhost:5173 ',
      HOST: '0.0.0.0',
      UPSTREAM_TIMEOUT_MS: '2500',
      STATIC_DIR: 'dist',
    })

    expect(config).toMatchObject({
      tenant: {
        issuer: 'https://travel0.us.auth0.com/',
        managementAudience: 'https://travel0.us.auth0.com/api/v2/',
      },
      allowedOrigins: ['https://orgscope.example.com', 'http://localhost:5173'],
      host: '0.0.0.0',
      upstreamTimeoutMs: 2500,
      staticDir: 'dist',
    })
  })

  it('names every missing variable at once, and treats an empty value as missing', () => {
    const problems = problemsOf({ AUTH0_CLIENT_ID: '' })

    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'AUTH0_DOMAIN',
      'AUTH0_AUDIENCE',
      'AUTH0_CLIENT_ID',
      'AUTH0_CLIENT_SECRET',
      'ALLOWED_ORIGINS',
      'PORT',
    ])
    expect(problems[0]).toMatch(/^AUTH0_DOMAIN is missing: the tenant/)
  })

  it.each([
    ['AUTH0_DOMAIN', 'https://tenant.example.com/some/path', /AUTH0_DOMAIN must be a bare host/],
    ['AUTH0_DOMAIN', 'ftp://tenant.example.com', /AUTH0_DOMAIN must be a bare host/],
    [
      'ALLOWED_ORIGINS',
      'http://app.example.com/app',
      /ALLOWED_ORIGINS "http:\/\/app\..*" is not an origin/,
    ],
    ['ALLOWED_ORIGINS', ' , ', /ALLOWED_ORIGINS names no origin/],
    ['PORT', 'eighty', /PORT must be a whole number from 0 to 65535, not "eighty"/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['UPSTREAM_TIMEOUT_MS', '0', /UPSTREAM_TIMEOUT_MS must be a whole number from 1/],
  ])('refuses %s=%j', (name, value, message) => {
    expect(problemsOf({ ...VALID, [name]: value })).toEqual([expect.stringMatching(message)])
  })

  it.each([
    'http://travel0.us.auth0.com',
    'http://10.0.0.5:4010',
    'http://tenant.internal',
    'http://127.0.0.1.nip.io',
  ])('refuses plain http to %s: the client secret would cross the network in clear', (domain) => {
    const problems = problemsOf({ ...VALID, AUTH0_DOMAIN: domain })

    expect(problems).toEqual([
      `AUTH0_DOMAIN must use https:// for a tenant that is not on this machine (the client secret is sent to it), not "${domain}"`,
    ])
  })

  it.each([
    'http://127.0.0.1:4010',
    'http://127.8.9.1',
    'http://localhost:4010',
    'http://[::1]:4010',
  ])('takes plain http to this machine (%s): the local tenant', (domain) => {
    expect(loadProxyConfig({ ...VALID, AUTH0_DOMAIN: domain }).tenant.origin).toBe(domain)
  })

  it("refuses the Management API's audience as ours: any M2M token would pass as an admin", () => {
    expect(problemsOf({ ...VALID, AUTH0_AUDIENCE: 'http://127.0.0.1:4010/api/v2/' })).toEqual([
      expect.stringMatching(/^AUTH0_AUDIENCE must be your own API's identifier/),
    ])
  })

  it('never repeats the client secret in its messages', () => {
    const error = (() => {
      try {
        return loadProxyConfig({ ...VALID, PORT: 'x', AUTH0_CLIENT_SECRET: 'a-very-secret-value' })
      } catch (caught) {
        return caught
      }
    })()

    expect(error).toBeInstanceOf(ProxyConfigError)
    expect(String(error)).not.toContain('a-very-secret-value')
  })

  describe('COUNTERSIGN_PRIVATE_JWK', () => {
    const key = generateCountersignJwk()
    const other = generateCountersignJwk()

    it('takes a private Ed25519 JWK, with or without a kid', () => {
      const json = JSON.stringify({ ...key, kid: 'orgscope-2026' })
      expect(loadProxyConfig({ ...VALID, COUNTERSIGN_PRIVATE_JWK: json }).countersignJwk).toEqual({
        ...key,
        kid: 'orgscope-2026',
      })
      expect(
        loadProxyConfig({ ...VALID, COUNTERSIGN_PRIVATE_JWK: JSON.stringify(key) }).countersignJwk,
      ).toEqual(key)
      // Unset: a key made at start (countersigner.ts), with a warning.
      expect(loadProxyConfig(VALID).countersignJwk).toBeUndefined()
    })

    it.each([
      ['not JSON', '{kty: OKP', /is not JSON/],
      ['an RSA key', JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' }), /Ed25519/],
      ['the public key alone', JSON.stringify({ ...key, d: undefined }), /no private part/],
      ['halves of two keys', JSON.stringify({ ...key, x: other.x }), /not the public half/],
      ['a broken "d"', JSON.stringify({ ...key, d: 'short' }), /not a valid Ed25519 key/],
      ['an empty kid', JSON.stringify({ ...key, kid: ' ' }), /"kid"/],
    ])('refuses %s, naming the variable and never echoing the key', (_, value, message) => {
      const problems = problemsOf({ ...VALID, COUNTERSIGN_PRIVATE_JWK: value })

      expect(problems).toEqual([expect.stringMatching(/^COUNTERSIGN_PRIVATE_JWK /)])
      expect(problems[0]).toMatch(message)
      expect(problems.join('\n')).not.toContain(key.d)
    })
  })
})
