import { describe, expect, test } from 'vitest'
import type { Member } from '@/lib/management-api/schemas'
import { countRoles, filterMembers, memberLabel, NO_ROLE, sortMembers } from './members'

const admin = { id: 'rol_a', name: 'Org Admin' }
const member = { id: 'rol_m', name: 'Member' }
const ann: Member = { user_id: 'auth0|1', name: 'Ann', email: 'ann@x.test', roles: [admin, member] }
const bob: Member = { user_id: 'auth0|2', email: 'bob@y.test', roles: [member] }
const cy: Member = { user_id: 'auth0|3', roles: [] }
const all = [ann, bob, cy]

describe('countRoles', () => {
  test('counts each role once per member who holds it, in name order, and those with none', () => {
    expect(countRoles(all)).toEqual({
      roles: [
        { name: 'Member', count: 2 },
        { name: 'Org Admin', count: 1 },
      ],
      none: 1,
    })
  })
})

describe('filterMembers', () => {
  test('keeps those who hold a role, or hold none', () => {
    expect(filterMembers(all, '', 'Org Admin')).toEqual([ann])
    expect(filterMembers(all, '', 'Member')).toEqual([ann, bob])
    expect(filterMembers(all, '', NO_ROLE)).toEqual([cy])
  })

  test('matches text in the name, email, user id or a role name, ignoring case', () => {
    expect(filterMembers(all, 'ANN', undefined)).toEqual([ann])
    expect(filterMembers(all, 'y.test', undefined)).toEqual([bob])
    expect(filterMembers(all, '|3', undefined)).toEqual([cy])
    expect(filterMembers(all, 'admin', undefined)).toEqual([ann])
    expect(filterMembers(all, 'bob', 'Org Admin')).toEqual([])
  })

  test('no filter is the same array', () => {
    expect(filterMembers(all, '  ', undefined)).toBe(all)
  })
})

describe('memberLabel and sortMembers', () => {
  test('a member is named by name, else email, else id; sorting uses that', () => {
    expect(all.map(memberLabel)).toEqual(['Ann', 'bob@y.test', 'auth0|3'])
    expect(sortMembers(all, { column: 'name', direction: 'descending' })).toEqual([bob, cy, ann])
    expect(sortMembers(all, { column: 'roles', direction: 'ascending' })).toEqual([cy, bob, ann])
    expect(sortMembers(all, undefined)).toBe(all)
  })
})
