import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { delay } from './delay'
import type { FaultRule, Faults, RecordedRequest } from './faults'
import type { MembershipChanges } from './membership-changes'
import { membershipControlRoutes, refuseWebPages } from './membership-control'

const count = z.number().int().min(0)
const milliseconds = z.number().min(0)

const RuleSchema = z.strictObject({
  userId: z.string().min(1).optional(),
  dropConnectionAfterPages: count.optional(),
  dropConnectionTimes: count.optional(),
  delayMs: milliseconds.optional(),
  malformedPage: count.optional(),
  fail500Times: count.optional(),
  rateLimitForMs: milliseconds.optional(),
  rateLimitWindowSeconds: z.number().int().min(1).optional(),
  // "now": every token issued so far (see below).
  rejectTokensIssuedBefore: z.union([milliseconds, z.literal('now')]).optional(),
  refuseCheckpointPaging: z.boolean().optional(),
})

const TokenLifetimeSchema = z.strictObject({ seconds: z.number().int().min(1) })

/**
 * The fault switches over HTTP, for end-to-end tests whose tenant runs in another process. Mounted
 * at /__faults only on a tenant started with `faultControl` (LOCAL_TENANT_FAULTS=1 through
 * `npm start`'s script; never by default), and only for callers that are not web pages: a request
 * with an `Origin` header is refused, so no page — not even the app — can flip a switch.
 *
 *   POST   /__faults/rules           a FaultRule as JSON: sets that scope's switches
 *   DELETE /__faults/rules?userId=   clears one scope (no userId: the every-user switches)
 *   DELETE /__faults                 everything off, request log emptied, memberships seeded
 *   GET    /__faults/requests?userId=&endpoint=   { requests: RecordedRequest[] }
 *   POST   /__faults/sessions/end    ends every sign-in session
 *   PUT    /__faults/token-lifetime  { "seconds": n }: tokens issued from now on live n seconds
 *   /__faults/memberships…           add and remove memberships (membership-control.ts)
 *
 * `rejectTokensIssuedBefore: "now"` refuses every token issued so far. Token times are whole
 * seconds, so the cutoff is the next whole second and the answer comes once it has passed: a
 * token issued after the call is accepted, one issued before it is not.
 */
export function faultControlRoutes(
  faults: Faults,
  now: () => number,
  memberships: MembershipChanges,
): Hono {
  const app = new Hono()

  app.use('*', refuseWebPages)
  app.route('/memberships', membershipControlRoutes(memberships))

  app.post('/rules', async (c) => {
    const parsed = RuleSchema.safeParse(await readJson(c))
    if (!parsed.success) return c.json({ message: z.prettifyError(parsed.error) }, 400)
    const { rejectTokensIssuedBefore, ...rest } = parsed.data
    let rule: FaultRule = rest
    if (rejectTokensIssuedBefore === 'now') {
      const cutoff = (Math.floor(now() / 1000) + 1) * 1000
      rule = { ...rest, rejectTokensIssuedBefore: cutoff }
      faults.set(rule)
      await delay(cutoff - now())
    } else {
      if (rejectTokensIssuedBefore !== undefined) rule = { ...rest, rejectTokensIssuedBefore }
      faults.set(rule)
    }
    return c.json({ rule }, 200)
  })

  app.delete('/rules', (c) => {
    faults.clear(c.req.query('userId'))
    return c.body(null, 204)
  })

  app.delete('/', (c) => {
    faults.reset()
    memberships.reset()
    return c.body(null, 204)
  })

  app.get('/requests', (c) => {
    const { userId, endpoint } = c.req.query()
    // The log only compares the name: one it never records matches nothing, as it should.
    const requests = faults.requests({
      userId,
      endpoint: endpoint as RecordedRequest['endpoint'] | undefined,
    })
    return c.json({ requests })
  })

  app.post('/sessions/end', (c) => {
    faults.endSessions()
    return c.body(null, 204)
  })

  app.put('/token-lifetime', async (c) => {
    const parsed = TokenLifetimeSchema.safeParse(await readJson(c))
    if (!parsed.success) return c.json({ message: z.prettifyError(parsed.error) }, 400)
    faults.setAccessTokenTtl(parsed.data.seconds)
    return c.body(null, 204)
  })

  return app
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown
  } catch {
    return undefined
  }
}
