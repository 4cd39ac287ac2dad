import { OAuthError } from '@auth0/auth0-react'
import { screen } from '@testing-library/react'
import { useQuery } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isManagementApiError } from '@/lib/management-api/errors'
import { renderWithProviders, SAM } from '@/testing/render'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { useManagementApi } from './management-api-context'

const Named = z.object({ user_id: z.string(), name: z.string() })

/** A tiny consumer: reads one resource through the provided client and shows the outcome. */
function Probe({ path }: { path: string[] }) {
  const api = useManagementApi()
  const probe = useQuery({
    queryKey: ['test', ...path],
    queryFn: async ({ signal }) => (await api.request(path, { schema: Named, signal })).data,
  })
  if (probe.isError) {
    const { error } = probe
    const status = isManagementApiError(error) ? `${error.status} ` : ''
    return <p role="alert">{`${status}${error.message}`}</p>
  }
  if (!probe.data) return <p>Loading</p>
  return <p>{`${probe.data.name} (${probe.data.user_id})`}</p>
}

describe('ManagementApiProvider', () => {
  it("reaches the tenant with the signed-in admin's token", async () => {
    const { userId, name } = NAMED_USERS.threeMemberships
    renderWithProviders(<Probe path={['users', userId]} />)

    expect(await screen.findByText(`${name} (${userId})`)).toBeVisible()
  })

  it("carries only the admin's own permissions: Sam cannot read organizations", async () => {
    const { userId } = NAMED_USERS.threeMemberships
    renderWithProviders(<Probe path={['users', userId, 'organizations']} />, { signedInAs: SAM })

    expect(await screen.findByRole('alert')).toHaveTextContent(/^403 .*read:organizations/)
  })

  it("surfaces a failed token renewal as the SDK's own error", async () => {
    renderWithProviders(<Probe path={['users', NAMED_USERS.oneMembership.userId]} />, {
      tokenError: new OAuthError('login_required', 'Login required'),
    })

    expect(await screen.findByRole('alert')).toHaveTextContent('Login required')
  })
})
