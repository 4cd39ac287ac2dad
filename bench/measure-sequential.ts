/**
 * The yardstick for the parallel pager: the same user fetched page after page, one request at a
 * time, in the same page — by the app's own client, pacer (at `concurrency: 1`) and pager
 * (sequential-pager.ts, bundled here), with the token the app itself used. The same 21 requests
 * as a 1000-membership load (the user, then 20 pages), each answer parsed before the next
 * request leaves. Timed by the page's clock from the first request to the last parsed page;
 * run.ts adds the load's own start-up and final rendering, so `sequentialMs` spans what
 * `load["1000"].ms` spans. Nothing is rendered between its pages: it flatters the sequential
 * side, never ours.
 */
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { build } from 'vite'
import type { ApiCall } from './browser'
import type { SequentialRun } from './sequential-pager'

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

export async function sequentialFetch(
  page: Page,
  { apiBaseUrl, userId, calls }: { apiBaseUrl: string; userId: string; calls: readonly ApiCall[] },
): Promise<SequentialRun> {
  const token = calls.find((call) => call.authorization)?.authorization?.replace(/^Bearer /, '')
  if (!token) throw new Error('The load made no Management API call with a token to reuse.')
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (a script tag
  // would be refused, rightly).
  await page.evaluate(await sequentialPagerScript())
  const run = await page.evaluate(
    (options) => {
      if (!window.__benchSequential) throw new Error('The sequential pager is not installed.')
      return window.__benchSequential(options)
    },
    { baseUrl: apiBaseUrl, token, userId },
  )
  if (run.loaded !== 1000 || run.requests !== calls.length) {
    throw new Error(
      `The sequential run made ${run.requests} requests; the load made ${calls.length}.`,
    )
  }
  return run
}
