import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { listen, type Tls } from '../shared/listen'
import { createProxyApp, type ProxyDeps } from './app'
import type { AuditSink } from './audit-log'
import type { ProxyConfig } from './config'
import { API_SECURITY_HEADERS } from './security-headers'
import type { StaticFiles } from './static-site'

export interface RunningProxy {
  /** e.g. `http://127.0.0.1:4020`: the real port if config.port is 0. */
  origin: string
  /**
   * Stops taking connections, lets the lookups in flight finish and resolves once they are
   * answered (listen.ts). Each lookup ends within config.upstreamTimeoutMs (504 at worst), so
   * whatever is still open after that is cut.
   */
  close: () => Promise<void>
}

/** Audit lines to stdout, one per line, for whatever collects the process's output. */
const stdoutSink: AuditSink = (line) => {
  process.stdout.write(`${line}\n`)
}

/**
 * Starts the proxy on Node over HTTP (put an HTTPS reverse proxy in front) and resolves once it
 * listens. Serves config.staticDir too, if set. `deps` is for tests and for embedding (the local
 * environment), `tls` for the bench, which serves HTTPS and HTTP/2 as a TLS front would.
 */
export async function startProxy(
  config: ProxyConfig,
  deps: Partial<ProxyDeps> = {},
  tls?: Tls,
): Promise<RunningProxy> {
  const staticFiles =
    deps.staticFiles ??
    (config.staticDir !== undefined ? await directoryFiles(config.staticDir) : undefined)
  const app = createProxyApp(config, {
    ...deps,
    log: deps.log ?? stdoutSink,
    ...(staticFiles && { staticFiles }),
  })
  // The raw request target: the only place `..` and `%2e%2e` segments are still visible.
  const { origin, close } = await listen(
    (request, env) => app.fetch(request, { rawPath: env.incoming.url }),
    { hostname: config.host, port: config.port, tls, clientErrorHeaders: API_SECURITY_HEADERS },
  )
  return { origin, close: () => close(config.upstreamTimeoutMs) }
}

/**
 * A built SPA in a directory. Checked at start, so a wrong STATIC_DIR fails loudly rather than
 * serving 404s. Paths arrive without `..` (static-site.ts); the root check is a second wall.
 */
export async function directoryFiles(directory: string): Promise<StaticFiles> {
  const root = path.resolve(directory)
  const index = await stat(path.join(root, 'index.html')).catch(() => undefined)
  if (!index?.isFile()) {
    throw new Error(`STATIC_DIR ${root} holds no index.html: build the SPA into it first.`)
  }
  return {
    async read(relative) {
      const file = path.resolve(root, relative)
      if (!file.startsWith(`${root}${path.sep}`)) return undefined
      const info = await stat(file).catch(() => undefined)
      if (!info?.isFile()) return undefined
      return new Uint8Array(await readFile(file))
    },
  }
}
