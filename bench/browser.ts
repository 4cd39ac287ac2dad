/**
 * Headless Chromium (Debian's, never a download), one context signed in as Ada through the
 * tenant's own sign-in page. A page opened in that context starts with an empty query cache but
 * the tenant's session cookie, so the app signs in silently — a returning admin opening a link.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { DEMO_ADMINS, type TenantAdmin } from '../server/local-tenant/config'
import { KEEP_NAMES_SHIM } from './page-probes'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The tenant's first demo admin (config.ts): every scope. */
const ADA = DEMO_ADMINS[0] as TenantAdmin

/** `spkiHash`: the bench's own certificate, trusted like a real one (see certificate.ts). */
export async function launchChromium(spkiHash: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no network: keep Chromium from phoning home.
    args: [
      `--ignore-certificate-errors-spki-list=${spkiHash}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A context whose pages are signed in as Ada (the tenant's session cookie). */
export async function signedInContext(
  browser: Browser,
  appOrigin: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: appOrigin,
    viewport: { width: 1280, height: 800 },
  })
  await context.addInitScript({ content: KEEP_NAMES_SHIM })
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('Email').fill(ADA.email)
  await page.getByLabel('Password').fill(ADA.password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: `Account: ${ADA.name}` }).waitFor({ timeout: 30_000 })
  await page.close()
  return context
}

export interface ApiCall {
  url: string
  /** Undefined until the answer arrives (or when the request failed). */
  status: number | undefined
  authorization: string | undefined
}

/**
 * Every Management API request a page makes (at the proxy, `<origin>/api/v2/…`; preflights
 * excluded — same origin, there are none), and the latest moment the tenant said its bucket
 * would be full again.
 */
export class ApiRecorder {
  readonly calls: ApiCall[] = []
  /** Epoch ms from X-RateLimit-Reset, the latest seen. */
  bucketFullAt = 0

  constructor(readonly apiPrefix: string) {}

  attach(page: Page): void {
    const byRequest = new Map<object, ApiCall>()
    page.on('request', (request) => {
      if (!request.url().startsWith(this.apiPrefix) || request.method() === 'OPTIONS') return
      const call: ApiCall = {
        url: request.url(),
        status: undefined,
        authorization: request.headers().authorization,
      }
      byRequest.set(request, call)
      this.calls.push(call)
    })
    page.on('response', (response) => {
      const call = byRequest.get(response.request())
      if (!call) return
      call.status = response.status()
      const reset = Number(response.headers()['x-ratelimit-reset'])
      if (Number.isFinite(reset)) this.bucketFullAt = Math.max(this.bucketFullAt, reset * 1000)
    })
  }

  /** Calls from index `from` on. */
  since(from: number): ApiCall[] {
    return this.calls.slice(from)
  }

  /** Waits until the tenant's rate-limit bucket is full, so every run starts from the same state. */
  async untilBucketFull(): Promise<void> {
    const wait = this.bucketFullAt + 50 - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
}
