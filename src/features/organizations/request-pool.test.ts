import { describe, expect, test } from 'vitest'
import type { ManagementApiResponse } from '@/lib/management-api/client'
import { createRequestPool } from './request-pool'

function answer(): ManagementApiResponse<null> {
  return { data: null, rateLimit: {}, status: 200, requestPath: '/x', receivedAt: new Date() }
}

/** A request that stays open until the test answers it. */
function pendingRequests() {
  const open: (() => void)[] = []
  let started = 0
  const request = () =>
    new Promise<ManagementApiResponse<null>>((resolve) => {
      started += 1
      open.push(() => resolve(answer()))
    })
  return { request, started: () => started, answerNext: () => open.shift()?.() }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('request pool', () => {
  test('never has more than its concurrency in flight, and starts the next as one finishes', async () => {
    const pool = createRequestPool({ concurrency: 4 })
    const { request, started, answerNext } = pendingRequests()
    const runs = Array.from({ length: 10 }, () => pool.run(new AbortController().signal, request))

    await tick()
    expect(started()).toBe(4)
    answerNext()
    await tick()
    expect(started()).toBe(5)
    for (let i = 0; i < 10; i += 1) {
      answerNext()
      await tick()
    }
    await Promise.all(runs)
    expect(started()).toBe(10)
  })

  test('a request aborted while it waits for its turn is never sent', async () => {
    const pool = createRequestPool({ concurrency: 1 })
    const { request, started, answerNext } = pendingRequests()
    const first = pool.run(new AbortController().signal, request)
    const scrolledAway = new AbortController()
    const skipped = pool.run(scrolledAway.signal, request)
    const last = pool.run(new AbortController().signal, request)

    await tick()
    scrolledAway.abort(new DOMException('Row left the view', 'AbortError'))
    await expect(skipped).rejects.toThrow('Row left the view')
    answerNext()
    await tick()
    answerNext()
    await Promise.all([first, last])
    expect(started()).toBe(2)
  })
})
