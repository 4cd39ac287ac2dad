import { describe, expect, test } from 'vitest'
import { rolesLoadCost, rolesLoadCostText } from './use-load-all-roles'

describe('the cost of loading all roles', () => {
  // A bucket of 10 refilling 2 per second, 4 tokens in it now.
  const rate = { limit: 10, tokens: 4.6, msPerToken: 500, closedForMs: 0 }

  test('is one request per missing organization; those the bucket holds start now, the rest wait for tokens', () => {
    expect(rolesLoadCost(967, rate)).toEqual({ requests: 967, expectedMs: 963 * 500, rate })
    expect(rolesLoadCost(3, rate).expectedMs).toBe(0)
  })

  test('a 429 that closed the gate adds its wait', () => {
    expect(rolesLoadCost(5, { ...rate, closedForMs: 3000 }).expectedMs).toBe(3000 + 500)
  })

  test('says the count, the time and the rate it assumed', () => {
    expect(rolesLoadCostText(rolesLoadCost(967, rate))).toBe(
      '967 requests (one per membership whose roles are not loaded), about 8 min 2 s at the rate the tenant announces (a bucket of 10, refilling 2 per second).',
    )
    expect(
      rolesLoadCostText(
        rolesLoadCost(1, { limit: 2, tokens: 0, msPerToken: 4000, closedForMs: 0 }),
      ),
    ).toBe(
      '1 request (one per membership whose roles are not loaded), about 4 s at the rate the tenant announces (a bucket of 2, refilling one every 4 s).',
    )
  })

  test('without a rate announced yet, says the time is not known rather than guess', () => {
    expect(rolesLoadCost(12, undefined).expectedMs).toBeUndefined()
    expect(rolesLoadCostText(rolesLoadCost(12, undefined))).toMatch(
      /^12 requests \(one per membership whose roles are not loaded\)\. How long it takes is not known yet/,
    )
  })
})
