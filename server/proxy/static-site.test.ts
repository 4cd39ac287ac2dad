import { describe, expect, it } from 'vitest'
import type { StaticFiles } from './static-site'
import { createTestProxy, TENANT_ORIGIN } from './testing/test-proxy'

const INDEX =
  '<!doctype html><title>Orgscope</title><script type="module" src="/assets/index-abc.js"></script>'

/** A built SPA in memory, as `vite build` lays it out. */
function builtSpa(): StaticFiles & { reads: string[] } {
  const files: Record<string, string> = {
    'index.html': INDEX,
    'assets/index-abc.js': 'console.log("app")',
    'assets/index-abc.css': 'body{}',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  }
  const reads: string[] = []
  return {
    reads,
    async read(path) {
      reads.push(path)
      const file = files[path]
      return file === undefined ? undefined : new TextEncoder().encode(file)
    },
  }
}

const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https:",
  `connect-src 'self' ${TENANT_ORIGIN}`,
  `frame-src ${TENANT_ORIGIN}`,
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  `form-action 'self' ${TENANT_ORIGIN}`,
].join('; ')

describe('serving the built SPA', () => {
  it('serves index.html at / with the strict CSP', async () => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })
    const response = await proxy.get('/', { token: null })

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SPA_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    })
  })

  it.each([
    ['/users/auth0%7Cabc/organizations'],
    [`/users/${encodeURIComponent('oidc|corp/ldap|josé.núñez')}/organizations`],
    ['/some/route'],
  ])('falls back to index.html for %s (a deep link reloads)', async (path) => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })
    const response = await proxy.get(path, { token: null })

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX)
  })

  it('serves hashed assets with their type, cached for good', async () => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })
    const script = await proxy.get('/assets/index-abc.js', { token: null })
    const icon = await proxy.get('/favicon.svg', { token: null })

    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await script.text()).toBe('console.log("app")')
    expect(icon.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(icon.headers.get('Cache-Control')).toBe('no-cache')
  })

  it('answers 404 for a missing file, not a page where a script was expected', async () => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })
    const response = await proxy.get('/assets/gone-123.js', { token: null })

    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
  })

  it.each([
    ['/assets/%2e%2e/%2e%2e/etc/passwd'],
    ['/..%2f..%2fetc%2fpasswd'],
    ['/assets%5c..%5cindex.html'],
  ])('never asks for a file outside the build (%s)', async (path) => {
    const files = builtSpa()
    const proxy = await createTestProxy({ staticFiles: files })
    await proxy.get(path, { token: null })

    expect(files.reads.every((read) => !read.includes('..') && !read.includes('\\'))).toBe(true)
  })

  it('leaves /api/v2 and /healthz to the proxy', async () => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })

    expect((await proxy.get('/api/v2/nothing', { token: null })).status).toBe(401)
    expect(await (await proxy.get('/healthz', { token: null })).json()).toEqual({ status: 'ok' })
  })

  it('answers HEAD without a body and other methods with 405', async () => {
    const proxy = await createTestProxy({ staticFiles: builtSpa() })
    const head = await proxy.request(new Request('http://proxy.test/', { method: 'HEAD' }))
    const post = await proxy.request(new Request('http://proxy.test/', { method: 'POST' }))

    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
  })
})
