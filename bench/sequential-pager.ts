/**
 * Runs in the page (bundled by measure-sequential.ts): the app's own API client, pacer and pager,
 * fetching a record and then its list one page at a time (the pacer at `concurrency: 1`) — a user
 * and their memberships, or an organization and its members — the same requests a load makes,
 * the same parsing, the rate gate, nothing on screen.
 */
import { fetchMembers, type MembersEvent } from '@/features/organizations/fetch-members'
import { fetchMemberships } from '@/features/organizations/fetch-memberships'
import { createManagementApi, type ManagementApi } from '@/lib/management-api/client'
import type { ListEvent } from '@/lib/management-api/list-pager'
import { pacedManagementApi } from '@/lib/management-api/pacer'
import { OrganizationSchema, UserSchema } from '@/lib/management-api/schemas'

/** Which list the replay fetches, and whose. */
export interface ReplayList {
  list: 'memberships' | 'members'
  /** The user's id (memberships) or the organization's (members). */
  id: string
}

export interface SequentialRun {
  ms: number
  requests: number
  loaded: number
}

declare global {
  interface Window {
    __benchSequential?: (
      options: { baseUrl: string; token: string } & ReplayList,
    ) => Promise<SequentialRun>
  }
}

/** Either list's events: pages, and for members perhaps roles refused. */
type Event = ListEvent<unknown> | MembersEvent

/** Each list's record (asked first, as its page asks for it beside the first page) and pages. */
const REPLAYS = {
  memberships: { record: 'users', schema: UserSchema, pages: fetchMemberships },
  members: { record: 'organizations', schema: OrganizationSchema, pages: fetchMembers },
} satisfies Record<
  ReplayList['list'],
  {
    record: string
    schema: typeof UserSchema | typeof OrganizationSchema
    pages: (api: ManagementApi, id: string) => AsyncIterable<Event>
  }
>

window.__benchSequential = async ({ baseUrl, token, list, id }) => {
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
  const replay = REPLAYS[list]
  const startedAt = performance.now()
  await api.request([replay.record, id], { schema: replay.schema })
  let loaded = 0
  const pages: AsyncIterable<Event> = replay.pages(api, id)
  for await (const event of pages) {
    // Where the furthest page ends, not a sum: past 1,000 the first checkpoint page starts the
    // list again from record 0, replacing the offset page before it.
    if (event.type === 'page') loaded = Math.max(loaded, event.start + event.items.length)
  }
  return { ms: performance.now() - startedAt, requests, loaded }
}
