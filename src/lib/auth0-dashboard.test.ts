import { describe, expect, it } from 'vitest'
import {
  dashboardOrganizationUrl,
  dashboardUrlForDomain,
  dashboardUserUrl,
} from './auth0-dashboard'

const TRAVEL0 = 'https://manage.auth0.com/dashboard/us/travel0'

describe('the Dashboard address of a tenant', () => {
  it.each([
    ['travel0.us.auth0.com', TRAVEL0],
    ['travel0.auth0.com', TRAVEL0],
    ['dev-h3aod060.eu.auth0.com', 'https://manage.auth0.com/dashboard/eu/dev-h3aod060'],
    ['Replate-PRD.AU.auth0.com', 'https://manage.auth0.com/dashboard/au/replate-prd'],
  ])('derives %s → %s', (host, url) => {
    expect(dashboardUrlForDomain(host)).toBe(url)
  })

  it.each([
    ['a custom domain', 'login.travel0.com'],
    ['the local tenant', '127.0.0.1:4010'],
    ['a look-alike domain', 'travel0.us.auth0.com.evil.example'],
    ['too many labels', 'a.b.us.auth0.com'],
    ['the bare Auth0 domain', 'auth0.com'],
  ])('is unknown for %s', (_label, host) => {
    expect(dashboardUrlForDomain(host)).toBeUndefined()
  })
})

describe('Dashboard links', () => {
  it("addresses a user by the unpadded base64 of the URL-encoded id, as the Dashboard's own links do", () => {
    expect(dashboardUserUrl(TRAVEL0, 'auth0|61e37bb4690cd100686f84e2')).toBe(
      `${TRAVEL0}/users/YXV0aDAlN0M2MWUzN2JiNDY5MGNkMTAwNjg2Zjg0ZTI`,
    )
  })

  it('keeps a user id with "/", "?" and non-ASCII characters inside one path segment', () => {
    const userId = 'oidc|corp/ldap|josé.núñez?#%'
    const url = new URL(dashboardUserUrl(TRAVEL0, userId))
    const segment = url.pathname.split('/').at(-1) ?? ''

    expect(url.pathname.split('/')).toHaveLength(6)
    expect(decodeURIComponent(atob(decodeURIComponent(segment)))).toBe(userId)
    expect(url.search).toBe('')
    expect(url.hash).toBe('')
  })

  it("opens an organization's overview by its id", () => {
    expect(dashboardOrganizationUrl(TRAVEL0, 'org_Ab12')).toBe(
      `${TRAVEL0}/organizations/org_Ab12/overview`,
    )
    expect(dashboardOrganizationUrl(TRAVEL0, 'org/../x')).toBe(
      `${TRAVEL0}/organizations/org%2F..%2Fx/overview`,
    )
  })
})
