/** Prints one closing line for the unit and end-to-end runs together: `tests: N passed, N failed`. */
import { readFile } from 'node:fs/promises'

interface VitestReport {
  numPassedTests: number
  numFailedTests: number
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
}

const [vitestPath = '', playwrightPath = ''] = process.argv.slice(2)
const vitest = JSON.parse(await readFile(vitestPath, 'utf8')) as VitestReport
const e2e = JSON.parse(await readFile(playwrightPath, 'utf8')) as PlaywrightReport

const passed = vitest.numPassedTests + e2e.stats.expected
const failed = vitest.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky
console.log(
  `\nunit ${vitest.numPassedTests} passed; end-to-end ${e2e.stats.expected} passed` +
    (e2e.stats.skipped ? `, ${e2e.stats.skipped} skipped` : ''),
)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exitCode = failed ? 1 : 0
