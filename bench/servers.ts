/**
 * The benchmark's own world: a production build of the SPA served by the proxy (the production
 * path: SPA and API on one origin, the proxy relaying to the Management API), and the local
 * tenant behind it with a realistic latency — in a process of their own (server-process.ts),
 * over HTTPS and HTTP/2 like a real deployment. Ports from the one port plan
 * (server/local-environment/ports.ts), so a bench never answers anyone else.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  planLocalEnvironment,
  type LocalEnvironmentOptions,
} from '../server/local-environment/environment'
import { portsOf } from '../server/local-environment/ports'
import type { RateLimitConfig } from '../server/local-tenant/config'
import { measureBundle, type BundleSizes } from './bundle-size'
import { createCertificate } from './certificate'
import type { ChildMessage, ParentMessage } from './server-process'

/** Added to every Management API answer: a tenant across a real network. */
const LATENCY_MS = 80
/** Auth0 Enterprise, "Read User's Organizations": burst 40, 500 per minute. */
const ENTERPRISE_PLAN: RateLimitConfig = { burst: 40, refillPerSecond: 500 / 60 }
/** Auth0 Free: burst 2, 2 per second. */
export const FREE_PLAN: RateLimitConfig = { burst: 2, refillPerSecond: 2 }
/**
 * No limit the proxy load check reaches: it measures the proxy, and under Enterprise's 500 per
 * minute nearly every answer would be a 429.
 */
export const UNLIMITED_PLAN: RateLimitConfig = { burst: 1_000_000, refillPerSecond: 1_000_000 }

const STARTUP_TIMEOUT_MS = 60_000

export interface BenchServers {
  /** The proxy's origin, which serves the SPA too: where the browser goes. */
  appOrigin: string
  /** The Management API as the SPA calls it: `<appOrigin>/api/v2`. */
  apiBaseUrl: string
  /** `apiBaseUrl/`: what every Management API request's URL starts with. */
  apiPrefix: string
  /** The certificate Chromium must trust (see certificate.ts). */
  spkiHash: string
  /** The same certificate (PEM), for a Node client to trust. */
  cert: string
  sizes: BundleSizes
  /** Switches the tenant's rate limit (every bucket starts full again). */
  setPlan: (plan: RateLimitConfig) => Promise<void>
  /** The audit lines (one per lookup) the proxy has written since it started. */
  auditLines: () => Promise<number>
  close: () => Promise<void>
}

/**
 * Builds the SPA for the proxy's origin (the VITE_* variables are read at build time), measures
 * the build, then starts the tenant and the proxy serving that build.
 */
export async function startBenchServers(): Promise<BenchServers> {
  const workDir = await mkdtemp(join(tmpdir(), 'orgscope-bench-'))
  let child: ChildProcess | undefined
  const close = async () => {
    if (child?.connected) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.disconnect()
      await exited
    }
    await rm(workDir, { recursive: true, force: true })
  }
  try {
    const certificate = await createCertificate(workDir)
    const options = {
      mode: 'proxy',
      ports: portsOf('bench'),
      staticDir: join(workDir, 'dist'),
      tls: { key: certificate.key, cert: certificate.cert },
      rateLimit: ENTERPRISE_PLAN,
      latencyMs: LATENCY_MS,
      // The 80 ms of latency stand for the network and Auth0's work; the tenant's HTTP serving
      // (Auth0's CPU, not ours) then costs this machine nothing the browser needs.
      inProcessUpstream: true,
    } satisfies LocalEnvironmentOptions
    const { origins, apiBaseUrl, viteEnv } = planLocalEnvironment(options)
    // Vite's build reads the VITE_* variables from the environment.
    Object.assign(process.env, viteEnv)
    const sizes = await measureBundle(options.staticDir)
    const started = fork(new URL('./server-process.ts', import.meta.url).pathname, {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_SERVER_CONFIG: JSON.stringify(options) },
    })
    child = started
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The bench servers did not start.')),
        STARTUP_TIMEOUT_MS,
      )
      started.once('exit', (code) => reject(new Error(`The bench servers exited (${code}).`)))
      started.on('message', (message: ChildMessage) => {
        if (message.type !== 'ready') return
        clearTimeout(timer)
        resolve()
      })
    })

    let nextId = 0
    /** Sends the message `ask` makes with a fresh id; resolves with the child's answer to it. */
    const answerTo = (ask: (id: number) => ParentMessage) =>
      new Promise<ChildMessage & { type: 'done' }>((resolve) => {
        const id = ++nextId
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'done' || message.id !== id) return
          started.off('message', onMessage)
          resolve(message)
        }
        started.on('message', onMessage)
        started.send(ask(id))
      })

    return {
      appOrigin: origins.proxy,
      apiBaseUrl,
      apiPrefix: `${apiBaseUrl}/`,
      spkiHash: certificate.spkiHash,
      cert: certificate.cert,
      sizes,
      setPlan: async (plan) => {
        await answerTo((id) => ({ type: 'plan', id, plan }))
      },
      auditLines: async () => (await answerTo((id) => ({ type: 'audit-lines', id }))).auditLines,
      close,
    }
  } catch (error) {
    child?.kill()
    await close()
    throw error
  }
}
