import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PROXY_CLIENT_ID } from '../local-tenant/config'
import { runProxyProcess } from './testing/proxy-process'

/**
 * `npm run proxy` with only its env: main.ts under tsx, in one process. The tsx CLI would run it
 * in a child and kill that child if it did not report a signal within 30 ms, which a loaded
 * machine makes happen at random (exit 143 instead of 0).
 */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

const runMain = (env: Record<string, string>) => runProxyProcess(['--import', TSX, MAIN], env)

describe('npm run proxy', () => {
  it('exits 1 listing every configuration problem, and starts nothing', async () => {
    const run = runMain({ PORT: 'eighty', AUTH0_CLIENT_SECRET: 'do-not-print-me' })

    expect(await run.exited).toBe(1)
    const { stdout, stderr } = run.output()
    for (const name of [
      'AUTH0_DOMAIN',
      'AUTH0_AUDIENCE',
      'AUTH0_CLIENT_ID',
      'ALLOWED_ORIGINS',
      'PORT',
    ]) {
      expect(stderr).toContain(`  - ${name} `)
    }
    expect(stderr).toContain('.env.example')
    expect(stderr + stdout).not.toContain('do-not-print-me')
    expect(stdout).toBe('')
  }, 20_000)

  it('starts from the environment alone, prints its start line and a key warning without secrets, stops on SIGTERM', async () => {
    const run = runMain({
      AUTH0_DOMAIN: 'http://127.0.0.1:9',
      AUTH0_AUDIENCE: 'https://orgscope/api',
      AUTH0_CLIENT_ID: PROXY_CLIENT_ID,
      AUTH0_CLIENT_SECRET: 'do-not-print-me',
      ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
      PORT: '0',
    })
    try {
      const origin = await run.listening
      await expect.poll(() => run.output().stdout, { timeout: 15_000 }).toMatch(/\n$/)
      const { stdout } = run.output()

      // The start line, and (no COUNTERSIGN_PRIVATE_JWK given) the warning that countersignatures
      // made now will not verify after a restart.
      const lines = stdout.trim().split('\n')
      expect(lines).toHaveLength(2)
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({
        event: 'warning',
        warning: expect.stringContaining('will not verify after a restart'),
      })
      expect(lines[1]).toMatch(/^Orgscope proxy on /)
      expect(stdout).not.toContain('do-not-print-me')
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const health = await fetch(`${origin}/healthz`)
      expect(await health.json()).toEqual({ status: 'ok' })
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
  }, 20_000)
})
