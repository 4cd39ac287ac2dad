import { describe, expect, test } from 'vitest'
import { createLimiter } from './async'

/** Work that finishes when the test says so, recording when it starts. */
function gatedWork(started: string[]) {
  const finishers = new Map<string, () => void>()
  return {
    work: (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name)
        finishers.set(name, () => resolve(name))
      }),
    finish: (name: string) => finishers.get(name)?.(),
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createLimiter', () => {
  test('never runs more than its concurrency at once, and runs everything', async () => {
    const limiter = createLimiter(3)
    let running = 0
    let most = 0
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        limiter.run(async () => {
          running += 1
          most = Math.max(most, running)
          await new Promise((resolve) => setTimeout(resolve, 5))
          running -= 1
          return index
        }),
      ),
    )
    expect(most).toBe(3)
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  test('starts waiters in the order they came, each as a slot frees', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const { work, finish } = gatedWork(started)
    const runs = ['a', 'b', 'c'].map((name) => limiter.run(work(name)))

    // With a slot free, work starts in the caller's turn, not a tick later.
    expect(started).toEqual(['a'])
    finish('a')
    await tick()
    expect(started).toEqual(['a', 'b'])
    finish('b')
    await tick()
    finish('c')
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c'])
    expect(started).toEqual(['a', 'b', 'c'])
  })

  test('`first` goes ahead of every waiter', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const { work, finish } = gatedWork(started)
    const runs = [limiter.run(work('a')), limiter.run(work('b')), limiter.run(work('c'))]
    runs.push(limiter.run(work('urgent'), { first: true }))

    for (const name of ['a', 'urgent', 'b', 'c']) {
      await tick()
      finish(name)
    }
    await Promise.all(runs)
    expect(started).toEqual(['a', 'urgent', 'b', 'c'])
  })

  test('a waiter whose signal aborts leaves unrun, and the slot goes to the next', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const { work, finish } = gatedWork(started)
    const first = limiter.run(work('a'))
    const leaving = new AbortController()
    const left = limiter.run(work('b'), { signal: leaving.signal })
    const last = limiter.run(work('c'))

    leaving.abort(new DOMException('Row left the view', 'AbortError'))
    await expect(left).rejects.toThrow('Row left the view')
    finish('a')
    await tick()
    finish('c')
    await Promise.all([first, last])
    expect(started).toEqual(['a', 'c'])
  })

  test('an already aborted signal runs nothing, even with a free slot', async () => {
    const limiter = createLimiter(1)
    const started: string[] = []
    const { work } = gatedWork(started)
    const aborted = AbortSignal.abort(new Error('gone'))

    await expect(limiter.run(work('a'), { signal: aborted })).rejects.toThrow('gone')
    expect(started).toEqual([])
  })

  test('work that rejects frees its slot and rejects its run', async () => {
    const limiter = createLimiter(1)
    const failing = limiter.run(() => Promise.reject(new Error('boom')))
    const next = limiter.run(() => Promise.resolve('next'))

    await expect(failing).rejects.toThrow('boom')
    await expect(next).resolves.toBe('next')
  })
})
