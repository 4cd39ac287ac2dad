import { afterEach, describe, expect, it, vi } from 'vitest'
import { delay } from './delay'

afterEach(() => {
  vi.useRealTimers()
})

describe('delay', () => {
  it('resolves at once for 0 ms without a timer', async () => {
    vi.useFakeTimers()
    const done = delay(0)
    expect(vi.getTimerCount()).toBe(0)
    await expect(done).resolves.toBeUndefined()
  })

  it('resolves after the time has passed', async () => {
    vi.useFakeTimers()
    let resolved = false
    const done = delay(30_000).then(() => (resolved = true))
    await vi.advanceTimersByTimeAsync(29_999)
    expect(resolved).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await done
    expect(resolved).toBe(true)
  })

  it('rejects with the abort reason as soon as the signal aborts, clearing its timer', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const done = delay(30_000, controller.signal)
    controller.abort(new Error('caller left'))
    await expect(done).rejects.toThrow('caller left')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects immediately for a signal that has already aborted', async () => {
    await expect(delay(10, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
  })
})
