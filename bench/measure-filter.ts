/**
 * Filter latency on a complete table: 30 keystrokes into "Filter" (a word typed and erased, three
 * times: the rows narrow, then widen back to all of them). Each key is sent like a real one
 * (`page.keyboard`), and the next key only once the previous one has settled.
 *
 * Per keystroke, from the keydown event's timestamp (when the browser received the key):
 * - `rows`: to the first paint of the rows filtered by the new text (the count and the rows change
 *   in the same commit; the rows may lag the box, which renders them at lower priority). This is
 *   what the budget holds.
 * - `nextPaint`: to the first paint after the keydown handlers ran (the box echoing the key).
 * - Event Timing's keydown duration (the same span as `nextPaint`, measured by the browser,
 *   rounded to 8 ms, reported only from 16 ms): a cross-check, where it exists.
 */
import type { Page } from '@playwright/test'
import {
  installFilterProbe,
  keystrokeDone,
  readKeystroke,
  type TableExpectation,
} from './page-probes'
import { percentile, withTimeout } from './stats'

/** After a keystroke's rows are painted: room for what it set off to finish, as between keys. */
const PAUSE_MS = 120

export interface FilterLatency {
  p50: number
  p95: number
  nextPaint: { p50: number; p95: number }
  eventTiming: { reported: number; max: number | undefined }
  keystrokes: number
}

export interface FilterScript {
  /** The complete table: what an empty box shows again. */
  table: TableExpectation
  /** Typed and erased one after another: words the rows hold, so they narrow step by step. */
  words: readonly string[]
}

function keystrokeScript(words: readonly string[]): string[] {
  return words.flatMap((word) => [...word.split(''), ...word.split('').map(() => 'Backspace')])
}

/** `page` shows the complete `script.table`. */
export async function measureFilter(page: Page, script: FilterScript): Promise<FilterLatency> {
  const filter = page.getByRole('textbox', { name: 'Filter' })
  await filter.click()
  await page.evaluate(installFilterProbe, script.table)

  const rows: number[] = []
  const nextPaint: number[] = []
  const eventTiming: number[] = []
  for (const key of keystrokeScript(script.words)) {
    await page.keyboard.press(key)
    await withTimeout(page.evaluate(keystrokeDone), 10_000, `keystroke "${key}"`)
    const timing = await page.evaluate(readKeystroke)
    if (timing?.rowsPaintAt === undefined || timing.nextPaintAt === undefined) {
      throw new Error(`Keystroke "${key}" left no paint to time.`)
    }
    rows.push(timing.rowsPaintAt - timing.keyAt)
    nextPaint.push(timing.nextPaintAt - timing.keyAt)
    if (timing.eventTimingMs !== undefined) eventTiming.push(timing.eventTimingMs)
    await page.waitForTimeout(PAUSE_MS)
  }
  if ((await filter.inputValue()) !== '') throw new Error('The filter script did not end empty.')

  return {
    p50: percentile(rows, 50),
    p95: percentile(rows, 95),
    nextPaint: { p50: percentile(nextPaint, 50), p95: percentile(nextPaint, 95) },
    eventTiming: {
      reported: eventTiming.length,
      max: eventTiming.length ? Math.max(...eventTiming) : undefined,
    },
    keystrokes: rows.length,
  }
}
