import { describe, expect, test } from 'vitest'
import { runPool } from './run-pool'

/** A task that finishes when the test says so. */
function deferred() {
  let finish = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { done, finish }
}

describe('runPool', () => {
  test('never runs more than `concurrency` tasks at once, and runs them all in order', async () => {
    let running = 0
    let most = 0
    const started: number[] = []
    await runPool(
      [1, 2, 3, 4, 5, 6, 7],
      async (task) => {
        started.push(task)
        running += 1
        most = Math.max(most, running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running -= 1
      },
      { concurrency: 3, signal: new AbortController().signal },
    )
    expect(most).toBe(3)
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  test('runs follow-up tasks next, before the rest of the queue', async () => {
    const started: string[] = []
    await runPool(
      ['a', 'b', 'c'],
      async (task, follow) => {
        started.push(task)
        if (task === 'a') follow(['a1', 'a2'])
      },
      { concurrency: 1, signal: new AbortController().signal },
    )
    expect(started).toEqual(['a', 'a1', 'a2', 'b', 'c'])
  })

  test('starts nothing new once aborted, and settles when the running tasks have', async () => {
    const controller = new AbortController()
    const first = deferred()
    const started: number[] = []
    const pool = runPool(
      [1, 2, 3],
      async (task) => {
        started.push(task)
        if (task === 1) await first.done
      },
      { concurrency: 1, signal: controller.signal },
    )
    controller.abort()
    first.finish()
    await pool
    expect(started).toEqual([1])
  })

  test('rejects with a task that threw, after the others have run', async () => {
    const started: number[] = []
    const pool = runPool(
      [1, 2, 3],
      async (task) => {
        started.push(task)
        if (task === 1) throw new Error('a bug')
      },
      { concurrency: 2, signal: new AbortController().signal },
    )
    await expect(pool).rejects.toThrow('a bug')
    expect(started).toEqual([1, 2, 3])
  })
})
