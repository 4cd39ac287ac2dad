import { nextSort } from '@/lib/table-sort'
import { describe, expect, test } from 'vitest'
import type { Organization } from '@/lib/management-api/schemas'
import { displayNameOf, filterOrganizations, sortOrganizations } from './organization-list'

const acme: Organization = {
  id: 'org_AAA111',
  name: 'acme-corp',
  display_name: 'Acme Corporation',
  metadata: { tier: 'Enterprise', region: 'eu-west' },
}
const beta: Organization = { id: 'org_bbb222', name: 'beta-labs', display_name: 'beta Labs' }
const bare: Organization = { id: 'org_ccc333', name: 'zeta-without-display-name' }
const unit2: Organization = { id: 'org_ddd444', name: 'unit-2', display_name: 'Unit 2' }
const unit10: Organization = { id: 'org_eee555', name: 'unit-10', display_name: 'Unit 10' }
const all = [acme, beta, bare, unit2, unit10]

const ids = (organizations: readonly Organization[]) => organizations.map((org) => org.id)

describe('filterOrganizations', () => {
  test.each([
    ['a display name', 'corporation', [acme]],
    ['a name', 'beta-la', [beta]],
    ['an id', 'org_ccc', [bare]],
    ['a metadata key', 'REGION', [acme]],
    ['a metadata value', 'enterprise', [acme]],
  ])('matches %s, ignoring case', (_, filter, expected) => {
    expect(ids(filterOrganizations(all, filter))).toEqual(ids(expected))
  })

  test('ignores surrounding spaces and keeps the API order', () => {
    expect(ids(filterOrganizations(all, '  unit '))).toEqual([unit2.id, unit10.id])
  })

  test('a blank filter keeps everything, as the same array', () => {
    expect(filterOrganizations(all, '   ')).toBe(all)
  })

  test('a filter nothing matches leaves nothing', () => {
    expect(filterOrganizations(all, 'nothing like this')).toEqual([])
  })
})

describe('sortOrganizations', () => {
  test('sorts by display name, natural order, ignoring case, with the name standing in', () => {
    expect(ids(sortOrganizations(all, { column: 'displayName', direction: 'ascending' }))).toEqual([
      acme.id,
      beta.id,
      unit2.id,
      unit10.id,
      bare.id,
    ])
  })

  test('descending is the reverse', () => {
    expect(ids(sortOrganizations(all, { column: 'name', direction: 'descending' }))).toEqual([
      bare.id,
      unit10.id,
      unit2.id,
      beta.id,
      acme.id,
    ])
  })

  test('sorts by id', () => {
    expect(ids(sortOrganizations([beta, acme], { column: 'id', direction: 'ascending' }))).toEqual([
      acme.id,
      beta.id,
    ])
  })

  test('breaks ties by id, so equal names keep one order', () => {
    const twin = { ...beta, id: 'org_aaa000' }
    expect(
      ids(sortOrganizations([beta, twin], { column: 'displayName', direction: 'ascending' })),
    ).toEqual([twin.id, beta.id])
  })

  test('without a sort, returns the input itself (the API order), never a mutated one', () => {
    const input = [...all]
    expect(sortOrganizations(input, undefined)).toBe(input)
    sortOrganizations(input, { column: 'name', direction: 'descending' })
    expect(input).toEqual(all)
  })
})

describe('nextSort', () => {
  test('a new column sorts ascending; the same column flips', () => {
    const first = nextSort(undefined, 'name')
    expect(first).toEqual({ column: 'name', direction: 'ascending' })
    const second = nextSort(first, 'name')
    expect(second).toEqual({ column: 'name', direction: 'descending' })
    expect(nextSort(second, 'name')).toEqual({ column: 'name', direction: 'ascending' })
    expect(nextSort(second, 'id')).toEqual({ column: 'id', direction: 'ascending' })
  })
})

test('displayNameOf falls back to the name when the display name is missing or blank', () => {
  expect(displayNameOf(acme)).toBe('Acme Corporation')
  expect(displayNameOf(bare)).toBe(bare.name)
  expect(displayNameOf({ ...bare, display_name: '  ' })).toBe(bare.name)
})
