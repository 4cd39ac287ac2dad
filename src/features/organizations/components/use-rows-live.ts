import { useEffect, useState } from 'react'

/**
 * How long the rows in view must stay put (no scrolling, no new filter or sort) before their roles
 * are looked up: rows scrolled or typed past are never asked for, and a keystroke mounts no lookup.
 */
const ROLES_SETTLE_MS = 250

/** The rows that were in view when the table last stood still, by index into `rows`. */
interface SettledRows {
  rows: readonly unknown[]
  first: number
  last: number
}

/**
 * Whether a virtualized table's row at `index` may look up its roles (RolesCell's `live`): it was
 * in view when the table last stood still, and the rows are still the ones it stood still on.
 * `firstInView` / `lastInView` come from useVirtualRows; not `enabled`, no row is live.
 */
export function useRowsLive(
  enabled: boolean,
  rows: readonly unknown[],
  firstInView: number,
  lastInView: number,
): (index: number) => boolean {
  const [settled, setSettled] = useState<SettledRows | undefined>(undefined)
  useEffect(() => {
    if (!enabled) return
    const timer = setTimeout(
      () => setSettled({ rows, first: firstInView, last: lastInView }),
      ROLES_SETTLE_MS,
    )
    return () => clearTimeout(timer)
  }, [enabled, rows, firstInView, lastInView])
  return (index) =>
    enabled && settled?.rows === rows && index >= settled.first && index <= settled.last
}
