import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { html, SafeHtml } from './html'

/** Nothing the tenant answers during sign-in may be cached: codes, sessions, tokens. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store')
  c.header('Pragma', 'no-cache')
}

export interface PageOptions {
  title: string
  body: SafeHtml
  status?: ContentfulStatusCode
  /** An inline script, allowed through the CSP by a per-response nonce. */
  script?: SafeHtml
  /** Who may frame the page. Only the silent-sign-in answer is framed, by the app's origin. */
  frameAncestors?: string
}

// Static, so it is trusted markup; `html` would escape the quotes in font names.
const STYLE = new SafeHtml(`
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f1f3f5; color: #212529; }
  main { width: min(26rem, calc(100vw - 2rem)); margin: 2rem 0; padding: 2rem; background: #fff;
    border-radius: 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
  h2 { font-size: 1rem; margin: 1.75rem 0 0.5rem; }
  p { line-height: 1.5; }
  .muted { color: #5c636a; font-size: 0.9rem; }
  form { display: grid; gap: 0.35rem; margin-top: 1.25rem; }
  label { font-weight: 600; font-size: 0.9rem; margin-top: 0.5rem; }
  input { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid #ced4da; border-radius: 6px; }
  input:focus { outline: 2px solid #4263eb; outline-offset: 1px; }
  button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.6rem; border: 0;
    border-radius: 6px; background: #364fc7; color: #fff; cursor: pointer; }
  button:hover { background: #2b3fa0; }
  .error { margin: 1rem 0 0; padding: 0.6rem 0.8rem; border-radius: 6px; background: #fff5f5;
    color: #c92a2a; border: 1px solid #ffc9c9; }
  ul { padding-left: 1.1rem; margin: 0; }
  li { margin-bottom: 0.6rem; line-height: 1.45; font-size: 0.9rem; }
  code { background: #f1f3f5; padding: 0.05rem 0.3rem; border-radius: 4px; white-space: nowrap; }
`)

/** A complete, self-contained page: inline CSS, no external assets, a strict CSP, never cached. */
export function htmlPage(c: Context, options: PageOptions): Response {
  const nonce = crypto.randomUUID()
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
    ...(options.script ? [`script-src 'nonce-${nonce}'`] : []),
  ].join('; ')
  c.header('Content-Security-Policy', csp)
  noStore(c)
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        ${options.body}${
          options.script &&
          html`<script nonce="${nonce}">
            ${options.script}
          </script>`
        }
      </body>
    </html> `
  return c.html(page.value, options.status ?? 200)
}

/** An error shown to the person in the browser: the tenant never redirects to an unverified URL. */
export function errorPage(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: SafeHtml | string,
): Response {
  return htmlPage(c, {
    title,
    status,
    body: html`<main>
      <h1>${title}</h1>
      <p>${detail}</p>
    </main>`,
  })
}
