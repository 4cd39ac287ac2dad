import { Text, type TextProps } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { formatDuration } from '@/lib/format'

/** Seconds left until `targetTime`, on whole seconds; 0 once it has passed. */
function useSecondsUntil(targetTime: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // Wake when the displayed number changes, not on an arbitrary 1 s grid.
    const schedule = (left: number) => {
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000)
    }
    const tick = () => {
      const current = Date.now()
      setNow(current)
      schedule(targetTime - current)
    }
    schedule(targetTime - Date.now())
    return () => clearTimeout(timer)
  }, [targetTime])
  return Math.max(0, Math.ceil((targetTime - now) / 1000))
}

export interface CountdownProps extends TextProps {
  until: Date
  /** Before the time left: "Retrying in" → "Retrying in 4 s". */
  prefix: string
  /** Shown once the time has come. */
  done: ReactNode
}

/**
 * "Retrying in 4 s", counting down to `until`, then `done`. Key it by the time so a new target
 * starts from a fresh clock reading. The number sits in `aria-live="off"`: inside a live region,
 * a number changing every second must not be re-announced.
 */
export function Countdown({ until, prefix, done, ...text }: CountdownProps) {
  const seconds = useSecondsUntil(until.getTime())
  if (seconds === 0) return done
  return (
    <Text component="span" {...text} aria-live="off">
      {prefix} {formatDuration(seconds * 1000)}
    </Text>
  )
}
