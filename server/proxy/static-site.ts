import { spaSecurityHeaders } from './security-headers'

/**
 * Where the built SPA's files come from. `path` is relative to the build's root, '/'-separated,
 * with no empty, `.` or `..` segment; undefined when there is no such file. On Node it reads a
 * directory (serve.ts); elsewhere it may be a bucket or the runtime's asset store.
 */
export interface StaticFiles {
  read: (path: string) => Promise<Uint8Array<ArrayBuffer> | undefined>
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
}

const INDEX = 'index.html'
/** Vite puts content-hashed files here: they never change, so browsers may keep them. */
const HASHED_ASSETS = 'assets/'

/**
 * Serves the built SPA: its files as they are, and index.html for every other path (history
 * fallback: a deep link such as /users/…/organizations reloads), except a missing file with an
 * extension, which is a 404 rather than a page where a script or image was expected.
 */
export function createStaticSite(
  files: StaticFiles,
  tenantOrigin: string,
): (request: Request) => Promise<Response> {
  const securityHeaders = spaSecurityHeaders(tenantOrigin)

  const answer = (
    request: Request,
    status: number,
    body: Uint8Array<ArrayBuffer> | null,
    path: string,
  ) =>
    new Response(request.method === 'HEAD' ? null : body, {
      status,
      headers: {
        ...securityHeaders,
        'Content-Type': contentTypeOf(path),
        'Cache-Control': path.startsWith(HASHED_ASSETS)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      },
    })

  const notFound = (request: Request) =>
    answer(request, 404, new TextEncoder().encode('Not Found'), 'not-found.txt')

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(request)
    const path = filePathOf(new URL(request.url).pathname)
    if (path !== undefined && path !== '') {
      const file = await files.read(path)
      if (file) return answer(request, 200, file, path)
      if (extensionOf(path) !== undefined) return notFound(request)
    }
    const index = await files.read(INDEX)
    return index ? answer(request, 200, index, INDEX) : notFound(request)
  }
}

/** The pathname as a relative file path, or undefined if it cannot name a file of the build. */
function filePathOf(pathname: string): string | undefined {
  const segments: string[] = []
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined
    segments.push(segment)
  }
  // An empty segment only at the end (a directory), which the fallback serves.
  if (segments.slice(0, -1).includes('')) return undefined
  return segments.join('/')
}

function extensionOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined
}

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extensionOf(path) ?? ''] ?? 'application/octet-stream'
}
