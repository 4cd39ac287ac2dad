import { describe, expect, it } from 'vitest'
import type { Organization } from '@/lib/management-api/schemas'
import { looksLikeOrganizationId, matchOrganizations } from './organization-directory'

const acme: Organization = {
  id: 'org_Acme123',
  name: 'acme-corp',
  display_name: 'Acme Corporation',
  metadata: { region: 'emea' },
}
const globex: Organization = { id: 'org_Globex456', name: 'globex' }

describe('matchOrganizations', () => {
  it.each([
    ['its name', 'ACME-C'],
    ['its display name', 'corporation'],
    ['its id', 'acme123'],
  ])('finds an organization by part of %s, ignoring case', (_, text) => {
    expect(matchOrganizations([acme, globex], text, undefined)).toEqual([acme])
  })

  it('does not match on metadata: the search names organizations', () => {
    expect(matchOrganizations([acme, globex], 'emea', undefined)).toEqual([])
  })

  it('puts the one looked up by id first, once', () => {
    expect(matchOrganizations([acme, globex], 'org_', globex)).toEqual([globex, acme])
  })
})

describe('looksLikeOrganizationId', () => {
  it.each([
    ['org_Acme123', true],
    ['  org_Acme123 ', true],
    ['org_', false],
    ['acme', false],
    ['org_with space', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeOrganizationId(text)).toBe(expected)
  })
})
