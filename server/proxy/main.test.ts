import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PROXY_CLIENT_ID } from '../local-tenant/config'
import { runProxyProcess } from './testing/proxy-process'

/** `npm run proxy` as an operator runs it: `tsx server/proxy/main.ts` with only its env. */
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli')
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

const runMain = (env: Record<string, string>) => runProxyProcess([TSX_CLI, MAIN], env)

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

  it('starts from the environment alone, prints one line without secrets, stops on SIGTERM', async () => {
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

      expect(stdout.trim().split('\n')).toHaveLength(1)
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
