import { expect, type Page, type Response } from '@playwright/test'
import { SESSION_COOKIE } from '../../server/local-tenant/auth/sessions'

/** A JSON Web Token: header and payload, both base64url JSON objects (`{"` → `eyJ`). */
export const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+/

// ── Content-Security-Policy ───────────────────────────────────────────────────────────────────

export interface CspViolation {
  directive: string
  blocked: string
  page: string
}

/**
 * Collects every `securitypolicyviolation` event in every document and frame the page opens,
 * and every console message in which the browser reports a refused load.
 */
export async function recordCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = []
  await page.exposeFunction('__reportCspViolation', (violation: CspViolation) => {
    violations.push(violation)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (v: CspViolation) => void>)
        .__reportCspViolation
      void report?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        page: location.href,
      })
    })
  })
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) {
      violations.push({ directive: 'console', blocked: message.text(), page: page.url() })
    }
  })
  return violations
}

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts): parts is [string, ...string[]] => parts[0] !== undefined && parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  )
}

/**
 * The SPA's document carries the production headers: a CSP that runs only our own scripts (no
 * inline script), connects only to the tenant and the API, frames only the tenant, loads images
 * only from us and https:, and may not be framed; plus nosniff and no referrer.
 */
export function assertSpaSecurityHeaders(
  response: Response | null,
  { tenantOrigin, apiSource }: { tenantOrigin: string; apiSource: string },
) {
  const headers = response?.headers() ?? {}
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  const policy = parsePolicy(headers['content-security-policy'] ?? '')
  expect(policy.get('script-src')).toEqual(["'self'"])
  expect(policy.get('default-src')).toEqual(["'self'"])
  expect(new Set(policy.get('connect-src'))).toEqual(new Set([apiSource, tenantOrigin]))
  expect(policy.get('frame-src')).toEqual([tenantOrigin])
  expect(new Set(policy.get('img-src'))).toEqual(new Set(["'self'", 'https:']))
  expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  expect(policy.get('object-src')).toEqual(["'none'"])
}

/**
 * Proves the policy is enforced and the recorder hears it: an inline script and a call to a host
 * outside connect-src are refused, and exactly those two violations are reported.
 */
export async function assertPolicyRefusesStrangers(page: Page, violations: CspViolation[]) {
  const before = violations.length
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineScriptRan = true'
    document.body.append(script)
    await fetch('https://elsewhere.example/steal').catch(() => undefined)
    return (window as unknown as Record<string, unknown>).__inlineScriptRan === true
  })
  expect(ran, 'an injected inline script runs').toBe(false)
  await expect
    .poll(() => violations.slice(before).map((violation) => violation.directive))
    .toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']))
  violations.splice(before)
}

// ── Hostile data ──────────────────────────────────────────────────────────────────────────────

/** Every `src` any <img> on the page was ever given, even one that was removed again. */
export async function recordImageSources(page: Page): Promise<string[]> {
  const sources: string[] = []
  await page.exposeFunction('__reportImageSource', (src: string) => {
    sources.push(src)
  })
  await page.addInitScript(() => {
    const report = (src: string) =>
      void (window as unknown as Record<string, (src: string) => void>).__reportImageSource?.(src)
    const seeImages = (node: Node) => {
      if (!(node instanceof Element)) return
      for (const img of [node, ...node.querySelectorAll('img')]) {
        if (img instanceof HTMLImageElement && img.hasAttribute('src')) {
          report(img.getAttribute('src') ?? '')
        }
      }
    }
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') seeImages(record.target)
        else record.addedNodes.forEach(seeImages)
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['src'],
    })
  })
  return sources
}

/** Messages of every alert/confirm/prompt the page opened (each one dismissed). */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** No element carries markup that came from the tenant: no event handlers, no stray elements. */
export async function assertNoInjectedMarkup(page: Page) {
  const injected = await page.evaluate(() => {
    const root = document.getElementById('root')
    if (!root) return ['no #root']
    const found: string[] = []
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute) || attribute === 'data-x') {
          found.push(`${element.tagName} ${attribute}`)
        }
      }
      const style = element.getAttribute('style') ?? ''
      if (/javascript:|expression\(|url\(/i.test(style)) found.push(`${element.tagName} style`)
    }
    for (const element of root.querySelectorAll('script, iframe, object, embed, b, svg[onload]')) {
      found.push(element.tagName)
    }
    return found
  })
  expect(injected).toEqual([])
}

// ── Tokens ────────────────────────────────────────────────────────────────────────────────────

export interface Trail {
  /** Every URL the browser requested or navigated a frame to, of any origin. */
  urls: Set<string>
  console: string[]
  /** Every token the tenant handed out (access, ID, refresh): looked for verbatim. */
  tokens: Set<string>
}

/** Starts recording where a token could leak: URLs, console, and the tokens themselves. */
export function recordTrail(page: Page): Trail {
  const trail: Trail = { urls: new Set(), console: [], tokens: new Set() }
  page.on('request', (request) => {
    trail.urls.add(request.url())
    const bearer = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')
    if (bearer?.[1]) trail.tokens.add(bearer[1])
  })
  page.on('framenavigated', (frame) => trail.urls.add(frame.url()))
  page.on('console', (message) => trail.console.push(message.text()))
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('/oauth/token')) return
    void response.json().then(
      (body: Record<string, unknown>) => {
        for (const key of ['access_token', 'id_token', 'refresh_token']) {
          const value = body[key]
          if (typeof value === 'string') trail.tokens.add(value)
        }
      },
      () => undefined,
    )
  })
  return trail
}

/** auth0-spa-js's non-secret "a session may exist" flags; nothing else of ours is a cookie. */
const ALLOWED_COOKIE = /^(_legacy_)?auth0\.[\w-]+\.is\.authenticated$/

/**
 * Nothing token-like in the app's web storage, its cookies, any URL the browser visited or the
 * console — neither JWT-shaped strings nor any token the tenant issued in this journey.
 */
export async function assertNoTokenLeft(page: Page, trail: Trail, appOrigin: string) {
  expect(trail.tokens.size, 'the journey was given tokens to look for').toBeGreaterThan(0)
  const leaks = (what: string, text: string) =>
    JWT_SHAPE.test(text) || [...trail.tokens].some((token) => text.includes(token)) ? [what] : []

  expect(new URL(page.url()).origin).toBe(appOrigin)
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  )
  const cookies = await page.context().cookies(appOrigin)
  // Cookies are per host, not per port: the local tenant's HttpOnly session cookie, set on the
  // same 127.0.0.1, shows up here too. It is an opaque handle, checked for tokens like the rest.
  for (const cookie of cookies) {
    if (cookie.name !== SESSION_COOKIE) expect(cookie.name).toMatch(ALLOWED_COOKIE)
  }

  expect([
    ...leaks('web storage', storage),
    ...cookies.flatMap((cookie) => leaks(`cookie ${cookie.name}`, cookie.value)),
    ...[...trail.urls].flatMap((url) => leaks(`URL ${url}`, url)),
    ...trail.console.flatMap((line) => leaks(`console: ${line}`, line)),
  ]).toEqual([])
}
