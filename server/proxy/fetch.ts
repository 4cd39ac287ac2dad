/**
 * How the proxy reaches the tenant: web-standard fetch, always with a Request. Injected so
 * tests hand it a local tenant's `fetch` (or a failing one), and so the core runs on any runtime.
 */
export type Fetch = (request: Request) => Promise<Response>

/** The runtime's own fetch. */
export const globalFetch: Fetch = (request) => fetch(request)

/**
 * `promise`, unless `signal` aborts first: then rejects with the signal's reason. For work that
 * cannot take a signal itself (a shared token request, a key set lookup).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
