/**
 * Runs in the page (bundled by measure-sequential.ts): the app's own API client, pacer and pager,
 * fetching a user and then their memberships one page at a time (the pacer at `concurrency: 1`)
 * — the same requests a load makes, the same parsing, the rate gate, nothing on screen.
 */
import { fetchMemberships } from '@/features/organizations/fetch-memberships'
import { createManagementApi } from '@/lib/management-api/client'
import { pacedManagementApi } from '@/lib/management-api/pacer'
import { UserSchema } from '@/lib/management-api/schemas'

export interface SequentialRun {
  ms: number
  requests: number
  loaded: number
}

declare global {
  interface Window {
    __benchSequential?: (options: {
      baseUrl: string
      token: string
      userId: string
    }) => Promise<SequentialRun>
  }
}

window.__benchSequential = async ({ baseUrl, token, userId }) => {
  let requests = 0
  const api = pacedManagementApi(
    createManagementApi({
      baseUrl,
      getAccessToken: async () => {
        requests += 1
        return token
      },
    }),
    { concurrency: 1 },
  )
  const startedAt = performance.now()
  await api.request(['users', userId], { schema: UserSchema })
  let loaded = 0
  for await (const event of fetchMemberships(api, userId)) {
    // Where the furthest page ends, not a sum: past 1,000 the first checkpoint page starts the
    // list again from record 0, replacing the offset page before it.
    if (event.type === 'page') loaded = Math.max(loaded, event.start + event.items.length)
  }
  return { ms: performance.now() - startedAt, requests, loaded }
}
