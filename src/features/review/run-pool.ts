import { createLimiter } from '@/lib/async'

/**
 * Runs `work` on every task, at most `concurrency` at a time, in order. A task may add follow-up
 * tasks (`follow`), which go to the front of the queue: a resolved email's accounts are loaded
 * next, so the review finishes users rather than starting ever more of them. Once `signal` aborts
 * no new task starts; the pool settles when the running ones have. `work` reports its own
 * failures; a rejection is a bug, and the pool rejects with the first one once the rest settle.
 */
export async function runPool<T>(
  tasks: readonly T[],
  work: (task: T, follow: (more: readonly T[]) => void) => Promise<void>,
  { concurrency, signal }: { concurrency: number; signal: AbortSignal },
): Promise<void> {
  const limiter = createLimiter(concurrency)
  const runs: Promise<void>[] = []
  let bug: { error: unknown } | undefined
  const add = (more: readonly T[], first: boolean) => {
    // Each `first` goes ahead of the one before: added backwards, they keep their own order.
    for (const task of first ? more.toReversed() : more) {
      const run = () =>
        work(task, (next) => add(next, true)).catch((error: unknown) => void (bug ??= { error }))
      // Rejects only if the signal aborted before the task started: it never runs.
      runs.push(limiter.run(run, { signal, first }).catch(() => {}))
    }
  }
  add(tasks, false)
  // A task adds its follow-ups before it settles, so once a batch settles nothing is left behind.
  while (runs.length > 0) await Promise.all(runs.splice(0))
  if (bug) throw bug.error
}
