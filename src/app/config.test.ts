import { describe, expect, it } from 'vitest'
import { parseConfig, type ConfigResult } from './config'

const LOCAL = { VITE_AUTH0_DOMAIN: 'http://127.0.0.1:4010', VITE_AUTH0_CLIENT_ID: 'orgscope-spa' }

function problemsOf(result: ConfigResult) {
  return result.ok ? [] : result.problems
}

describe('parseConfig', () => {
  it('derives https, the audience and the API base URL from a bare Auth0 host', () => {
    const result = parseConfig({
      VITE_AUTH0_DOMAIN: 'travel0.us.auth0.com',
      VITE_AUTH0_CLIENT_ID: 'abc123',
    })

    expect(result).toEqual({
      ok: true,
      config: {
        // Passed to auth0-react as given: the SDK itself adds https:// to a bare host.
        auth0: {
          domain: 'travel0.us.auth0.com',
          clientId: 'abc123',
          audience: 'https://travel0.us.auth0.com/api/v2/',
        },
        tenantOrigin: 'https://travel0.us.auth0.com',
        apiBaseUrl: 'https://travel0.us.auth0.com/api/v2',
        dashboardUrl: 'https://manage.auth0.com/dashboard/us/travel0',
        mode: 'direct',
      },
    })
  })

  it('keeps http for a full local origin and drops a trailing slash', () => {
    const result = parseConfig({ ...LOCAL, VITE_AUTH0_DOMAIN: 'http://127.0.0.1:4010/' })

    expect(result).toEqual({
      ok: true,
      config: {
        auth0: {
          domain: 'http://127.0.0.1:4010',
          clientId: 'orgscope-spa',
          audience: 'http://127.0.0.1:4010/api/v2/',
        },
        tenantOrigin: 'http://127.0.0.1:4010',
        apiBaseUrl: 'http://127.0.0.1:4010/api/v2',
        mode: 'direct',
      },
    })
  })

  it('uses an explicit audience and API base URL (e.g. the proxy) over the defaults', () => {
    const result = parseConfig({
      ...LOCAL,
      VITE_AUTH0_AUDIENCE: 'https://orgscope.example/api',
      VITE_API_BASE_URL: 'https://proxy.example/api/v2/',
    })

    expect(result.ok && result.config.auth0.audience).toBe('https://orgscope.example/api')
    expect(result.ok && result.config.apiBaseUrl).toBe('https://proxy.example/api/v2')
  })

  it("runs in proxy mode when the token is for another API than the tenant's Management API", () => {
    const mode = (env: Record<string, string>) => {
      const result = parseConfig({ ...LOCAL, ...env })
      return result.ok ? result.config.mode : undefined
    }

    expect(mode({ VITE_AUTH0_AUDIENCE: 'https://orgscope.example/api' })).toBe('proxy')
    expect(
      mode({
        VITE_AUTH0_AUDIENCE: 'https://orgscope.example/api',
        VITE_API_BASE_URL: 'http://127.0.0.1:4010/api/v2',
      }),
    ).toBe('proxy')
    // The audience decides, with or without its trailing slash, wherever the API lives.
    expect(mode({ VITE_AUTH0_AUDIENCE: 'http://127.0.0.1:4010/api/v2' })).toBe('direct')
    expect(mode({ VITE_API_BASE_URL: '/api/v2' })).toBe('direct')
  })

  it('accepts a same-origin path as the API base URL', () => {
    const result = parseConfig({ ...LOCAL, VITE_API_BASE_URL: '/api/v2' })

    expect(result.ok && result.config.apiBaseUrl).toBe('/api/v2')
  })

  it('treats empty and blank optional values as not set', () => {
    const result = parseConfig({ ...LOCAL, VITE_AUTH0_AUDIENCE: '', VITE_API_BASE_URL: '  ' })

    expect(result.ok && result.config.auth0.audience).toBe('http://127.0.0.1:4010/api/v2/')
    expect(result.ok && result.config.apiBaseUrl).toBe('http://127.0.0.1:4010/api/v2')
  })

  it('reports every missing required variable at once, by name', () => {
    expect(problemsOf(parseConfig({}))).toEqual([
      { variable: 'VITE_AUTH0_DOMAIN', message: 'is not set' },
      { variable: 'VITE_AUTH0_CLIENT_ID', message: 'is not set' },
    ])
  })

  it('treats an empty required value as not set', () => {
    expect(problemsOf(parseConfig({ ...LOCAL, VITE_AUTH0_CLIENT_ID: '   ' }))).toEqual([
      { variable: 'VITE_AUTH0_CLIENT_ID', message: 'is not set' },
    ])
  })

  it.each([
    ['a domain with a path', 'https://travel0.us.auth0.com/authorize', /without a path/],
    ['a domain with a query', 'http://127.0.0.1:4010?x=1', /without a path/],
    ['a domain with another scheme', 'ftp://travel0.us.auth0.com', /https:\/\/ or http:\/\//],
    ['a bare host with a path', 'travel0.us.auth0.com/api', /must be a host like/],
    ['a bare host with spaces', 'travel0 us auth0 com', /must be a host like/],
    ['an unparseable origin', 'http://exa mple.com', /not a valid URL/],
  ])('rejects %s in VITE_AUTH0_DOMAIN', (_label, value, message) => {
    const problems = problemsOf(parseConfig({ ...LOCAL, VITE_AUTH0_DOMAIN: value }))

    expect(problems).toHaveLength(1)
    expect(problems[0]?.variable).toBe('VITE_AUTH0_DOMAIN')
    expect(problems[0]?.message).toMatch(message)
  })

  it('rejects a client id with spaces', () => {
    expect(problemsOf(parseConfig({ ...LOCAL, VITE_AUTH0_CLIENT_ID: 'orgscope spa' }))).toEqual([
      { variable: 'VITE_AUTH0_CLIENT_ID', message: 'must not contain spaces' },
    ])
  })

  it.each([
    ['not a URL', 'proxy.example/api/v2', /absolute http\(s\) URL/],
    ['another scheme', 'ws://proxy.example/api/v2', /https:\/\/ or http:\/\//],
    ['a query string', 'https://proxy.example/api/v2?debug=1', /query/],
    ['a fragment on a path', '/api/v2#x', /query or fragment/],
  ])('rejects an API base URL with %s', (_label, value, message) => {
    const problems = problemsOf(parseConfig({ ...LOCAL, VITE_API_BASE_URL: value }))

    expect(problems).toHaveLength(1)
    expect(problems[0]?.variable).toBe('VITE_API_BASE_URL')
    expect(problems[0]?.message).toMatch(message)
  })

  describe('the Auth0 Dashboard address (VITE_AUTH0_DASHBOARD_URL)', () => {
    it('is derived from an Auth0 domain, the pre-region US form included', () => {
      for (const domain of ['travel0.auth0.com', 'https://travel0.us.auth0.com']) {
        const result = parseConfig({ ...LOCAL, VITE_AUTH0_DOMAIN: domain })
        expect(result.ok && result.config.dashboardUrl).toBe(
          'https://manage.auth0.com/dashboard/us/travel0',
        )
      }
    })

    it('is unknown for a custom domain or the local tenant, so no links are shown', () => {
      for (const domain of ['login.travel0.com', 'http://127.0.0.1:4010']) {
        const result = parseConfig({ ...LOCAL, VITE_AUTH0_DOMAIN: domain })
        expect(result.ok && result.config.dashboardUrl).toBeUndefined()
      }
    })

    it('takes a given address over the derived one, without a trailing slash', () => {
      const result = parseConfig({
        ...LOCAL,
        VITE_AUTH0_DOMAIN: 'login.travel0.com',
        VITE_AUTH0_DASHBOARD_URL: 'https://manage.auth0.com/dashboard/eu/travel0/',
      })
      expect(result.ok && result.config.dashboardUrl).toBe(
        'https://manage.auth0.com/dashboard/eu/travel0',
      )
    })

    it.each([
      ['not a URL', 'manage.auth0.com/dashboard/us/travel0', /must be a URL like/],
      ['http', 'http://manage.auth0.com/dashboard/us/travel0', /must use https/],
      ['a query string', 'https://manage.auth0.com/dashboard/us/travel0?x=1', /query/],
    ])('rejects %s', (_label, value, message) => {
      const problems = problemsOf(parseConfig({ ...LOCAL, VITE_AUTH0_DASHBOARD_URL: value }))

      expect(problems).toHaveLength(1)
      expect(problems[0]?.variable).toBe('VITE_AUTH0_DASHBOARD_URL')
      expect(problems[0]?.message).toMatch(message)
    })
  })

  it('rejects values that are not text', () => {
    expect(problemsOf(parseConfig({ ...LOCAL, VITE_AUTH0_AUDIENCE: 42 }))).toEqual([
      { variable: 'VITE_AUTH0_AUDIENCE', message: 'must be text' },
    ])
  })
})
