import type { AuditSink } from './audit-log'

/** Writes `line()` unless this kind's budget is spent; `line` is built only if written. */
export type LimitedLog = (kind: string, line: () => string) => void

/**
 * At most `perSecond` lines of each kind (a token bucket per kind), so that a flood of requests
 * anyone can send cannot fill the disk. The lines it holds back are counted and written as one
 * line (`suppressed(kind, count)`) a second after the first of them. Kinds are a fixed few.
 */
export function createLogLimiter(options: {
  log: AuditSink
  now: () => number
  perSecond: number
  suppressed: (kind: string, count: number) => string
}): LimitedLog {
  const { perSecond } = options
  const buckets = new Map<string, { tokens: number; filledAt: number; held: number }>()

  return (kind, line) => {
    const at = options.now()
    const bucket = buckets.get(kind) ?? { tokens: perSecond, filledAt: at, held: 0 }
    buckets.set(kind, bucket)
    bucket.tokens = Math.min(perSecond, bucket.tokens + ((at - bucket.filledAt) / 1000) * perSecond)
    bucket.filledAt = at
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      options.log(line())
      return
    }
    if (bucket.held++ > 0) return
    const timer = setTimeout(() => {
      options.log(options.suppressed(kind, bucket.held))
      bucket.held = 0
    }, 1000)
    // A pending count must not keep a stopping process alive (Node; other runtimes lack unref).
    ;(timer as { unref?: () => void }).unref?.()
  }
}
