/**
 * Proxy load: many admins looking users up at once. `connections` HTTP/2 connections over TLS (as
 * the browser speaks to the proxy) each ask for a user's first page of memberships, and again as
 * soon as the answer is in — one request out per connection — for `seconds`. Then no new request
 * leaves and the ones out are awaited, so every request sent is answered, and the proxy wrote its
 * audit line before its answer left (server/proxy/app.ts): the lines counted over the run must
 * equal the requests. Latency is per request, from sending to the answer's last byte.
 */
import { connect, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2'
import type { NamedUser } from '../server/local-tenant/seed/named-users'
import type { ProxyLoad } from './results'
import type { BenchServers } from './servers'
import { percentile, round1 } from './stats'

function opened(origin: string, ca: string): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, { ca })
    session.once('connect', () => resolve(session))
    session.once('error', reject)
  })
}

/** The answer's status, once its body has been read to the end. */
function answered(session: ClientHttp2Session, headers: OutgoingHttpHeaders): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers)
    let status = 0
    stream.once('response', (response) => {
      status = Number(response[':status'])
    })
    stream.once('end', () => resolve(status))
    stream.once('error', reject)
    // After `end` this changes nothing; without it, the stream was reset.
    stream.once('close', () => reject(new Error(`A stream closed unanswered (${stream.rstCode}).`)))
    stream.resume()
  })
}

export async function measureProxyLoad(
  servers: BenchServers,
  {
    user,
    authorization,
    connections,
    seconds,
  }: { user: NamedUser; authorization: string; connections: number; seconds: number },
): Promise<ProxyLoad> {
  const url = new URL(
    `${servers.apiBaseUrl}/users/${encodeURIComponent(user.userId)}/organizations?page=0&per_page=50&include_totals=true`,
  )
  const headers = { ':path': `${url.pathname}${url.search}`, authorization }
  const sessions = await Promise.all(
    Array.from({ length: connections }, () => opened(url.origin, servers.cert)),
  )
  try {
    const linesBefore = await servers.auditLines()
    const latencies: number[] = []
    const statuses: Record<string, number> = {}
    const startedAt = performance.now()
    const stopAt = startedAt + seconds * 1000
    await Promise.all(
      sessions.map(async (session) => {
        while (performance.now() < stopAt) {
          const sentAt = performance.now()
          const status = await answered(session, headers)
          latencies.push(performance.now() - sentAt)
          statuses[status] = (statuses[status] ?? 0) + 1
        }
      }),
    )
    const elapsedMs = performance.now() - startedAt
    const auditLines = (await servers.auditLines()) - linesBefore
    return {
      connections,
      seconds,
      requests: latencies.length,
      statuses,
      requestsPerSecond: Math.round(latencies.length / (elapsedMs / 1000)),
      latencyMs: { p50: round1(percentile(latencies, 50)), p99: round1(percentile(latencies, 99)) },
      auditLines,
    }
  } finally {
    for (const session of sessions) session.close()
  }
}
