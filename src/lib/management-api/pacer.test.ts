import { z } from 'zod'
import { describe, expect, test } from 'vitest'
import type { ManagementApi, ManagementApiResponse } from './client'
import { pacedManagementApi } from './pacer'
import { createRateGate } from './rate-gate'

function answer(
  rateLimit: ManagementApiResponse<null>['rateLimit'] = {},
): ManagementApiResponse<null> {
  return { data: null, rateLimit, status: 200, requestPath: '/x', receivedAt: new Date() }
}

/** An API whose requests stay open until the test answers them, oldest first. */
function pendingApi() {
  const open: ((response: ManagementApiResponse<null>) => void)[] = []
  let started = 0
  const api: ManagementApi = {
    baseUrl: 'https://tenant.test/api/v2',
    request: () =>
      new Promise((resolve) => {
        started += 1
        open.push(resolve as (response: ManagementApiResponse<null>) => void)
      }),
  }
  return {
    api,
    started: () => started,
    answerNext: (response = answer()) => open.shift()?.(response),
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))
const get = (api: ManagementApi, signal = new AbortController().signal) =>
  api.request(['users'], { schema: z.null(), signal })

describe('the session pacer', () => {
  test('never has more than its concurrency in flight, and starts the next as one finishes', async () => {
    const { api, started, answerNext } = pendingApi()
    const paced = pacedManagementApi(api, { concurrency: 4 })
    const runs = Array.from({ length: 10 }, () => get(paced))

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
    const { api, started, answerNext } = pendingApi()
    const paced = pacedManagementApi(api, { concurrency: 1 })
    const first = get(paced)
    const scrolledAway = new AbortController()
    const skipped = get(paced, scrolledAway.signal)
    const last = get(paced)

    await tick()
    scrolledAway.abort(new DOMException('Row left the view', 'AbortError'))
    await expect(skipped).rejects.toThrow('Row left the view')
    answerNext()
    await tick()
    answerNext()
    await Promise.all([first, last])
    expect(started()).toBe(2)
  })

  test('every request of the session spends from one bucket: an empty one holds back the next, whoever sends it', async () => {
    const { api, started, answerNext } = pendingApi()
    const paced = pacedManagementApi(api, { gate: createRateGate() })
    // Say, the user's record: its answer shows the tenant's bucket is empty for the next second.
    const record = get(paced)
    await tick()
    answerNext(answer({ limit: 2, remaining: 0, reset: new Date(Date.now() + 1000) }))
    await record

    // Then a memberships page: it waits for the refill instead of meeting a 429.
    const page = get(paced)
    await tick()
    expect(started()).toBe(1)
    await expect.poll(started, { timeout: 2000 }).toBe(2)
    answerNext()
    await page
  })
})
