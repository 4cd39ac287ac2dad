/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts, so a slow answer costs
 * nothing once the caller has gone (and tests never hang on one). No timer at all for 0 ms,
 * so the default "no latency" path stays free. Web-standard only: the tenant also runs in MSW.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
