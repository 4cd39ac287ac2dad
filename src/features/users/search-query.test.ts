import { describe, expect, it } from 'vitest'
import { parseLuceneQuery } from '../../../server/local-tenant/management/search/lucene-query'
import { escapeTerm, quotePhrase, readSearchInput, toUserSearchQuery } from './search-query'

describe('toUserSearchQuery', () => {
  it('does not search for blank input', () => {
    expect(toUserSearchQuery('')).toBe('')
    expect(toUserSearchQuery('   \t ')).toBe('')
    expect(toUserSearchQuery('***')).toBe('')
  })

  it('does not search for a complete email, which is looked up exactly instead', () => {
    expect(toUserSearchQuery('  Jane@Acme.com ')).toBe('')
    expect(readSearchInput('  Jane@Acme.com ')).toEqual({ kind: 'email', email: 'jane@acme.com' })
    expect(readSearchInput('Ops+Audit@Zo\u0308e.example')).toEqual({
      kind: 'email',
      email: 'ops+audit@z\u00f6e.example',
    })
  })

  it('treats a partly typed email as a prefix', () => {
    expect(toUserSearchQuery('jane@ac')).toBe('email:jane@ac*')
    expect(toUserSearchQuery('pat.twin@')).toBe('email:pat.twin@*')
    expect(toUserSearchQuery('pat.twin@example.')).toBe('email:pat.twin@example.*')
  })

  it('searches everyone at a domain for @domain', () => {
    expect(toUserSearchQuery('@Acme.com')).toBe('email.domain:acme.com*')
  })

  it('searches a bare domain as everyone at it, and as a word in case it is the start of one', () => {
    expect(toUserSearchQuery('Scenarios.Example.com')).toBe(
      'email.domain:scenarios.example.com* OR email:scenarios.example.com* OR name:scenarios.example.com* OR family_name:scenarios.example.com*',
    )
    expect(toUserSearchQuery('jane.doe')).toBe(
      'email.domain:jane.doe* OR email:jane.doe* OR name:jane.doe* OR family_name:jane.doe*',
    )
  })

  it('matches one word as a prefix of email, name and family name', () => {
    expect(toUserSearchQuery('Jan')).toBe('email:jan* OR name:jan* OR family_name:jan*')
  })

  it('drops wildcards the admin typed at the end instead of searching for a literal star', () => {
    expect(toUserSearchQuery('jan*')).toBe('email:jan* OR name:jan* OR family_name:jan*')
  })

  it('matches several words as the exact name, a name prefix, and given + family name', () => {
    expect(toUserSearchQuery('Jane   Doe')).toBe(
      'name:"Jane Doe" OR name:jane\\ doe* OR (given_name:jane* AND family_name:doe*)',
    )
  })

  it('escapes quotes and backslashes inside phrases and terms', () => {
    expect(toUserSearchQuery('a "b" \\c')).toBe(
      'name:"a \\"b\\" \\\\c" OR name:a\\ \\"b\\"\\ \\\\c* OR (given_name:a* AND family_name:\\"b\\"\\ \\\\c*)',
    )
  })

  it('escapes reserved Lucene characters so they are searched for, not parsed', () => {
    expect(toUserSearchQuery('o(b)rien:[x]')).toBe(
      'email:o\\(b\\)rien\\:\\[x\\]* OR name:o\\(b\\)rien\\:\\[x\\]* OR family_name:o\\(b\\)rien\\:\\[x\\]*',
    )
    expect(toUserSearchQuery('-x')).toBe('email:\\-x* OR name:\\-x* OR family_name:\\-x*')
  })

  it('keeps Lucene keywords as plain words', () => {
    expect(toUserSearchQuery('NOT')).toBe('email:not* OR name:not* OR family_name:not*')
  })

  it('normalizes unicode to NFC and lowercases it', () => {
    const decomposed = 'Jose\u0301'
    expect(toUserSearchQuery(decomposed)).toBe(
      'email:jos\u00e9* OR name:jos\u00e9* OR family_name:jos\u00e9*',
    )
  })

  it('never generates a leading wildcard', () => {
    for (const input of ['*son', '?ane', 'a*b', 'x y*']) {
      expect(toUserSearchQuery(input)).not.toMatch(/:\*|\(\*/)
    }
  })

  it('quotes a user id whole, keeping its case', () => {
    expect(toUserSearchQuery('samlp|acme-saml|jane@acme.com')).toBe(
      'user_id:"samlp|acme-saml|jane@acme.com"',
    )
    expect(toUserSearchQuery('auth0|what?really#100%25')).toBe('user_id:"auth0|what?really#100%25"')
  })

  it.each([
    'jane',
    'Jane Doe',
    'jane@acme.com',
    'a "b" \\c',
    'o(b)rien:[x]{y}^~/!+&&||',
    'AND OR NOT',
    '- -x',
    '(',
    'jos\u00e9 n\u00fa\u00f1ez',
    'samlp|acme-saml|jane@acme.com',
    'auth0|"quoted\\id"',
    '@',
    '@acme',
    'acme.co.uk',
    'xn--bcher-kva.example',
  ])('builds a query the tenant parses for %j', (input) => {
    expect(() => parseLuceneQuery(toUserSearchQuery(input))).not.toThrow()
  })
})

describe('readSearchInput', () => {
  it.each([
    ['auth0|6650a1f0c0ffee0000000000'],
    ['google-oauth2|104857600000000000042'],
    ['samlp|acme-saml|jane@acme.com'],
    ['office365|10030000838D23AF@MicrosoftOnline.com'],
    ['oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez'],
    ['my-custom-db|12345'],
  ])('reads %s as a user id', (input) => {
    expect(readSearchInput(`  ${input} `)).toMatchObject({ kind: 'user-id', userId: input })
  })

  it.each([
    ['jane@acme.com', 'email'],
    ['jane|ops@acme.com', 'email'],
    ['jane doe|x', 'text'],
    ['auth0', 'text'],
    ['|abc', 'text'],
    ['@acme.com', 'domain'],
  ])('does not mistake %s for a user id', (input, kind) => {
    expect(readSearchInput(input).kind).toBe(kind)
  })
})

describe('reading a domain', () => {
  it.each([
    ['scenarios.example.com', 'scenarios.example.com', true],
    ['  ACME.co.uk ', 'acme.co.uk', true],
    ['my-company.io', 'my-company.io', true],
    ['@Acme.com', 'acme.com', false],
  ])('reads %j as everyone at %s', (input, domain, bare) => {
    expect(readSearchInput(input)).toMatchObject({ kind: 'domain', domain, bare })
  })

  it.each([
    'acme',
    'scenarios.example.c',
    'v1.2',
    '10.0.0.1',
    '-acme.com',
    'acme-.com',
    'acme..com',
    '.acme.com',
    'acme.com.',
    'acme.com/x',
    'acme_corp.com',
    'acme com.uk',
    'auth0|acme.com',
  ])('does not read %j as a bare domain', (input) => {
    expect(readSearchInput(input).kind).not.toBe('domain')
  })
})

describe('escapeTerm and quotePhrase', () => {
  it('escape exactly what would be syntax', () => {
    expect(escapeTerm('a.b@c_d')).toBe('a.b@c_d')
    expect(escapeTerm('a b')).toBe('a\\ b')
    expect(quotePhrase('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"')
  })
})
