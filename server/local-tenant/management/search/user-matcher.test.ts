import { describe, expect, it } from 'vitest'
import type { User } from '../../seed/seed'
import { parseLuceneQuery } from './lucene-query'
import { compileUserQuery } from './user-matcher'

const base = {
  identities: [],
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-01-01T00:00:00.000Z',
}

const USERS: User[] = [
  {
    ...base,
    user_id: 'auth0|jane',
    email: 'Jane.Doe@Acme.com',
    email_verified: true,
    name: 'Jane Doe',
    nickname: 'jane.doe',
    given_name: 'Jane',
    family_name: 'Doe',
    identities: [
      {
        provider: 'auth0',
        connection: 'Username-Password-Authentication',
        user_id: 'jane',
        isSocial: false,
      },
    ],
  },
  {
    ...base,
    user_id: 'google-oauth2|1234',
    email: 'janet@gmail.com',
    email_verified: true,
    name: 'Janet Smith',
    nickname: 'janet',
    blocked: true,
    identities: [
      { provider: 'google-oauth2', connection: 'google-oauth2', user_id: '1234', isSocial: true },
    ],
  },
  {
    ...base,
    user_id: 'oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez',
    email: 'jose@corp.example.com',
    email_verified: false,
    name: 'Jos\u00e9 N\u00fa\u00f1ez',
    nickname: 'jose',
    blocked: false,
    identities: [{ provider: 'oidc', connection: 'corp-ldap', user_id: 'x', isSocial: false }],
  },
  // GitHub without an email.
  {
    ...base,
    user_id: 'github|777',
    name: 'Usa Person',
    nickname: 'usa',
    identities: [{ provider: 'github', connection: 'github', user_id: 777, isSocial: true }],
  },
]

function search(query: string): string[] {
  const matches = compileUserQuery(parseLuceneQuery(query))
  return USERS.filter(matches).map((user) => user.user_id)
}

const JANE = 'auth0|jane'
const JANET = 'google-oauth2|1234'
const JOSE = 'oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez'
const GITHUB = 'github|777'

describe('compileUserQuery', () => {
  it('matches whole values, not words inside them (v3 keyword search)', () => {
    expect(search('name:jane')).toEqual([])
    expect(search('name:"Jane Doe"')).toEqual([JANE])
  })

  it('ignores case on the normalized profile fields', () => {
    expect(search('email:jane.doe@acme.com')).toEqual([JANE])
    expect(search('name:"JANE DOE"')).toEqual([JANE])
    expect(search('email.domain:ACME.COM')).toEqual([JANE])
  })

  it('respects case on user_id, connection and provider', () => {
    expect(search('user_id:"auth0|jane"')).toEqual([JANE])
    expect(search('user_id:"AUTH0|jane"')).toEqual([])
    expect(search('identities.provider:Google-oauth2')).toEqual([])
    expect(search('identities.provider:google-oauth2')).toEqual([JANET])
  })

  it('matches prefixes, suffixes, infixes and single characters with wildcards', () => {
    expect(search('name:jan*')).toEqual([JANE, JANET])
    expect(search('email:*@gmail.com')).toEqual([JANET])
    expect(search('name:*ane*')).toEqual([JANE, JANET])
    expect(search('name:*mit*')).toEqual([JANET])
    expect(search('nickname:jan?')).toEqual([])
    expect(search('nickname:jan??')).toEqual([JANET])
    expect(search('user_id:google-oauth2|*')).toEqual([JANET])
  })

  it('treats regular-expression characters in values literally', () => {
    expect(search('email:jane.doe@acme.c*')).toEqual([JANE])
    expect(search('email:janeXdoe@acme.c*')).toEqual([])
  })

  it('looks bare terms up in email, name, nickname and user_id', () => {
    expect(search('janet')).toEqual([JANET])
    expect(search('"Jane Doe"')).toEqual([JANE])
    expect(search('jose@corp.example.com')).toEqual([JOSE])
    expect(search(`"${GITHUB}"`)).toEqual([GITHUB])
    expect(search('usa*')).toEqual([GITHUB])
  })

  it('finds ids with / and non-Latin characters, whichever Unicode form was typed', () => {
    expect(search(`user_id:"${JOSE}"`)).toEqual([JOSE])
    expect(search(`user_id:"${JOSE.normalize('NFD')}"`)).toEqual([JOSE])
    expect(search('name:jos\u00e9*')).toEqual([JOSE])
  })

  it('reads booleans, and an absent flag matches neither value', () => {
    expect(search('blocked:true')).toEqual([JANET])
    expect(search('blocked:false')).toEqual([JOSE])
    expect(search('NOT blocked:true')).toEqual([JANE, JOSE, GITHUB])
    expect(search('email_verified:false')).toEqual([JOSE])
  })

  it('tests for presence with field:*', () => {
    expect(search('email:*')).toEqual([JANE, JANET, JOSE])
    expect(search('NOT email:*')).toEqual([GITHUB])
  })

  it('combines with AND, OR, NOT, exclusions and parentheses', () => {
    expect(search('name:jan* AND blocked:true')).toEqual([JANET])
    expect(search('janet OR jose')).toEqual([JANET, JOSE])
    expect(search('janet jose')).toEqual([JANET, JOSE])
    expect(search('name:jan* -blocked:true')).toEqual([JANE])
    expect(search('(name:jan* OR nickname:jose) AND email_verified:true')).toEqual([JANE, JANET])
    expect(search('nickname:(janet OR jose)')).toEqual([JANET, JOSE])
  })

  it('matches everyone for an empty query or a lone *', () => {
    expect(search('')).toHaveLength(USERS.length)
    expect(search('*')).toHaveLength(USERS.length)
  })
})
