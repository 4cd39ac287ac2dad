import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createRateGate } from './rate-gate'

const SECOND = 1000

/** Resolves to whether `promise` settled within what the fake clock has run so far. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  promise.then(
    () => (settled = true),
    () => (settled = true),
  )
  await vi.advanceTimersByTimeAsync(0)
  return settled
}

function answer(at: number, headers: { limit: number; remaining: number; resetInMs: number }) {
  return {
    status: 200,
    receivedAt: new Date(at),
    rateLimit: {
      limit: headers.limit,
      remaining: headers.remaining,
      reset: new Date(at + headers.resetInMs),
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createRateGate', () => {
  test('lets requests through until the tenant has said anything', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    for (let i = 0; i < 10; i++) expect(await settledYet(gate.take(signal))).toBe(true)
  })

  test('with the bucket empty, waits roughly (reset − now) / (limit − remaining) for a token', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    await gate.take(signal)
    // Burst 2, empty, full again in 1 s: one token every 500 ms.
    gate.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: SECOND }))

    const next = gate.take(signal)
    expect(await settledYet(next)).toBe(false)
    await vi.advanceTimersByTimeAsync(450)
    expect(await settledYet(next)).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(await settledYet(next)).toBe(true)
  })

  test('counts requests still in flight against the remaining tokens', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    await gate.take(signal)
    await gate.take(signal)
    // The first answer says 1 left, but the second request is still out and will spend it.
    gate.settle(answer(Date.now(), { limit: 10, remaining: 1, resetInMs: 9 * SECOND }))

    expect(await settledYet(gate.take(signal))).toBe(false)
  })

  test('a 429 closes the gate for every request until the reset', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    await gate.take(signal)
    gate.settle({
      ...answer(Date.now(), { limit: 40, remaining: 0, resetInMs: 3 * SECOND }),
      status: 429,
    })

    const waiting = [gate.take(signal), gate.take(signal)]
    await vi.advanceTimersByTimeAsync(2900)
    expect(await settledYet(waiting[0] as Promise<void>)).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(await settledYet(waiting[0] as Promise<void>)).toBe(true)
  })

  test('an abort rejects a waiting request with the signal’s reason', async () => {
    const gate = createRateGate()
    const controller = new AbortController()
    await gate.take(controller.signal)
    gate.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: 10 * SECOND }))

    const waiting = gate.take(controller.signal)
    controller.abort(new DOMException('Stopped', 'AbortError'))

    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
  })
})
