/**
 * The bench's servers, in a process of their own (as in production, and so the browser driver's
 * work never delays an answer): the local environment (server/local-environment) with the proxy
 * serving the built SPA, both over HTTPS with HTTP/2 — what a browser gets from a real Auth0
 * tenant and from the proxy behind a TLS front. The proxy hands its upstream requests to the
 * tenant's handler directly.
 *
 * Started by servers.ts with its options in BENCH_SERVER_CONFIG; answers `plan` messages (a
 * rate-limit switch) and `audit-lines` messages, and stops when its parent disconnects.
 */
import {
  startLocalEnvironment,
  type LocalEnvironmentOptions,
} from '../server/local-environment/environment'
import type { RateLimitConfig } from '../server/local-tenant/config'
import { setManagementApiSettings } from '../server/local-tenant/management/settings'

export type ParentMessage =
  { type: 'plan'; id: number; plan: RateLimitConfig } | { type: 'audit-lines'; id: number }
/**
 * `ready` carries no origins: the parent chose the ports, and built the SPA for them, first.
 * `done` answers the message with its `id`, and says how many audit lines the proxy has written.
 */
export type ChildMessage = { type: 'ready' } | { type: 'done'; id: number; auditLines: number }

const options = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? '{}') as LocalEnvironmentOptions
// Printed, the audit log would drown the report; counted, it shows whether every request left
// its line (the proxy load check).
let auditLines = 0
const { tenant } = await startLocalEnvironment({
  ...options,
  auditLog: (line) => {
    if ((JSON.parse(line) as { event?: unknown }).event === 'lookup') auditLines += 1
  },
})

const send = (message: ChildMessage) => process.send?.(message)
process.on('message', (message: ParentMessage) => {
  if (message.type === 'plan') setManagementApiSettings(tenant, { rateLimit: message.plan })
  send({ type: 'done', id: message.id, auditLines })
})
// Exiting closes both servers, open connections and all.
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
