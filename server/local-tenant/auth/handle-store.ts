import { randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: unguessable, so the handle itself is the credential. */
export function randomHandle(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Server-side records behind opaque handles: session cookies, authorization codes, refresh
 * tokens. Expired records are invisible and swept on the next issue, so the map can't grow
 * without bound while the tenant runs.
 */
export class HandleStore<T> {
  readonly #records = new Map<string, { record: T; expiresAt: number }>()
  readonly #ttlMs: number

  constructor(options: { ttlMs?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY
  }

  issue(record: T, now: number): string {
    for (const [handle, entry] of this.#records) {
      if (entry.expiresAt <= now) this.#records.delete(handle)
    }
    const handle = randomHandle()
    this.#records.set(handle, { record, expiresAt: now + this.#ttlMs })
    return handle
  }

  find(handle: string | null | undefined, now: number): T | undefined {
    const entry = handle ? this.#records.get(handle) : undefined
    return entry && entry.expiresAt > now ? entry.record : undefined
  }

  /** Finds and forgets in one step: the handle works at most once, even when the caller then refuses it. */
  take(handle: string | null | undefined, now: number): T | undefined {
    const record = this.find(handle, now)
    if (handle) this.#records.delete(handle)
    return record
  }

  revoke(handle: string | null | undefined): void {
    if (handle) this.#records.delete(handle)
  }

  /** Forgets every record at once. */
  clear(): void {
    this.#records.clear()
  }
}
