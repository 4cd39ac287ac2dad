import { spawn } from 'node:child_process'
import { once } from 'node:events'

export interface ProxyProcess {
  /** Kill it with a signal (`child.kill('SIGTERM')`), as an orchestrator stops it. */
  child: ReturnType<typeof spawn>
  output: () => { stdout: string; stderr: string }
  /** The proxy's origin, once its start line is out. */
  listening: Promise<string>
  exited: Promise<number | null>
}

/**
 * The proxy as an operator runs it: `node <args>` (a built bundle, or tsx and main.ts) with only
 * `env` and PATH, its stdout and stderr collected.
 */
export function runProxyProcess(args: string[], env: Record<string, string>): ProxyProcess {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  // 'close', not 'exit': a process may exit before what it wrote last has been read.
  const exited = once(child, 'close').then(([code]) => code as number | null)
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const origin = /Orgscope proxy on (\S+) · /.exec(stdout)?.[1]
      if (origin !== undefined) resolve(origin)
    })
    void exited.then((code) => reject(new Error(`The proxy exited (${code}): ${stderr}`)))
  })
  // Awaited or not: a test about a start that fails never asks where it listens.
  listening.catch(() => undefined)
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return { child, output: () => ({ stdout, stderr }), listening, exited }
}
