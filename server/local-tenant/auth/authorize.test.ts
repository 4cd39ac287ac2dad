import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  authorizeQuery,
  createTestTenant,
  pkcePair,
  postedMessage,
  redirectParams,
  TestBrowser,
} from '../testing/auth-test-kit'

const { challenge } = pkcePair()
const silent = { response_mode: 'web_message', prompt: 'none' }

async function signedInBrowser() {
  const browser = new TestBrowser(await createTestTenant())
  await browser.signIn(authorizeQuery(challenge))
  return browser
}

describe('GET /authorize', () => {
  it('shows the sign-in page to a browser without a tenant session', async () => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge))

    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<h1>Sign in to Orgscope (local tenant)</h1>')
  })

  it('redirects a signed-in browser to redirect_uri with a code and the same state', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(authorizeQuery(challenge, { state: 'second-visit' }))

    expect(response.status).toBe(302)
    const params = redirectParams(response)
    expect(params.get('code')).toMatch(/^[\w-]{43}$/)
    expect(params.get('state')).toBe('second-visit')
  })

  it('keeps query parameters that redirect_uri already has', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(
      authorizeQuery(challenge, { redirect_uri: `${APP_ORIGIN}/callback?tab=orgs` }),
    )

    const location = new URL(response.headers.get('location') ?? '')
    expect(location.pathname).toBe('/callback')
    expect(location.searchParams.get('tab')).toBe('orgs')
    expect(location.searchParams.get('code')).toBeTruthy()
  })

  it('refuses an unknown client_id with an error page, never a redirect', async () => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge, { client_id: 'someone-else' }))

    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
    expect(await response.text()).toContain('Unknown application')
  })

  it.each([
    ['a foreign origin', 'http://evil.example/'],
    ['a host that merely starts with the allowed origin', 'http://app.test.evil.example/'],
    ['credentials that disguise another host', 'http://app.test@evil.example/'],
    ['another port', 'http://app.test:8080/'],
    ['another scheme', 'https://app.test/'],
    ['a javascript: URL', 'javascript:alert(1)//http://app.test/'],
    ['a fragment', 'http://app.test/#x'],
  ])('refuses a redirect_uri with %s with an error page, never a redirect', async (_, uri) => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge, { redirect_uri: uri }))

    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
    expect(await response.text()).toContain('Callback URL mismatch')
  })

  it.each([
    ['without a code_challenge', { code_challenge: undefined }],
    ['with the plain challenge method', { code_challenge_method: 'plain' }],
    ['without state', { state: undefined }],
    ['with response_type=token', { response_type: 'token' }],
    ['for an unknown audience', { audience: 'https://api.example/' }],
  ])('refuses a SPA request %s with an error page', async (_, overrides) => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge, overrides))

    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
  })

  it('asks for credentials again with prompt=login even when signed in', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(authorizeQuery(challenge, { prompt: 'login' }))

    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Sign in to Orgscope (local tenant)')
  })
})

describe('silent sign-in (prompt=none)', () => {
  it('posts login_required to the app origin from the iframe page when signed out', async () => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge, silent))

    expect(response.status).toBe(200)
    expect(postedMessage(await response.text())).toEqual({
      message: {
        type: 'authorization_response',
        response: {
          error: 'login_required',
          error_description: 'Login required',
          state: 'state-123',
        },
      },
      targetOrigin: APP_ORIGIN,
    })
  })

  it('posts a code and the state to the app origin when signed in', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(authorizeQuery(challenge, silent))

    const { message, targetOrigin } = postedMessage(await response.text())
    expect(targetOrigin).toBe(APP_ORIGIN)
    expect(message).toEqual({
      type: 'authorization_response',
      response: { code: expect.stringMatching(/^[\w-]{43}$/), state: 'state-123' },
    })
  })

  it('lets only the app frame the answer and runs only its own inline script', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(authorizeQuery(challenge, silent))

    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`frame-ancestors ${APP_ORIGIN}`)
    expect(csp).toMatch(/script-src 'nonce-[\w-]+'/)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('keeps a hostile state inside the posted message', async () => {
    const browser = new TestBrowser(await createTestTenant())
    const state = '</script><script>alert(1)</script>'
    const page = await (await browser.get(authorizeQuery(challenge, { ...silent, state }))).text()

    expect(page).not.toContain('<script>alert(1)')
    expect(postedMessage(page).message).toMatchObject({ response: { state } })
  })

  it('redirects login_required with the state in query mode', async () => {
    const browser = new TestBrowser(await createTestTenant())
    const response = await browser.get(authorizeQuery(challenge, { prompt: 'none' }))

    expect(response.status).toBe(302)
    const params = redirectParams(response)
    expect(Object.fromEntries(params)).toEqual({
      error: 'login_required',
      error_description: 'Login required',
      state: 'state-123',
    })
  })
})
