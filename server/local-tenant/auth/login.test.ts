import { describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from './sessions'
import {
  ADA,
  authorizeQuery,
  createTestTenant,
  hiddenFields,
  locationOf,
  pkcePair,
  SAM,
  TestBrowser,
} from '../testing/auth-test-kit'

const { challenge } = pkcePair()

async function signInPage() {
  const browser = new TestBrowser(await createTestTenant())
  return { browser, page: await browser.get(authorizeQuery(challenge)) }
}

describe('the sign-in page', () => {
  it('has a heading, labelled Email and Password fields and a Continue button', async () => {
    const text = await (await signInPage()).page.text()

    expect(text).toContain('<h1>Sign in to Orgscope (local tenant)</h1>')
    expect(text).toContain('<label for="email">Email</label>')
    expect(text).toMatch(/<input\s+id="email"\s+name="email"\s+type="email"/)
    expect(text).toContain('<label for="password">Password</label>')
    expect(text).toMatch(/<input\s+id="password"\s+name="password"\s+type="password"/)
    expect(text).toContain('<button type="submit">Continue</button>')
    expect(text).toContain('<form method="post" action="/u/login">')
  })

  it('lists the demo admins with their passwords and what each can do', async () => {
    const text = await (await signInPage()).page.text()

    expect(text).toContain(`<code>${ADA.email}</code>, password <code>${ADA.password}</code>`)
    expect(text).toContain('Can read:users, read:organizations')
    expect(text).toContain(`<code>${SAM.email}</code>`)
    expect(text).toContain('Can read:users; lacks read:organizations')
    expect(text).toContain('<code>mo@orgscope.test</code>')
    expect(text).toContain(
      'Can read:users, read:organizations, read:organization_members; lacks read:organization_member_roles',
    )
  })

  it('loads nothing from elsewhere and cannot be framed', async () => {
    const { page } = await signInPage()
    const text = await page.text()

    expect(text).not.toMatch(/<(script|link|img)\b/)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('carries the authorize parameters in hidden fields', async () => {
    const fields = hiddenFields(await (await signInPage()).page.text())

    expect(fields).toMatchObject({
      client_id: 'orgscope-spa',
      redirect_uri: 'http://app.test/',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: challenge,
      scope: 'openid profile email read:users read:organizations read:organization_member_roles',
    })
  })
})

describe('POST /u/login', () => {
  it('re-renders the page with an alert and keeps the email after a wrong password', async () => {
    const { browser, page } = await signInPage()
    const response = await browser.submitSignIn(page, ADA.email, 'not-the-password')
    const text = await response.text()

    expect(response.status).toBe(400)
    expect(text).toContain('<p role="alert" class="error">Wrong email or password.</p>')
    expect(text).toContain(`value="${ADA.email}"`)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('says the same for an unknown email, so it reveals no accounts', async () => {
    const { browser, page } = await signInPage()
    const text = await (await browser.submitSignIn(page, 'nobody@orgscope.test', 'x')).text()

    expect(text).toContain('Wrong email or password.')
  })

  it('escapes HTML in a submitted email on the re-rendered page', async () => {
    const { browser, page } = await signInPage()
    const email = '"><script>alert(1)</script>'
    const text = await (await browser.submitSignIn(page, email, 'x')).text()

    expect(text).not.toContain('<script>alert(1)</script>')
    expect(text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  it('sets an HttpOnly, SameSite=Lax session cookie and returns to /authorize with the same parameters', async () => {
    const { browser, page } = await signInPage()
    const fields = hiddenFields(await page.clone().text())
    const response = await browser.submitSignIn(page, ADA.email.toUpperCase(), ADA.password)

    expect(response.status).toBe(302)
    const [cookie] = response.headers.getSetCookie()
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43};`))
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).toMatch(/; Path=\//i)
    const location = new URL(locationOf(response), 'http://tenant.test')
    expect(location.pathname).toBe('/authorize')
    expect(Object.fromEntries(location.searchParams)).toEqual(fields)
  })

  it('refuses a sign-in form posted from another site', async () => {
    const { browser, page } = await signInPage()
    const response = await browser.post(
      '/u/login',
      { ...hiddenFields(await page.text()), email: ADA.email, password: ADA.password },
      { Origin: 'http://evil.example' },
    )

    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('refuses a form whose authorize parameters were tampered with', async () => {
    const { browser, page } = await signInPage()
    const fields = { ...hiddenFields(await page.text()), redirect_uri: 'http://evil.example/' }
    const response = await browser.post('/u/login', {
      ...fields,
      email: ADA.email,
      password: ADA.password,
    })

    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
  })
})
