import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect } from '@playwright/test'
import {
  DASHBOARD_API_AUDIENCE,
  PROXY_CLIENT_ID,
  PROXY_CLIENT_SECRET,
  SPA_CLIENT_ID,
} from '../../server/local-tenant/config'
import { startLocalTenant } from '../../server/local-tenant/serve'
import { loadProxyConfig } from '../../server/proxy/config'
import { startProxy } from '../../server/proxy/serve'

const VITE = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url))

export interface ProductionServers {
  tenantOrigin: string
  /** The proxy serving the build (STATIC_DIR) and the API beside it: the production path. */
  proxyOrigin: string
  /** `vite preview` serving the same build; it calls the proxy's API across origins. */
  previewOrigin: string
  close: () => Promise<void>
}

/**
 * A production build of the SPA, made for a local tenant and the proxy (the VITE_* variables are
 * read at build time), served twice: by the proxy and by `vite preview`. Ports apart from the
 * other e2e servers (playwright.config.ts), moved by E2E_PORT_OFFSET like them.
 */
export async function startProductionServers(): Promise<ProductionServers> {
  const offset = Number(process.env.E2E_PORT_OFFSET ?? 0)
  const ports = { tenant: 4130 + offset, proxy: 4131 + offset, preview: 5280 + offset }
  const proxyOrigin = `http://127.0.0.1:${ports.proxy}`
  const previewOrigin = `http://127.0.0.1:${ports.preview}`

  const stops: (() => Promise<unknown>)[] = []
  const close = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    const tenant = await startLocalTenant({
      port: ports.tenant,
      appOrigins: [proxyOrigin, previewOrigin],
    })
    stops.push(tenant.close)

    const outDir = await mkdtemp(join(tmpdir(), 'orgscope-e2e-build-'))
    stops.push(() => rm(outDir, { recursive: true, force: true }))
    const env = {
      ...process.env,
      VITE_AUTH0_DOMAIN: tenant.origin,
      VITE_AUTH0_CLIENT_ID: SPA_CLIENT_ID,
      VITE_AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
      VITE_API_BASE_URL: `${proxyOrigin}/api/v2`,
    }
    await promisify(execFile)(
      process.execPath,
      [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { env },
    )

    const proxy = await startProxy(
      loadProxyConfig({
        AUTH0_DOMAIN: tenant.origin,
        AUTH0_AUDIENCE: DASHBOARD_API_AUDIENCE,
        AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
        AUTH0_CLIENT_SECRET: PROXY_CLIENT_SECRET,
        ALLOWED_ORIGINS: `${proxyOrigin},${previewOrigin}`,
        PORT: String(ports.proxy),
        STATIC_DIR: outDir,
      }),
      // The audit log has its own unit tests; here it would only flood the test output.
      { log: () => {} },
    )
    stops.push(proxy.close)

    const preview = spawn(
      process.execPath,
      [VITE, 'preview', '--outDir', outDir, '--port', String(ports.preview)],
      { env, stdio: 'ignore' },
    )
    stops.push(() => stopChild(preview))
    await expect
      .poll(
        () =>
          fetch(previewOrigin).then(
            (response) => response.status,
            () => 0,
          ),
        {
          message: `vite preview answers on ${previewOrigin}`,
          timeout: 30_000,
        },
      )
      .toBe(200)

    return { tenantOrigin: tenant.origin, proxyOrigin, previewOrigin, close }
  } catch (error) {
    await close()
    throw error
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
