import type { ManagementApiResponse } from '@/lib/management-api/client'
import { isManagementApiError } from '@/lib/management-api/errors'
import { createRateGate, type RateGate } from './rate-gate'

/**
 * Many small requests that must not all go at once (one per visible table row): at most
 * `concurrency` in flight, each started only when the rate gate allows. A request still waiting
 * for its turn when its signal aborts — its row scrolled away — leaves the queue without being
 * sent, so the queue only ever holds what someone is still looking at.
 */
export interface RequestPool {
  run<T>(
    signal: AbortSignal,
    request: () => Promise<ManagementApiResponse<T>>,
  ): Promise<ManagementApiResponse<T>>
}

export function createRequestPool({
  concurrency,
  gate = createRateGate(),
}: {
  concurrency: number
  gate?: RateGate
}): RequestPool {
  let active = 0
  const waiting: (() => void)[] = []

  const acquire = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason as Error)
        return
      }
      if (active < concurrency) {
        active += 1
        resolve()
        return
      }
      const onAbort = () => {
        waiting.splice(waiting.indexOf(grant), 1)
        reject(signal.reason as Error)
      }
      const grant = () => {
        signal.removeEventListener('abort', onAbort)
        active += 1
        resolve()
      }
      waiting.push(grant)
      signal.addEventListener('abort', onAbort, { once: true })
    })

  const release = () => {
    active -= 1
    waiting.shift()?.()
  }

  return {
    async run(signal, request) {
      await acquire(signal)
      try {
        const permit = await gate.take(signal)
        try {
          const response = await request()
          permit.settle(response)
          return response
        } catch (error) {
          permit.settle(isManagementApiError(error) ? error : undefined)
          throw error
        }
      } finally {
        release()
      }
    },
  }
}
