import { readFile, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createProxyApp, type ProxyDeps } from './app'
import type { AuditSink } from './audit-log'
import type { ProxyConfig } from './config'
import type { StaticFiles } from './static-site'

export interface RunningProxy {
  /** e.g. `http://127.0.0.1:4020`: where the proxy listens (the real port if config.port is 0). */
  origin: string
  close: () => Promise<void>
}

/** Audit lines to stdout, one per line, for whatever collects the process's output. */
const stdoutSink: AuditSink = (line) => {
  process.stdout.write(`${line}\n`)
}

/**
 * Starts the proxy on Node over HTTP (put an HTTPS reverse proxy in front) and resolves once it
 * listens. Serves config.staticDir too, if set. `deps` is for tests and for embedding (npm start).
 */
export async function startProxy(
  config: ProxyConfig,
  deps: Partial<ProxyDeps> = {},
): Promise<RunningProxy> {
  const staticFiles =
    deps.staticFiles ??
    (config.staticDir !== undefined ? await directoryFiles(config.staticDir) : undefined)
  const app = createProxyApp(config, {
    ...deps,
    log: deps.log ?? stdoutSink,
    ...(staticFiles && { staticFiles }),
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        // The raw request target: the only place `..` and `%2e%2e` segments are still visible.
        fetch: (request, env) => app.fetch(request, { rawPath: env.incoming.url }),
        hostname: config.host,
        port: config.port,
      },
      () => resolve(s),
    )
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
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
