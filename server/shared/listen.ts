import { serve } from '@hono/node-server'
import { createSecureServer } from 'node:http2'
import type { AddressInfo } from 'node:net'

export interface Tls {
  key: string
  cert: string
}

type FetchCallback = Parameters<typeof serve>[0]['fetch']

export interface Listening {
  /** e.g. `http://127.0.0.1:4010`: the real port if 0 was asked for. */
  origin: string
  close: () => Promise<void>
}

/**
 * Serves `fetch` on host:port and resolves once it listens: over HTTP, or with `tls` over HTTPS
 * and HTTP/2 when the client offers it (browsers do), HTTP/1.1 otherwise. The one way the local
 * tenant and the proxy listen.
 */
export function listen(
  fetch: FetchCallback,
  { hostname, port, tls }: { hostname: string; port: number; tls?: Tls | undefined },
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch,
        hostname,
        port,
        ...(tls && {
          createServer: createSecureServer,
          serverOptions: { ...tls, allowHTTP1: true },
        }),
      },
      () => {
        const host = hostname.includes(':') ? `[${hostname}]` : hostname
        resolve({
          origin: `${tls ? 'https' : 'http'}://${host}:${(server.address() as AddressInfo).port}`,
          close: () =>
            new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
        })
      },
    )
    server.once('error', reject)
  })
}
