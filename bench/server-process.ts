/**
 * The bench's servers, in a process of their own (as in production, and so the browser driver's
 * work never delays an answer): the local environment (server/local-environment) with the proxy
 * serving the built SPA, both over HTTPS with HTTP/2 — what a browser gets from a real Auth0
 * tenant and from the proxy behind a TLS front. The proxy hands its upstream requests to the
 * tenant's handler directly.
 *
 * Started by servers.ts with its options in BENCH_SERVER_CONFIG; answers `plan` messages (a
 * rate-limit switch) and stops when its parent disconnects.
 */
import {
  startLocalEnvironment,
  type LocalEnvironmentOptions,
} from '../server/local-environment/environment'
import type { RateLimitConfig } from '../server/local-tenant/config'
import { setManagementApiSettings } from '../server/local-tenant/management/settings'

export type ParentMessage = { type: 'plan'; id: number; plan: RateLimitConfig }
/** `ready` carries no origins: the parent chose the ports, and built the SPA for them, first. */
export type ChildMessage = { type: 'ready' } | { type: 'done'; id: number }

const options = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? '{}') as LocalEnvironmentOptions
const { tenant } = await startLocalEnvironment(options)

const send = (message: ChildMessage) => process.send?.(message)
process.on('message', (message: ParentMessage) => {
  if (message.type !== 'plan') return
  setManagementApiSettings(tenant, { rateLimit: message.plan })
  send({ type: 'done', id: message.id })
})
// Exiting closes both servers, open connections and all.
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
