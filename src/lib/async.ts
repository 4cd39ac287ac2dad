// The few promise helpers every abortable wait needs, in one place.

/** setTimeout as a promise that an abort ends early (rejecting with the signal's reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // Thrown in the executor, the reason rejects the promise.
    signal.throwIfAborted()
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** `promise`, unless `signal` aborts first (then rejects with its reason). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted()
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

export interface Limiter {
  /**
   * `work`, once fewer than the limit are running. Waiters go in arrival order, or ahead of them
   * all with `first`; one whose signal aborts leaves unrun, rejecting with the signal's reason.
   */
  run<T>(work: () => Promise<T>, options?: { signal?: AbortSignal; first?: boolean }): Promise<T>
}

/** At most `concurrency` pieces of work at once: the one bound the pacer and the review share. */
export function createLimiter(concurrency: number): Limiter {
  let active = 0
  const waiting: (() => void)[] = []
  // A finished run hands its slot straight to the next waiter, so no newcomer overtakes it.
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active -= 1
  }
  const waitForSlot = (signal: AbortSignal | undefined, first: boolean) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(grant), 1)
        reject(signal?.reason as Error)
      }
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      if (first) waiting.unshift(grant)
      else waiting.push(grant)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  return {
    async run(work, { signal, first = false } = {}) {
      signal?.throwIfAborted()
      // With a slot free, `work` starts now, in the caller's turn.
      if (active < concurrency) active += 1
      else await waitForSlot(signal, first)
      try {
        // Aborted between being granted the slot and taking it: still nothing starts.
        signal?.throwIfAborted()
        return await work()
      } finally {
        release()
      }
    },
  }
}
