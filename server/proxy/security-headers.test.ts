import { describe, expect, it } from 'vitest'
import { spaContentSecurityPolicy } from './security-headers'

const TENANT = 'https://travel0.us.auth0.com'
const directive = (policy: string, name: string) =>
  policy.split('; ').find((part) => part.startsWith(`${name} `))

describe("the SPA's Content-Security-Policy", () => {
  it('served beside the API (the proxy): connects to itself and the tenant', () => {
    const policy = spaContentSecurityPolicy(TENANT)

    expect(directive(policy, 'connect-src')).toBe(`connect-src 'self' ${TENANT}`)
    expect(directive(policy, 'frame-src')).toBe(`frame-src ${TENANT}`)
    expect(directive(policy, 'script-src')).toBe("script-src 'self'")
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'")
  })

  it('with the API elsewhere (vite preview): connects to the API and the tenant only', () => {
    const policy = spaContentSecurityPolicy(TENANT, 'https://api.example.com')

    expect(directive(policy, 'connect-src')).toBe(`connect-src https://api.example.com ${TENANT}`)
  })

  it('with the API on the tenant (direct mode): names the tenant once', () => {
    expect(directive(spaContentSecurityPolicy(TENANT, TENANT), 'connect-src')).toBe(
      `connect-src ${TENANT}`,
    )
  })
})
