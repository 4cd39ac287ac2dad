import { serve } from '@hono/node-server'
import { createSecureServer } from 'node:http2'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Auth0Error } from './auth0-errors'

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
  {
    hostname,
    port,
    tls,
    clientErrorHeaders = {},
  }: {
    hostname: string
    port: number
    tls?: Tls | undefined
    /** Added to what the server answers a request it cannot parse (the app never sees those). */
    clientErrorHeaders?: Readonly<Record<string, string>>
  },
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
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
      answerClientError(error, socket, clientErrorHeaders),
    )
  })
}

/** Node's parser errors that have a status of their own; any other is a 400. */
const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
}

/**
 * What Node answers bytes it cannot parse as a request (a bare `400` by default), as every other
 * answer is: the Auth0 error shape, and the headers the caller asked for.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  headers: Readonly<Record<string, string>>,
): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400
  const answer = new Auth0Error(status, 'The request could not be read as HTTP.').body
  const body = JSON.stringify(answer)
  const lines = Object.entries({
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  }).map(([name, value]) => `${name}: ${value}`)
  socket.end(`HTTP/1.1 ${status} ${answer.error}\r\n${lines.join('\r\n')}\r\n\r\n${body}`)
}
