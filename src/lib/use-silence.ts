import { useState } from 'react'
import { useNow } from './use-now'

/** After this long without an answer, a load says the Management API is slow to answer. */
export const SLOW_AFTER_MS = 4_000
/** After this long, it says the load has stopped and offers Retry: no load stalls silently. */
export const STALLED_AFTER_MS = 15_000

/**
 * How long a load has gone without progress, in ms (ticking each second), or undefined while
 * nothing is awaited. `progress` is undefined when nothing is awaited, and otherwise changes
 * whenever something arrives (a page, a failure); a wait the load announced itself (a retry at
 * `quietUntil`, e.g. a 429's reset) does not count as silence.
 */
export function useSilence(progress: string | undefined, quietUntil = 0): number | undefined {
  const now = useNow(1000)
  // Adjusted during render when `progress` changes (React's "storing information from previous
  // renders"), so the first render of a new wait already counts from zero.
  const [mark, setMark] = useState({ progress, at: now })
  if (mark.progress !== progress) setMark({ progress, at: now })
  if (progress === undefined || mark.progress !== progress)
    return progress === undefined ? undefined : 0
  return Math.max(0, now - Math.max(mark.at, quietUntil))
}
