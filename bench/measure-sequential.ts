/**
 * The yardstick for a load: the same user or organization fetched page after page, one request at
 * a time, in the same page — by the app's own client, pacer (at `concurrency: 1`) and pager
 * (sequential-pager.ts, bundled here: `fetchMemberships` or `fetchMembers`), with the token the
 * app itself used. The same requests as the load — for 1000 memberships the user and 20 offset
 * pages, for 5,000 the user, offset page 0 and 50 checkpoint pages, for 10,000 members the
 * organization, offset page 0 and 100 checkpoint pages — each answer parsed before the next
 * request leaves. Timed by the
 * page's clock from the first request to the last parsed page, then given the load's own start-up
 * and final rendering, so it spans what `load[n].ms` spans. Nothing is rendered between its
 * pages: it flatters the sequential side, never ours.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { LoadRun } from './measure-load'
import type { SequentialRun } from './sequential-pager'
import type { LoadTarget } from './targets'

let bundle: Promise<string> | undefined

/** sequential-pager.ts and what it imports from src/, as one script for the page. */
function sequentialPagerScript(): Promise<string> {
  bundle ??= build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./sequential-pager.ts', import.meta.url)),
        formats: ['iife'],
        name: 'benchSequentialPager',
      },
    },
  }).then((output) => {
    const outputs = Array.isArray(output) ? output : [output]
    const chunk = outputs
      .flatMap((result) => ('output' in result ? result.output : []))
      .find((file) => file.type === 'chunk')
    if (!chunk || chunk.type !== 'chunk') throw new Error('The sequential pager did not build.')
    return chunk.code
  })
  return bundle
}

export interface SequentialLoad {
  /** Like for like with `run.ms`: its start-up + the requests one at a time + its rendering. */
  ms: number
  /** The requests one at a time alone. */
  fetchMs: number
}

/** `run`'s requests again, one at a time, on its page (still open, still signed in). */
export async function sequentialLoad(
  run: LoadRun,
  { apiBaseUrl, target }: { apiBaseUrl: string; target: LoadTarget },
): Promise<SequentialLoad> {
  const token = run.calls.find((call) => call.authorization)?.authorization?.replace(/^Bearer /, '')
  if (!token) throw new Error('The load made no Management API call with a token to reuse.')
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (a script tag
  // would be refused, rightly).
  await run.page.evaluate(await sequentialPagerScript())
  const replay: SequentialRun = await run.page.evaluate(
    (options) => {
      if (!window.__benchSequential) throw new Error('The sequential pager is not installed.')
      return window.__benchSequential(options)
    },
    { baseUrl: apiBaseUrl, token, ...target.replay },
  )
  // The same list the same way, or the comparison means nothing.
  const rows = target.expectation.rows
  if (replay.loaded !== rows || replay.requests !== run.calls.length) {
    throw new Error(
      `The sequential run made ${replay.requests} requests for ${replay.loaded} rows of ` +
        `${target.label}; the load made ${run.calls.length} for ${rows}.`,
    )
  }
  return {
    ms: run.firstRequestAt + replay.ms + (run.ms - run.lastAnswerAt),
    fetchMs: replay.ms,
  }
}
