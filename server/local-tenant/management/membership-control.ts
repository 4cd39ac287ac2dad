import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  MembershipChangeError,
  type ChangedMembership,
  type MembershipChanges,
} from './membership-changes'

const id = z.string().min(1)
const roleNames = z.array(z.string().min(1))

const AddSchema = z.strictObject({ userId: id, organizationId: id, roles: roleNames.optional() })
const SetRolesSchema = z.strictObject({ userId: id, organizationId: id, roles: roleNames })

/**
 * Memberships changed over HTTP (membership-changes.ts), for end-to-end tests and for a person
 * trying Orgscope on `npm start`. Served at /__faults/memberships, by fault control
 * (fault-control.ts) or on its own (`membershipControl`), with the same guard: no call from a web
 * page (a request with an `Origin` header) is taken.
 *
 *   POST   /__faults/memberships        { userId, organizationId, roles?: role names }: adds it
 *   DELETE /__faults/memberships?userId=&organizationId=   removes it
 *   DELETE /__faults/memberships        (no query) undoes every change: the seeded memberships
 *   PUT    /__faults/memberships/roles  { userId, organizationId, roles }: sets its roles
 *
 * Roles are named as the tenant names them (`Member`, `Org Admin`, `Auditor`, `Billing`,
 * `Support Agent`). Unknown user or organization: 404; not a member (remove, roles): 404.
 */
export function membershipControlRoutes(changes: MembershipChanges): Hono {
  const app = new Hono()
  app.use('*', refuseWebPages)

  app.post('/', async (c) => {
    const parsed = AddSchema.safeParse(await readJson(c))
    if (!parsed.success) return c.json({ message: z.prettifyError(parsed.error) }, 400)
    return answer(c, () => changes.add(parsed.data))
  })

  app.put('/roles', async (c) => {
    const parsed = SetRolesSchema.safeParse(await readJson(c))
    if (!parsed.success) return c.json({ message: z.prettifyError(parsed.error) }, 400)
    return answer(c, () => changes.setRoles(parsed.data))
  })

  app.delete('/', (c) => {
    const { userId, organizationId } = c.req.query()
    if (userId === undefined && organizationId === undefined) {
      changes.reset()
      return c.body(null, 204)
    }
    if (!userId || !organizationId) {
      return c.json({ message: 'Give both userId and organizationId, or neither.' }, 400)
    }
    return answer(c, () => {
      changes.remove(userId, organizationId)
      return undefined
    })
  })

  return app
}

/** The fault switches and the membership changes take no calls from web pages, not even the app's. */
export async function refuseWebPages(c: Context, next: () => Promise<void>) {
  if (c.req.header('Origin') !== undefined) {
    return c.json({ message: 'The fault switches take no calls from web pages.' }, 403)
  }
  await next()
}

function answer(c: Context, change: () => ChangedMembership | undefined): Response {
  try {
    const membership = change()
    return membership ? c.json({ membership }, 200) : c.body(null, 204)
  } catch (error) {
    if (error instanceof MembershipChangeError)
      return c.json({ message: error.message }, error.status)
    throw error
  }
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown
  } catch {
    return undefined
  }
}
