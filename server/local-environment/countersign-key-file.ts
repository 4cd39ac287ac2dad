import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { generateCountersignJwk } from '../proxy/countersign-key'

/**
 * Where `npm start` and the e2e servers keep the local proxy's countersigning key: git-ignored
 * (under node_modules), and kept across restarts, so an evidence pack countersigned yesterday
 * still verifies against the key the local proxy publishes today. A fresh install makes a new
 * key, as a new deployment would; production sets COUNTERSIGN_PRIVATE_JWK instead.
 */
const LOCAL_COUNTERSIGN_KEY_FILE = 'node_modules/.cache/orgscope/countersign-key.json'

/**
 * The private JWK (as JSON, for COUNTERSIGN_PRIVATE_JWK) in `file`, made there on first use.
 * Servers starting together may both find none: the first write wins and the other reads it.
 */
export async function localCountersignKey(file = LOCAL_COUNTERSIGN_KEY_FILE): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined)
  if (existing !== undefined) return existing
  await mkdir(path.dirname(file), { recursive: true })
  try {
    await writeFile(file, JSON.stringify(generateCountersignJwk()), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return readFile(file, 'utf8')
}
