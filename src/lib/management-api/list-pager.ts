import type * as z from 'zod/mini'
import { sleep } from '@/lib/async'
import type { ManagementApi, QueryValue } from './client'
import { ManagementApiError } from './errors'
import { retryDelayMs, shouldRetryRequest } from './retry'
import type { ListPageFields } from './schemas'

/**
 * The pager of the Management API's lists that page both ways — a user's memberships
 * (`users/{id}/organizations`), the organizations, an organization's members: one pager, so each
 * list loads, resumes, retries and says how complete it is the same way.
 */

/** Offset paging lists at most the first 1000 records and refuses pages past them. */
export const OFFSET_LIST_CAP = 1000
/** Documented Public Cloud maximum; the spec allows up to 100 (docs/auth0-api.md). */
export const DEFAULT_PER_PAGE = 50
/** The most one offset page may hold: a list read whole asks for the fewest pages. */
export const MAX_PER_PAGE = 100
/** Checkpoint pages are asked for one after another: the largest `take` means the fewest. */
export const CHECKPOINT_TAKE = 100

/**
 * How the list was paged. `offset` (`page`/`per_page`) reaches the first 1000 only; `checkpoint`
 * (`from`/`take`, each answer naming the next) reaches every record, one page at a time.
 */
export type Pagination = 'offset' | 'checkpoint'

/** Which list, and how to read its pages. */
export interface ListSource<T, P extends ListPageFields = ListPageFields> {
  /** Path segments below the API's base, each sent as one segment. */
  path: readonly string[]
  /** Parameters every page carries besides the paging ones (`fields`, …). */
  query?: Readonly<Record<string, QueryValue>>
  /** Validates one answer, in either paging's form. */
  schema: z.ZodMiniType<P>
  /** The records in a validated answer. */
  itemsOf: (page: P) => readonly T[]
}

/** One offset-paged request: `start` is the index of its first record. */
export interface PageRequest {
  page: number
  perPage: number
  start: number
}

/** What the pager reports, in the order it happens (pages in the order they arrive). */
export type ListEvent<T> =
  | {
      type: 'page'
      start: number
      items: readonly T[]
      /** From the first page only: the API's `total` (may exceed 1000), or undefined (bare array). */
      total?: number
      /**
       * Checkpoint pages only: the checkpoint the following page starts from (absent on the
       * last). The first checkpoint page replaces whatever offset pages came before it.
       */
      checkpoint?: { next: string | undefined }
    }
  | {
      /**
       * Past 1000, how the list is being paged: by checkpoint, or — when the tenant refused it
       * or answered without `next` (`checkpointRefusal` says which) — by offset up to 1000.
       */
      type: 'pagination'
      pagination: Pagination
      checkpointRefusal?: string
    }
  | {
      /** A page failed and will be asked for again at `retryAt`; earlier pages are kept. */
      type: 'retrying'
      start: number
      error: unknown
      /** 1 for the first retry. */
      attempt: number
      retryAt: Date
    }
  | {
      /** A page failed for good: the run stops (and rejects with `error`); earlier pages are kept. */
      type: 'failed'
      error: unknown
    }
  | {
      type: 'done'
      /** Undefined only when the API gave no totals and the list reached the cap. */
      total: number | undefined
      /** More exist than the API lists (or may exist, without totals). */
      capped: boolean
      pagination: Pagination
    }

/** A page as the list holds it: where it starts and what it held. */
export interface FetchedPage<T> {
  start: number
  items: readonly T[]
}

/**
 * What an earlier run that broke off had already fetched. A resumed run asks only for the pages
 * missing from it, trusting the earlier total: the list is being finished, not fetched again.
 */
export interface ResumePoint<T> {
  /** The API's total from the earlier first page (undefined: it answered without totals). */
  total: number | undefined
  pages: readonly FetchedPage<T>[]
  /** The earlier run was paging by checkpoint: where its next page starts. */
  checkpoint?: { next: string }
  /** The earlier run found checkpoint paging refused (why): it is not asked for again. */
  checkpointRefusal?: string
}

/** When a failed page is asked for again: react-query's `retry` / `retryDelay` signature. */
export interface PageRetryPolicy {
  shouldRetry: (failureCount: number, error: unknown) => boolean
  delayMs: (failureCount: number, error: unknown) => number
}

/** The shared policy (docs/design.md): 429 after its reset, 5xx / network / time-out back off. */
export const defaultPageRetryPolicy: PageRetryPolicy = {
  shouldRetry: shouldRetryRequest,
  delayMs: (failureCount, error) => retryDelayMs(failureCount, error),
}

export interface FetchListOptions<T> {
  /** Cancels every request in flight and every wait; the pager then rejects with its reason. */
  signal?: AbortSignal
  /** Clamped to 1–100. */
  perPage?: number
  retry?: PageRetryPolicy
  /** Finish an earlier run: fetch only the pages it lacks. */
  resume?: ResumePoint<T>
}

/**
 * The requests that list records [0, count) — at most the first 1000 — without any page reaching
 * past record 1000, which the API refuses. When `perPage` does not divide 1000 (30 covers only
 * 990 in whole pages) the tail is fetched in smaller pages whose size divides both where the
 * tail starts and 1000, so each is a real page boundary and none crosses the cap.
 */
export function planPages(count: number, perPage: number): PageRequest[] {
  const end = Math.min(count, OFFSET_LIST_CAP)
  const requests: PageRequest[] = []
  let start = 0
  for (; start < end && start + perPage <= OFFSET_LIST_CAP; start += perPage) {
    requests.push({ page: start / perPage, perPage, start })
  }
  if (start < end) {
    const size = greatestCommonDivisor(start, OFFSET_LIST_CAP)
    for (; start < end; start += size) requests.push({ page: start / size, perPage: size, start })
  }
  return requests
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)))
}

/**
 * Every record of `source` the API will list, as a stream of events: the first page (with
 * `include_totals`, for the total), then all the remaining pages at once: the session's pacer,
 * which wraps `api`, bounds how many travel together and paces them by the rate-limit headers. A page that fails is retried by `retry` without losing the pages
 * already fetched; once a page fails for good, the others are cancelled and the stream rejects
 * with that page's error (after a `failed` event). A bare-array answer (no totals) is paged one
 * by one until a short page. With `resume`, pages the earlier run already has are not asked for
 * again and not reported again: only the missing ones arrive, then `done`.
 *
 * Pure apart from the API client: no React, no cache. Stopping the iteration or aborting
 * `signal` cancels everything in flight.
 */
export async function* fetchList<T, P extends ListPageFields>(
  api: ManagementApi,
  source: ListSource<T, P>,
  options: FetchListOptions<T> = {},
): AsyncGenerator<ListEvent<T>, void, undefined> {
  const controller = new AbortController()
  const onCallerAbort = () => controller.abort(options.signal?.reason)
  if (options.signal?.aborted) onCallerAbort()
  options.signal?.addEventListener('abort', onCallerAbort, { once: true })

  const channel = createChannel<ListEvent<T>>()
  const run = new ListRun(api, source, options, controller.signal, channel.push)
  run.load().then(channel.close, (error: unknown) => {
    // Cancelled by the caller: no page failed, the caller has gone.
    const cancelled = controller.signal.aborted
    // A page failed for good: nothing else is worth waiting for.
    controller.abort(error)
    if (!cancelled) channel.push({ type: 'failed', error })
    channel.fail(error)
  })
  try {
    yield* channel.drain()
  } finally {
    controller.abort()
    options.signal?.removeEventListener('abort', onCallerAbort)
  }
}

class ListRun<T, P extends ListPageFields> {
  private readonly perPage: number
  private readonly retry: PageRetryPolicy
  private readonly resume: ResumePoint<T> | undefined
  private readonly resumedPages: ReadonlyMap<number, FetchedPage<T>>

  constructor(
    private readonly api: ManagementApi,
    private readonly source: ListSource<T, P>,
    options: FetchListOptions<T>,
    private readonly signal: AbortSignal,
    private readonly emit: (event: ListEvent<T>) => void,
  ) {
    this.perPage = clamp(options.perPage ?? DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    this.retry = options.retry ?? defaultPageRetryPolicy
    this.resume = options.resume
    this.resumedPages = new Map(options.resume?.pages.map((page) => [page.start, page]))
  }

  async load(): Promise<void> {
    const [firstRequest, ...rest] = planPages(OFFSET_LIST_CAP, this.perPage)
    if (!firstRequest) return
    const first = this.alreadyFetched(firstRequest, this.resume?.total) ?? {
      ...(await this.fetchOffsetPage(firstRequest)),
      fetched: true,
    }
    if (first.fetched) {
      this.emit({
        type: 'page',
        start: 0,
        items: first.items,
        total: first.total,
      })
    }
    const { total } = first
    if (total === undefined) {
      const loaded = await this.loadWithoutTotal(first.items, rest)
      // A full last page at the cap: more may exist, but the API will not say how many.
      if (loaded.capped) await this.loadPastTheCap(undefined)
      else this.emit({ type: 'done', total: loaded.count, capped: false, pagination: 'offset' })
      return
    }
    if (total > OFFSET_LIST_CAP) {
      await this.loadPastTheCap(total)
      return
    }
    await this.loadOffsetPages(total)
    this.emit({ type: 'done', total, capped: false, pagination: 'offset' })
  }

  /**
   * More than the 1000 that offset paging reaches: page by checkpoint, which reaches them all,
   * unless the tenant refuses it — then the first 1000, said to be capped and why.
   */
  private async loadPastTheCap(total: number | undefined): Promise<void> {
    const refusal =
      this.resume?.checkpointRefusal ?? (await this.loadByCheckpoint(this.resume?.checkpoint))
    if (refusal === undefined) return
    this.emit({ type: 'pagination', pagination: 'offset', checkpointRefusal: refusal })
    if (total !== undefined) await this.loadOffsetPages(total)
    this.emit({ type: 'done', total, capped: true, pagination: 'offset' })
  }

  /** Every offset page of the first 1000 not yet held, all at once (the pacer bounds them). */
  private async loadOffsetPages(total: number): Promise<void> {
    const missing = planPages(total, this.perPage)
      .slice(1)
      .filter((request) => !this.alreadyFetched(request, total))
    await Promise.all(
      missing.map(async (request) => {
        const page = await this.fetchOffsetPage(request)
        this.emit({ type: 'page', start: request.start, items: page.items })
      }),
    )
  }

  /**
   * Checkpoint pages one after another from the start (or from `resumeFrom`), until an answer
   * names no `next`. Returns why the tenant does not page this way — it refused `take` (a 400),
   * or its first answer named no `next` although more records exist — or undefined once the list
   * is complete (`done` emitted).
   */
  private async loadByCheckpoint(resumeFrom?: { next: string }): Promise<string | undefined> {
    let start = resumeFrom ? this.heldCount() : 0
    let from = resumeFrom?.next
    if (!resumeFrom) this.emit({ type: 'pagination', pagination: 'checkpoint' })
    for (;;) {
      const query = { take: CHECKPOINT_TAKE, ...(from !== undefined && { from }) }
      let page: Page<T>
      try {
        page = await this.fetchPage(query, start)
      } catch (error) {
        if (from === undefined && isRefusal(error)) return refusalOf(error)
        throw error
      }
      if (from === undefined && page.next === undefined) {
        return 'its answer to checkpoint paging named no next page'
      }
      this.emit({
        type: 'page',
        start,
        items: page.items,
        checkpoint: { next: page.next },
      })
      start += page.items.length
      if (page.next === undefined) break
      from = page.next
    }
    this.emit({ type: 'done', total: start, capped: false, pagination: 'checkpoint' })
    return undefined
  }

  /** Records the resumed run already holds, in whole pages: where its next page starts. */
  private heldCount(): number {
    return (this.resume?.pages ?? []).reduce((sum, page) => sum + page.items.length, 0)
  }

  /**
   * The earlier run's page for `request`, if it has all of it: a page starting there that holds
   * as many records as the request asks for (or as are left of the total).
   */
  private alreadyFetched(
    request: PageRequest,
    total: number | undefined,
  ): { items: readonly T[]; total: number | undefined; fetched: false } | undefined {
    const page = this.resumedPages.get(request.start)
    if (!page) return undefined
    const expected =
      total === undefined
        ? 0
        : Math.min(request.perPage, Math.min(total, OFFSET_LIST_CAP) - request.start)
    if (page.items.length < expected) return undefined
    return { items: page.items, total, fetched: false }
  }

  /** Without a total, only a short page says the list has ended: one page at a time. */
  private async loadWithoutTotal(
    first: readonly T[],
    rest: PageRequest[],
  ): Promise<{ count: number; capped: boolean }> {
    let loaded = first.length
    let lastWasFull = loaded >= this.perPage
    for (const request of rest) {
      if (!lastWasFull) break
      let items = this.alreadyFetched(request, undefined)?.items
      if (!items) {
        ;({ items } = await this.fetchOffsetPage(request))
        this.emit({ type: 'page', start: request.start, items })
      }
      loaded += items.length
      lastWasFull = items.length >= request.perPage
    }
    return { count: loaded, capped: lastWasFull && loaded >= OFFSET_LIST_CAP }
  }

  private fetchOffsetPage({ page, perPage, start }: PageRequest): Promise<Page<T>> {
    return this.fetchPage({ page, per_page: perPage, include_totals: true }, start)
  }

  /** One page, retried by the policy; `start` says which page a retry is for. */
  private async fetchPage(
    query: Readonly<Record<string, QueryValue>>,
    start: number,
  ): Promise<Page<T>> {
    for (let failureCount = 0; ; failureCount++) {
      try {
        const { data } = await this.api.request(this.source.path, {
          query: { ...this.source.query, ...query },
          schema: this.source.schema,
          signal: this.signal,
        })
        return { items: this.source.itemsOf(data), total: data.total, next: data.next }
      } catch (error) {
        if (this.signal.aborted || !this.retry.shouldRetry(failureCount, error)) throw error
        const delay = this.retry.delayMs(failureCount, error)
        this.emit({
          type: 'retrying',
          start,
          error,
          attempt: failureCount + 1,
          retryAt: new Date(Date.now() + delay),
        })
        await sleep(delay, this.signal)
      }
    }
  }
}

/** One answer as the pager reads it. */
interface Page<T> {
  items: readonly T[]
  total: number | undefined
  next: string | undefined
}

/** A 400 to the first `take`: the tenant's query schema does not know checkpoint paging. */
function isRefusal(error: unknown): error is ManagementApiError {
  return error instanceof ManagementApiError && error.status === 400
}

function refusalOf(error: ManagementApiError): string {
  // The API's message ends its own sentence; this one goes on after it.
  return `it refused checkpoint paging (400: ${error.message.replace(/\.$/, '')})`
}

interface Channel<T> {
  push: (value: T) => void
  close: () => void
  fail: (error: unknown) => void
  drain: () => AsyncGenerator<T, void, undefined>
}

/** Concurrent producers, one consumer: pushes are buffered until the generator reads them. */
function createChannel<T>(): Channel<T> {
  const buffered: T[] = []
  let ended: { error?: unknown; failed: boolean } | undefined
  let wake: (() => void) | undefined
  const notify = () => {
    wake?.()
    wake = undefined
  }
  return {
    push: (value) => {
      if (ended) return
      buffered.push(value)
      notify()
    },
    close: () => {
      ended ??= { failed: false }
      notify()
    },
    fail: (error) => {
      ended ??= { failed: true, error }
      notify()
    },
    async *drain() {
      for (;;) {
        const next = buffered.shift()
        if (next !== undefined) {
          yield next
          continue
        }
        if (ended?.failed) throw ended.error
        if (ended) return
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
  }
}
