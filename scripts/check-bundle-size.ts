/**
 * Part of `npm test`: builds the SPA and fails when the bytes exceed bench/budgets.json.
 * Bytes are deterministic, so they belong in the test; timings never do (see `npm run bench`).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { measureBundle, type BundleSizes } from '../bench/bundle-size'

// bench/budgets.json also holds `npm run bench`'s timing budgets: only the byte ones count here.
const budgets = JSON.parse(await readFile('bench/budgets.json', 'utf8')) as Partial<BundleSizes>
const outDir = await mkdtemp(join(tmpdir(), 'orgscope-size-'))
try {
  const sizes = await measureBundle(outDir)
  let failed = 0
  let checked = 0
  for (const [key, bytes] of Object.entries(sizes) as [keyof BundleSizes, number][]) {
    const budget = budgets[key]
    const over = budget !== undefined && bytes > budget
    if (budget !== undefined) checked++
    if (over) failed++
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
    console.log(
      `${over ? 'OVER' : 'ok  '}  ${key.padEnd(20)} ${kib(bytes).padStart(10)}` +
        (budget === undefined ? '' : `  (budget ${kib(budget)})`),
    )
  }
  console.log(`bundle size: ${checked - failed} passed, ${failed} failed`)
  process.exitCode = failed ? 1 : 0
} finally {
  await rm(outDir, { recursive: true, force: true })
}
