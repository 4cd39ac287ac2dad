import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect } from '@playwright/test'
import {
  planLocalEnvironment,
  startLocalEnvironment,
} from '../../server/local-environment/environment'
import { portsOf } from '../../server/local-environment/ports'

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
 * read at build time), served twice: by the proxy and by `vite preview`. Ports from the one port
 * plan, moved by E2E_PORT_OFFSET like the other e2e servers.
 */
export async function startProductionServers(): Promise<ProductionServers> {
  const stops: (() => Promise<unknown>)[] = []
  const close = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    const outDir = await mkdtemp(join(tmpdir(), 'orgscope-e2e-build-'))
    stops.push(() => rm(outDir, { recursive: true, force: true }))
    const options = {
      mode: 'proxy' as const,
      ports: portsOf('e2eProductionBuild'),
      staticDir: outDir,
      // The audit log has its own unit tests; here it would only flood the test output.
      auditLog: false,
    }
    const { origins, viteEnv } = planLocalEnvironment(options)
    const { proxy: proxyOrigin, preview: previewOrigin } = origins
    const env = { ...process.env, ...viteEnv }
    await promisify(execFile)(
      process.execPath,
      [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { env },
    )

    const environment = await startLocalEnvironment(options)
    stops.push(environment.close)

    const preview = spawn(
      process.execPath,
      [VITE, 'preview', '--outDir', outDir, '--port', String(options.ports.preview)],
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

    return { tenantOrigin: environment.tenantOrigin, proxyOrigin, previewOrigin, close }
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
