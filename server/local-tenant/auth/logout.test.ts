import { describe, expect, it } from 'vitest'
import { SPA_CLIENT_ID } from '../config'
import {
  APP_ORIGIN,
  authorizeQuery,
  createTestTenant,
  pkcePair,
  postedMessage,
  TestBrowser,
} from '../testing/auth-test-kit'

const { challenge } = pkcePair()
const silentSignIn = authorizeQuery(challenge, { response_mode: 'web_message', prompt: 'none' })

async function signedInBrowser() {
  const browser = new TestBrowser(await createTestTenant())
  await browser.signIn(authorizeQuery(challenge))
  return browser
}

async function silentResult(browser: TestBrowser) {
  const { message } = postedMessage(await (await browser.get(silentSignIn)).text())
  return (message as { response: Record<string, string> }).response
}

function logoutPath(params: Record<string, string>) {
  return `/v2/logout?${new URLSearchParams(params).toString()}`
}

describe('GET /v2/logout', () => {
  it('ends the tenant session, so the next silent sign-in gets login_required', async () => {
    const browser = await signedInBrowser()
    expect(await silentResult(browser)).toHaveProperty('code')
    // Replaying the old cookie must not work either: the session is gone on the server too.
    const oldCookie = browser.cookieHeader

    const response = await browser.get(
      logoutPath({ client_id: SPA_CLIENT_ID, returnTo: `${APP_ORIGIN}/` }),
    )

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/`)
    expect(response.headers.getSetCookie().join()).toMatch(/Max-Age=0/i)
    expect(await silentResult(browser)).toMatchObject({ error: 'login_required' })
    const replay = await browser.request(silentSignIn, { headers: { Cookie: oldCookie } })
    expect(postedMessage(await replay.text()).message).toMatchObject({
      response: { error: 'login_required' },
    })
  })

  it('returns to any configured app origin when no client_id is given', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get(logoutPath({ returnTo: `${APP_ORIGIN}/users/x` }))

    expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/users/x`)
  })

  it.each([
    ['a foreign origin', { client_id: SPA_CLIENT_ID, returnTo: 'http://evil.example/' }],
    ['a look-alike host', { returnTo: 'http://app.test.evil.example/' }],
    ['an unknown client', { client_id: 'someone-else', returnTo: `${APP_ORIGIN}/` }],
  ])('refuses to return to %s with an error page, yet still signs out', async (_, params) => {
    const browser = await signedInBrowser()
    const response = await browser.get(logoutPath(params))

    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
    expect(await response.text()).toContain('Return URL not allowed')
    expect(await silentResult(browser)).toMatchObject({ error: 'login_required' })
  })

  it('shows a signed-out page when there is nowhere to return to', async () => {
    const browser = await signedInBrowser()
    const response = await browser.get('/v2/logout')

    expect(response.status).toBe(200)
    expect(await response.text()).toContain('You are signed out')
    expect(await silentResult(browser)).toMatchObject({ error: 'login_required' })
  })
})
