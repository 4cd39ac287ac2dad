/**
 * Code that runs inside the page (serialized by Playwright, so each function is self-contained:
 * no imports, no closures over Node values). Every time is `performance.now()` in the page:
 * milliseconds since the document's navigation started.
 *
 * "Painted" means: the DOM change was committed, a frame was produced (requestAnimationFrame runs
 * just before it) and a message posted from that frame arrived (it runs just after it). That is
 * the first moment script can observe the change on screen.
 */

/** What the table must show to count as complete. */
export interface TableExpectation {
  /** The table's accessible name (`aria-label`): "Organizations", "Members". */
  table: string
  /** Data rows: the table's `aria-rowcount` is this plus the header row. */
  rows: number
  /** The total as the summary spells it, e.g. "1,000 organizations", "10,000 members". */
  totalText: string
}

export interface ProbeState {
  /** Set to the next complete-table paint once armed. */
  expectation: TableExpectation | undefined
  paintedAt: number | undefined
  /** When `arm` was last called: where a measurement that starts in the page begins. */
  armedAt: number | undefined
  /** Distinct `role="alert"` elements holding "429" that were attached to the document. */
  alerts429: number
  arm: (expectation: TableExpectation) => void
  /** Resolves with `paintedAt` once it is set (the page is watched, not polled). */
  painted: () => Promise<number>
}

declare global {
  interface Window {
    __bench?: ProbeState
    __filterProbe?: FilterProbeState
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`; the page
 * has no such helper, so every document gets a stand-in before anything else runs.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (target) => target'

/**
 * Installed before the app's scripts (an init script), in the top frame only: watches the DOM
 * for 429 alerts and, once armed, for the first paint of the complete table.
 */
export function installLoadProbe(expectation: TableExpectation | null): void {
  if (window.top !== window) return
  const seenAlerts = new WeakSet<Element>()
  let waitingForPaint = false

  const afterNextPaint = (callback: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => callback()
      channel.port2.postMessage(undefined)
    })
  let waiters: ((at: number) => void)[] = []

  const isComplete = (expected: TableExpectation): boolean => {
    const table = document.querySelector(`table[aria-label="${expected.table}"]`)
    if (table?.getAttribute('aria-rowcount') !== String(expected.rows + 1)) return false
    if (document.querySelector('[role="progressbar"]')) return false
    return document.body.textContent?.includes(expected.totalText) === true
  }

  const check = () => {
    for (const alert of document.querySelectorAll('[role="alert"]')) {
      if (!seenAlerts.has(alert) && alert.textContent?.includes('429')) {
        seenAlerts.add(alert)
        state.alerts429 += 1
      }
    }
    const expected = state.expectation
    if (!expected || state.paintedAt !== undefined || waitingForPaint) return
    if (!isComplete(expected)) return
    waitingForPaint = true
    afterNextPaint(() => {
      waitingForPaint = false
      // Still complete after the frame (not a transient state): that frame showed it.
      if (state.expectation === expected && isComplete(expected)) {
        const at = performance.now()
        state.paintedAt = at
        for (const resolve of waiters) resolve(at)
        waiters = []
      }
    })
  }

  const state: ProbeState = {
    expectation: expectation ?? undefined,
    paintedAt: undefined,
    armedAt: undefined,
    alerts429: 0,
    arm: (next) => {
      state.expectation = next
      state.paintedAt = undefined
      state.armedAt = performance.now()
      check()
    },
    painted: () =>
      new Promise((resolve) => {
        if (state.paintedAt !== undefined) resolve(state.paintedAt)
        else waiters.push(resolve)
      }),
  }
  window.__bench = state
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })
}

export interface KeystrokeTiming {
  /** The keydown event's own timestamp: when the browser received the key. */
  keyAt: number
  /** The first paint after the keydown handlers ran (the box echoing the key). */
  nextPaintAt: number | undefined
  /** The first paint showing the rows filtered by the box's new text. */
  rowsPaintAt: number | undefined
  /** Event Timing's duration for this keydown, when it reached the 16 ms reporting threshold. */
  eventTimingMs: number | undefined
}

export interface FilterProbeState {
  current: KeystrokeTiming | undefined
  eventTimings: { startTime: number; duration: number }[]
  /** Resolves once the current keystroke's rows have been painted. */
  done: () => Promise<void>
}

/**
 * Times keystrokes into the filter box (labelled "Filter") of the section holding the complete
 * `expected` table: a capturing keydown listener notes the key's timestamp and the next paint; a
 * MutationObserver on that section notes the first commit whose
 * rows match the box's new text — the summary quotes the filter the rows were filtered with
 * (“solar”), or, for an empty box, every row is back — and the paint after it. Later changes a
 * keystroke sets off on its own (a logo that fails to load and turns into initials) are not
 * counted. Event Timing entries (keydown, ≥ 16 ms) are kept to cross-check.
 */
export function installFilterProbe(expected: TableExpectation): void {
  const table = document.querySelector(`table[aria-label="${expected.table}"]`)
  const section = table?.closest('section')
  const label = [...(section?.querySelectorAll('label') ?? [])].find(
    (each) => each.textContent?.trim() === 'Filter',
  )
  const box = label?.control
  if (!section || !(box instanceof HTMLInputElement)) {
    throw new Error(`No section of the ${expected.table} table with a filter box to watch.`)
  }
  const afterNextPaint = (callback: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => callback()
      channel.port2.postMessage(undefined)
    })
  const showsFilter = (): boolean => {
    const text = section.textContent ?? ''
    const filter = box.value.trim()
    if (filter !== '') return text.includes(`\u201c${filter}\u201d`)
    const rowCount = section.querySelector('table')?.getAttribute('aria-rowcount')
    return !text.includes('matching \u201c') && rowCount === String(expected.rows + 1)
  }
  let finished: (() => void)[] = []
  const finish = (timing: KeystrokeTiming) => {
    if (timing !== state.current || !isDone(timing)) return
    for (const resolve of finished) resolve()
    finished = []
  }
  const isDone = (timing: KeystrokeTiming | undefined) =>
    timing?.rowsPaintAt !== undefined && timing.nextPaintAt !== undefined
  const state: FilterProbeState = {
    current: undefined,
    eventTimings: [],
    done: () =>
      new Promise((resolve) => {
        if (isDone(state.current)) resolve()
        else finished.push(resolve)
      }),
  }
  window.__filterProbe = state

  let waitingFor: KeystrokeTiming | undefined
  document.addEventListener(
    'keydown',
    (event) => {
      const timing: KeystrokeTiming = {
        keyAt: event.timeStamp,
        nextPaintAt: undefined,
        rowsPaintAt: undefined,
        eventTimingMs: undefined,
      }
      state.current = timing
      waitingFor = timing
      afterNextPaint(() => {
        timing.nextPaintAt = performance.now()
        finish(timing)
      })
    },
    { capture: true },
  )
  new MutationObserver(() => {
    const timing = waitingFor
    if (!timing || !showsFilter()) return
    waitingFor = undefined
    afterNextPaint(() => {
      timing.rowsPaintAt = performance.now()
      finish(timing)
    })
  }).observe(section, { subtree: true, childList: true, attributes: true, characterData: true })

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'keydown') {
        state.eventTimings.push({ startTime: entry.startTime, duration: entry.duration })
      }
    }
    // durationThreshold is in the spec and in Chromium, not yet in TypeScript's DOM types.
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
}

/** Resolves once the current keystroke's filtered rows have been painted. */
export function keystrokeDone(): Promise<void> {
  const probe = window.__filterProbe
  if (!probe) return Promise.reject(new Error('The filter probe is not installed.'))
  return probe.done()
}

/** Resolves with the time the armed table was painted. */
export function tablePainted(): Promise<number> {
  const probe = window.__bench
  if (!probe) return Promise.reject(new Error('The load probe is not installed.'))
  return probe.painted()
}

/** The current keystroke's timing, with its Event Timing entry matched by start time. */
export function readKeystroke(): KeystrokeTiming | undefined {
  const probe = window.__filterProbe
  const timing = probe?.current
  if (!probe || !timing) return undefined
  const entry = probe.eventTimings.find((e) => Math.abs(e.startTime - timing.keyAt) < 2)
  return { ...timing, eventTimingMs: entry?.duration }
}
