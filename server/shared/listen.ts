import { serve } from '@hono/node-server'
import { ServerResponse } from 'node:http'
import { createSecureServer } from 'node:http2'
import type { AddressInfo, Socket } from 'node:net'
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
  /**
   * Stops taking connections and resolves once every request in flight has been answered. Idle
   * keep-alive connections close at once, busy ones as their answer goes out (it says
   * `Connection: close`, so a client or load balancer sends the next request elsewhere).
   * Whatever is still open after `graceMs` (a client that reads slowly, or not at all) is cut.
   */
  close: (graceMs?: number) => Promise<void>
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
    const sockets = new Set<Socket>()
    const answering = new Set<ServerResponse>()
    let closing = false
    // HTTP/1.1 only: HTTP/2 forbids the header (its sessions end with the cut).
    const lastOnItsConnection = (response: ServerResponse): void => {
      if (!response.headersSent) response.setHeader('Connection', 'close')
    }

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
          close: (graceMs = Infinity) =>
            new Promise((done, fail) => {
              closing = true
              answering.forEach(lastOnItsConnection)
              const cut =
                graceMs === Infinity
                  ? undefined
                  : setTimeout(() => sockets.forEach((socket) => socket.destroy()), graceMs)
              // Closes idle connections too (Node ≥ 19); resolves once the last one has gone.
              server.close((error) => {
                clearTimeout(cut)
                if (error) fail(error)
                else done()
              })
            }),
        })
      },
    )
    server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    server.on('request', (_request: unknown, response: unknown) => {
      if (!(response instanceof ServerResponse)) return
      if (closing) lastOnItsConnection(response)
      answering.add(response)
      response.once('close', () => answering.delete(response))
    })
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
