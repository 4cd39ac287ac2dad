import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createRateGate, expectedStartMs, type RatePermit } from './rate-gate'

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

function answer(
  at: number,
  headers: { limit: number; remaining: number; resetInMs: number },
  status = 200,
) {
  return {
    status,
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
    const permit = await gate.take(signal)
    // Burst 2, empty, full again in 1 s: one token every 500 ms.
    permit.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: SECOND }))

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
    const first = await gate.take(signal)
    await gate.take(signal)
    // The first answer says 1 left, but the second request is still out and will spend it.
    first.settle(answer(Date.now(), { limit: 10, remaining: 1, resetInMs: 9 * SECOND }))

    expect(await settledYet(gate.take(signal))).toBe(false)
  })

  test('a 429 closes the gate for every request until the reset', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const permit = await gate.take(signal)
    permit.settle(answer(Date.now(), { limit: 40, remaining: 0, resetInMs: 3 * SECOND }, 429))

    const next = gate.take(signal)
    await vi.advanceTimersByTimeAsync(2900)
    expect(await settledYet(next)).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(await settledYet(next)).toBe(true)
  })

  test('after a 429 window, one request goes first and the others wait for its answer', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    // Six pages in flight when the storm starts: all six are refused.
    const inFlight = await Promise.all(Array.from({ length: 6 }, () => gate.take(signal)))
    for (const permit of inFlight) {
      permit.settle(answer(Date.now(), { limit: 40, remaining: 0, resetInMs: SECOND }, 429))
    }

    const retries = Array.from({ length: 6 }, () => gate.take(signal))
    await vi.advanceTimersByTimeAsync(SECOND + 100)
    const started = await Promise.all(retries.map(settledYet))
    expect(started).toEqual([true, false, false, false, false, false])

    // The probe is refused again: one more alone after the next reset.
    const probe = await (retries[0] as Promise<RatePermit>)
    probe.settle(answer(Date.now(), { limit: 40, remaining: 0, resetInMs: SECOND }, 429))
    await vi.advanceTimersByTimeAsync(SECOND + 100)
    expect(await Promise.all(retries.map(settledYet))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])

    // The storm is over: the rest go.
    const secondProbe = await (retries[1] as Promise<RatePermit>)
    secondProbe.settle(answer(Date.now(), { limit: 40, remaining: 39, resetInMs: SECOND }))
    await vi.advanceTimersByTimeAsync(0)
    expect(await Promise.all(retries.map(settledYet))).toEqual(Array(6).fill(true))
  })

  test('a probe that gets no answer hands the turn to the next request, still alone', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const refusedPermit = await gate.take(signal)
    refusedPermit.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: SECOND }, 429))

    const retries = [gate.take(signal), gate.take(signal), gate.take(signal)]
    await vi.advanceTimersByTimeAsync(SECOND + 100)
    const probe = await (retries[0] as Promise<RatePermit>)
    probe.settle(undefined)
    await vi.advanceTimersByTimeAsync(0)

    expect(await Promise.all(retries.map(settledYet))).toEqual([true, true, false])
  })

  test('an abort rejects a waiting request with the signal’s reason', async () => {
    const gate = createRateGate()
    const controller = new AbortController()
    const permit = await gate.take(controller.signal)
    permit.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: 10 * SECOND }))

    const waiting = gate.take(controller.signal)
    controller.abort(new DOMException('Stopped', 'AbortError'))

    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('createRateGate pacing', () => {
  test('an answer to a request that went out alone may raise the count: a refilled token is used at once', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const first = await gate.take(signal)
    first.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: 2 * SECOND }))
    await vi.advanceTimersByTimeAsync(SECOND)
    const second = await gate.take(signal)
    // The tenant refilled faster than one answer could tell: a token is already back.
    second.settle(answer(Date.now(), { limit: 2, remaining: 1, resetInMs: SECOND }))

    expect(await settledYet(gate.take(signal))).toBe(true)
  })

  test('a request waiting for a token goes as soon as an answer shows one is back', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const first = await gate.take(signal)
    first.settle(answer(Date.now(), { limit: 3, remaining: 1, resetInMs: 2 * SECOND }))
    const second = await gate.take(signal)
    // Waiting on the coarse estimate (a token per second) when the second's answer comes in.
    const third = gate.take(signal)
    await vi.advanceTimersByTimeAsync(100)
    expect(await settledYet(third)).toBe(false)
    second.settle(answer(Date.now(), { limit: 3, remaining: 1, resetInMs: 2 * SECOND }))

    expect(await settledYet(third)).toBe(true)
  })

  test('a slow answer does not make the reset look nearer than it was', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const sentAt = Date.now()
    const permit = await gate.take(signal)
    // The tenant counted the request at once (bucket of 2 now empty, one token per 500 ms, full
    // again in 1 s) but the answer took 600 ms to arrive.
    await vi.advanceTimersByTimeAsync(600)
    permit.settle(
      answer(Date.now(), { limit: 2, remaining: 0, resetInMs: sentAt + SECOND - Date.now() }),
    )

    const resolvedAt: number[] = []
    const takes = [0, 1, 2].map(() => gate.take(signal).then(() => resolvedAt.push(Date.now())))
    await vi.advanceTimersByTimeAsync(3 * SECOND)
    await Promise.all(takes)
    // The tenant has its third token back 1.5 s after it counted the first request.
    expect(resolvedAt[2]).toBeGreaterThanOrEqual(sentAt + 1500)
  })

  test('an answer that may have been overtaken never raises the count', async () => {
    const gate = createRateGate()
    const signal = new AbortController().signal
    const older = await gate.take(signal)
    const newer = await gate.take(signal)
    newer.settle(answer(Date.now(), { limit: 2, remaining: 0, resetInMs: SECOND }))
    // Sent alongside another request: its `remaining` may predate the other's.
    older.settle(answer(Date.now(), { limit: 2, remaining: 1, resetInMs: SECOND }))

    expect(await settledYet(gate.take(signal))).toBe(false)
  })

  test.each([0, 370, 810])(
    'paces by the refill rate many resets reveal, never faster than the tenant refills (+%i ms)',
    async (phase) => {
      vi.setSystemTime(Date.now() + phase)
      const gate = createRateGate()
      const signal = new AbortController().signal
      // A tenant with a bucket of 2 that refills one token every 500 ms (the Free plan), 80 ms away.
      const msPerToken = 500
      const latencyMs = 80
      let fullAgainAt = Date.now()
      const startedAt = Date.now()
      for (let request = 0; request < 20; request++) {
        const pending = gate.take(signal)
        while (!(await settledYet(pending))) await vi.advanceTimersByTimeAsync(10)
        const permit = await pending
        await vi.advanceTimersByTimeAsync(latencyMs)
        const tokensBefore = 2 - Math.max(0, fullAgainAt - Date.now()) / msPerToken
        expect(tokensBefore).toBeGreaterThanOrEqual(1)
        fullAgainAt = Math.max(fullAgainAt, Date.now()) + msPerToken
        const remaining = Math.floor(tokensBefore - 1)
        const reset = Math.ceil(fullAgainAt / SECOND) * SECOND
        permit.settle(answer(Date.now(), { limit: 2, remaining, resetInMs: reset - Date.now() }))
      }
      // 18 tokens beyond the bucket take 9 s at best. One answer alone reads "2 tokens by the
      // next whole second" (up to 1 s a token); the resets together pin the rate down.
      expect(Date.now() - startedAt).toBeLessThan(1.2 * 18 * msPerToken)
    },
  )
})

describe('the rate gate reading', () => {
  test('is unknown until the tenant has announced its rate', () => {
    expect(createRateGate().reading()).toBeUndefined()
  })

  test("gives the bucket's size, what it holds now and how fast it refills, as the headers said", async () => {
    const gate = createRateGate()
    const permit = await gate.take(new AbortController().signal)
    // Burst 10, 4 left, full again in 3 s: one token every 500 ms.
    permit.settle(answer(Date.now(), { limit: 10, remaining: 4, resetInMs: 3 * SECOND }))

    expect(gate.reading()).toEqual({ limit: 10, tokens: 4, msPerToken: 500, closedForMs: 0 })
    await vi.advanceTimersByTimeAsync(SECOND)
    expect(gate.reading()?.tokens).toBe(6)
  })

  test('multiplies out: what the bucket holds starts now, the rest waits a token each', () => {
    const reading = { limit: 10, tokens: 4, msPerToken: 500, closedForMs: 0 }
    expect(expectedStartMs(4, reading)).toBe(0)
    expect(expectedStartMs(10, reading)).toBe(3 * SECOND)
    expect(expectedStartMs(10, { ...reading, closedForMs: 2 * SECOND })).toBe(5 * SECOND)
  })
})
