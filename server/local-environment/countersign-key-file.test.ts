import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCountersignJwk } from '../proxy/countersign-key'
import { localCountersignKey } from './countersign-key-file'

let directory: string | undefined
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
})

describe('localCountersignKey', () => {
  it('makes a valid private key once and hands back the same one on every later start', async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'orgscope-key-'))
    const file = path.join(directory, 'cache', 'countersign-key.json')

    // Two servers starting together, then a restart.
    const [first, second] = await Promise.all([
      localCountersignKey(file),
      localCountersignKey(file),
    ])
    const restarted = await localCountersignKey(file)

    expect(parseCountersignJwk(first)).toMatchObject({ kty: 'OKP', crv: 'Ed25519' })
    expect(second).toBe(first)
    expect(restarted).toBe(first)
    expect(await readFile(file, 'utf8')).toBe(first)
    // A private key: readable by its owner only.
    expect((await stat(file)).mode & 0o077).toBe(0)
  })
})
