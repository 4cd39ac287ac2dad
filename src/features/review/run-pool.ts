/**
 * Runs `work` on every task, at most `concurrency` at a time, in order. A task may add follow-up
 * tasks (`follow`), which go to the front of the queue: a resolved email's accounts are loaded
 * next, so the review finishes users rather than starting ever more of them. Once `signal` aborts
 * no new task starts; the pool settles when the running ones have. `work` reports its own
 * failures; a rejection is a bug, and the pool rejects with the first one once the rest settle.
 */
export function runPool<T>(
  tasks: readonly T[],
  work: (task: T, follow: (more: readonly T[]) => void) => Promise<void>,
  { concurrency, signal }: { concurrency: number; signal: AbortSignal },
): Promise<void> {
  const queue = [...tasks]
  let running = 0
  let bug: { error: unknown } | undefined
  return new Promise((resolve, reject) => {
    const settleIfIdle = () => {
      if (running > 0 || (queue.length > 0 && !signal.aborted)) return
      if (bug) reject(bug.error)
      else resolve()
    }
    const pump = () => {
      while (!signal.aborted && running < concurrency) {
        const task = queue.shift()
        if (task === undefined) break
        running += 1
        const follow = (more: readonly T[]) => {
          queue.unshift(...more)
          pump()
        }
        work(task, follow)
          .catch((error: unknown) => {
            bug ??= { error }
          })
          .finally(() => {
            running -= 1
            pump()
            settleIfIdle()
          })
      }
    }
    pump()
    settleIfIdle()
  })
}
