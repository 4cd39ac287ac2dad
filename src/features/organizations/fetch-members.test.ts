import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createManagementApi } from '@/lib/management-api/client'
import { ManagementApiError } from '@/lib/management-api/errors'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Member } from '@/lib/management-api/schemas'
import { TENANT_API_BASE_URL, TENANT_AUDIENCE, tenant } from '@/testing/server'
import { ALL_SCOPES, SPA_CLIENT_ID } from '../../../server/local-tenant/config'
import { setManagementApiSettings } from '../../../server/local-tenant/management/settings'
import { LARGE_ORGANIZATION } from '../../../server/local-tenant/seed/large-organization'
import { fetchMembers, type MembersEvent } from './fetch-members'
import { addMembersEvent, type Members } from './members'

const defaultRateLimit = { ...tenant.config.rateLimit }
beforeEach(() => {
  setManagementApiSettings(tenant, { rateLimit: { burst: 10_000, refillPerSecond: 10_000 } })
})
afterEach(() => {
  setManagementApiSettings(tenant, { rateLimit: defaultRateLimit })
})

/** The real client against the local tenant, with a token holding `scope` and recording queries. */
function apiWith(scope: readonly string[]) {
  const token = tenant.mintAccessToken({
    sub: 'auth0|admin-ada',
    clientId: SPA_CLIENT_ID,
    audience: TENANT_AUDIENCE,
    scope: [...scope],
  })
  const inner = createManagementApi({
    baseUrl: TENANT_API_BASE_URL,
    getAccessToken: async () => token,
  })
  const fields: (string | undefined)[] = []
  return {
    fields,
    api: {
      baseUrl: inner.baseUrl,
      request: ((path, options) => {
        fields.push(options.query?.fields === undefined ? undefined : String(options.query.fields))
        return inner.request(path, options)
      }) as typeof inner.request,
    },
  }
}

async function collect(
  api: ReturnType<typeof apiWith>['api'],
  organizationId: string,
): Promise<{ events: MembersEvent[]; error: unknown }> {
  const events: MembersEvent[] = []
  let error: unknown
  try {
    for await (const event of fetchMembers(api, organizationId, {
      retry: { shouldRetry: () => false, delayMs: () => 0 },
    })) {
      events.push(event)
    }
  } catch (caught) {
    error = caught
  }
  return { events, error }
}

const fold = (events: MembersEvent[]) =>
  events.reduce(addMembersEvent, emptyListLoad<Member>() as Members)
const seededMembers = (organizationId: string) =>
  (tenant.data.membersByOrganizationId.get(organizationId) ?? []).map((user) => user.user_id)

describe('fetchMembers', () => {
  test(`lists all ${LARGE_ORGANIZATION.memberCount} members of the large organization, with roles, by checkpoint past 1,000`, async () => {
    const { api, fields } = apiWith(ALL_SCOPES)
    const { events, error } = await collect(api, LARGE_ORGANIZATION.id)

    expect(error).toBeUndefined()
    const members = fold(events)
    expect(members).toMatchObject({ complete: true, capped: false, pagination: 'checkpoint' })
    expect(members.items.map((member) => member.user_id)).toEqual(
      seededMembers(LARGE_ORGANIZATION.id),
    )
    expect(members.items.every((member) => Array.isArray(member.roles))).toBe(true)
    expect(fields.every((asked) => asked?.split(',').includes('roles'))).toBe(true)
    expect(members.rolesRefusal).toBeUndefined()
  })

  test('without read:organization_member_roles, lists the members without roles after one refusal', async () => {
    const { api, fields } = apiWith(['read:organizations', 'read:organization_members'])
    const organizationId = [...tenant.data.membersByOrganizationId.keys()][0] ?? ''
    const { events, error } = await collect(api, organizationId)

    expect(error).toBeUndefined()
    expect(events.filter((event) => event.type === 'failed')).toEqual([])
    const members = fold(events)
    expect(members.rolesRefusal).toBeInstanceOf(ManagementApiError)
    expect((members.rolesRefusal as ManagementApiError).status).toBe(403)
    expect(members.complete).toBe(true)
    expect(members.items.map((member) => member.user_id)).toEqual(seededMembers(organizationId))
    expect(members.items.some((member) => member.roles !== undefined)).toBe(false)
    // One request with roles (refused), then only without.
    expect(fields[0]).toContain('roles')
    expect(fields.slice(1).every((asked) => !asked?.includes('roles'))).toBe(true)
  })

  test('without read:organization_members, the 403 is the list failure itself', async () => {
    const { api } = apiWith(['read:organizations'])
    const organizationId = [...tenant.data.membersByOrganizationId.keys()][0] ?? ''
    const { events, error } = await collect(api, organizationId)

    expect(error).toBeInstanceOf(ManagementApiError)
    expect((error as ManagementApiError).status).toBe(403)
    expect((error as ManagementApiError).message).toContain('read:organization_members')
    expect(events.at(-1)).toMatchObject({ type: 'failed' })
  })

  test('an unknown organization is a 404, not a refusal of roles', async () => {
    const { api } = apiWith(ALL_SCOPES)
    const { error } = await collect(api, 'org_doesNotExist')

    expect((error as ManagementApiError).status).toBe(404)
  })
})
