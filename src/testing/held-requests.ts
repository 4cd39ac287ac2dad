import { http, type HttpHandler } from 'msw'
import { server, tenant, tenantUrl } from './server'

export interface HeldRequests {
  /** Requests waiting to be answered now. */
  waiting: () => number
  /** Answers every waiting request, and stops holding new ones. */
  release: () => void
}

/**
 * Holds back the tenant's answers to GETs of `path` that `hold` picks, until `release()`: a slow
 * network in a controlled order. Held requests the app aborts meanwhile are simply never answered;
 * requests not picked (and every request after `release`) go to the tenant at once.
 */
export function holdRequests(path: `/${string}`, hold: (url: URL) => boolean): HeldRequests {
  let released = false
  let waiting = 0
  let open: () => void = () => {}
  const gate = new Promise<void>((resolve) => (open = resolve))
  const handler: HttpHandler = http.get(tenantUrl(path), async ({ request }) => {
    if (!released && hold(new URL(request.url))) {
      waiting += 1
      await gate
      waiting -= 1
    }
    return tenant.fetch(request)
  })
  server.use(handler)
  return {
    waiting: () => waiting,
    release: () => {
      released = true
      open()
    },
  }
}
