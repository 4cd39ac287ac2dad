import { describe, expect, it } from 'vitest'
import {
  parseLuceneQuery,
  SearchSyntaxError,
  type SearchQuery,
  type SearchValue,
} from './lucene-query'

/** A compact rendering of the parse tree, so expectations read like the query. */
function show(query: SearchQuery): string {
  switch (query.kind) {
    case 'all':
      return 'ALL'
    case 'not':
      return `(NOT ${show(query.clause)})`
    case 'and':
    case 'or':
      return `(${query.kind.toUpperCase()} ${query.clauses.map(show).join(' ')})`
    case 'term':
      return `${query.field ?? '_'}${showValue(query.value)}`
  }
}

function showValue(value: SearchValue): string {
  if (value.kind === 'exists') return ':*'
  if (value.kind === 'exact') return `=${JSON.stringify(value.text)}`
  return `~${value.parts.map((part) => ('literal' in part ? part.literal : `<${part.wildcard}>`)).join('')}`
}

const parse = (query: string): string => show(parseLuceneQuery(query))

function parseError(query: string): string {
  try {
    parseLuceneQuery(query)
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error.message
    throw error
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`)
}

describe('parseLuceneQuery: terms and fields', () => {
  it.each([
    ['', 'ALL'],
    ['   ', 'ALL'],
    ['*', 'ALL'],
    ['jane', '_="jane"'],
    ['email:jane@acme.com', 'email="jane@acme.com"'],
    ['name:"Jane Doe"', 'name="Jane Doe"'],
    ['name: jane', 'name="jane"'],
    ['user_id:auth0|abc', 'user_id="auth0|abc"'],
    ['user_id:google-oauth2|1234', 'user_id="google-oauth2|1234"'],
    ['email.domain:acme.com', 'email.domain="acme.com"'],
    ['identities.connection:acme-saml', 'identities.connection="acme-saml"'],
    ['identities.provider:"google-oauth2"', 'identities.provider="google-oauth2"'],
    ['given_name:Zoë', 'given_name="Zoë"'],
    ['family_name:"Van der Berg"', 'family_name="Van der Berg"'],
    ['nickname:花子', 'nickname="花子"'],
    ['email_verified:true', 'email_verified="true"'],
    ['blocked:false', 'blocked="false"'],
    ['blocked:"true"', 'blocked="true"'],
    ['name:*', 'name:*'],
    ['blocked:*', 'blocked:*'],
  ])('%j → %s', (query, expected) => {
    expect(parse(query)).toBe(expected)
  })
})

describe('parseLuceneQuery: quotes and escapes', () => {
  it.each([
    [String.raw`email:"a\"b@c.com"`, 'email="a\\"b@c.com"'],
    [String.raw`name:"back\\slash"`, 'name="back\\\\slash"'],
    ['user_id:"oidc|corp/ldap|josé"', 'user_id="oidc|corp/ldap|josé"'],
    ['user_id:"auth0|what?really#100%25"', 'user_id="auth0|what?really#100%25"'],
    ['name:"jan*"', 'name="jan*"'],
    ['name:"AND"', 'name="AND"'],
    ['name:"(x)"', 'name="(x)"'],
    [String.raw`user_id:auth0\|a\:b`, 'user_id="auth0|a:b"'],
    [String.raw`name:jan\*`, 'name="jan*"'],
    [String.raw`user_id:oidc|corp\/ldap`, 'user_id="oidc|corp/ldap"'],
    ['"jane doe"', '_="jane doe"'],
    ['name:""', 'name=""'],
  ])('%s → %s', (query, expected) => {
    expect(parse(query)).toBe(expected)
  })
})

describe('parseLuceneQuery: wildcards', () => {
  it.each([
    ['jan*', '_~jan<*>'],
    ['name:jan*', 'name~jan<*>'],
    ['name:j*', 'name~j<*>'],
    ['name:j?ne', 'name~j<?>ne'],
    ['name:*usa', 'name~<*>usa'],
    ['email:*@acme.com', 'email~<*>@acme.com'],
    ['name:*ane*', 'name~<*>ane<*>'],
    ['user_id:samlp|*', 'user_id~samlp|<*>'],
    // Three literal characters, counted as characters rather than UTF-16 units.
    ['name:*日本語', 'name~<*>日本語'],
  ])('%j → %s', (query, expected) => {
    expect(parse(query)).toBe(expected)
  })
})

describe('parseLuceneQuery: operators and precedence', () => {
  it.each([
    ['a AND b', '(AND _="a" _="b")'],
    ['a OR b', '(OR _="a" _="b")'],
    // Implicit operator: OR (Elasticsearch's default).
    ['a b', '(OR _="a" _="b")'],
    ['a b c', '(OR _="a" _="b" _="c")'],
    ['NOT a', '(NOT _="a")'],
    ['-a', '(NOT _="a")'],
    ['-name:jane', '(NOT name="jane")'],
    ['-"jane doe"', '(NOT _="jane doe")'],
    ['-(a OR b)', '(NOT (OR _="a" _="b"))'],
    ['NOT NOT a', '(NOT (NOT _="a"))'],
    ['a AND b OR c', '(OR (AND _="a" _="b") _="c")'],
    ['a OR b AND c', '(OR _="a" (AND _="b" _="c"))'],
    ['a AND NOT b', '(AND _="a" (NOT _="b"))'],
    ['(a OR b) AND c', '(AND (OR _="a" _="b") _="c")'],
    ['((a))', '_="a"'],
    // A negation among OR'ed terms excludes, as in Lucene.
    ['jane -blocked:true', '(AND _="jane" (NOT blocked="true"))'],
    ['a OR NOT b', '(AND _="a" (NOT _="b"))'],
    ['a b -c -d', '(AND (OR _="a" _="b") (NOT _="c") (NOT _="d"))'],
    ['-a -b', '(AND ALL (NOT _="a") (NOT _="b"))'],
    // Lower-case operators are plain words.
    ['a and b', '(OR _="a" _="and" _="b")'],
    ['name:(jane OR john)', '(OR name="jane" name="john")'],
    ['name:(jane* AND -janet)', '(AND name~jane<*> (NOT name="janet"))'],
    ['email:x@y.com AND name:(a OR email:b)', '(AND email="x@y.com" (OR name="a" email="b"))'],
    ['google-oauth2', '_="google-oauth2"'],
  ])('%j → %s', (query, expected) => {
    expect(parse(query)).toBe(expected)
  })
})

describe('parseLuceneQuery: refusals explain themselves', () => {
  it.each([
    ['name:jan* AND', "'AND' at character 11 has no term after it"],
    ['a OR', "'OR' at character 3 has no term after it"],
    ['NOT', "'NOT' at character 1 has no term after it"],
    ['a AND OR b', "'AND' at character 3 has no term after it"],
    ['AND a', "'AND' at character 1 has no term before it"],
    ['OR', "'OR' at character 1 has no term before it"],
    ['name:"jane', 'the quoted phrase at character 6 is never closed'],
    ['"', 'the quoted phrase at character 1 is never closed'],
    [String.raw`name:"a\"`, 'the quoted phrase at character 6 is never closed'],
    ['(a OR b', "unbalanced parentheses: '(' at character 1 is never closed"],
    ['a OR b)', "unbalanced parentheses: ')' at character 7 has no '('"],
    [')', "unbalanced parentheses: ')' at character 1 has no '('"],
    ['()', 'empty parentheses at character 1'],
    ['name:', "'name:' at character 1 has no value"],
    ['name: AND b', "'name:' at character 1 has no value"],
    ['picture:x', "the field 'picture' is not searchable"],
    ['app_metadata.plan:gold', "the field 'app_metadata.plan' is not searchable"],
    ['Email:x', "the field 'Email' is not searchable"],
    [':x', "unexpected ':' at character 1"],
    ['name:a:b', "unexpected ':' at character 7"],
    ['name:*sa', 'a leading wildcard needs at least 3 literal characters'],
    ['*an', 'a leading wildcard needs at least 3 literal characters'],
    ['name:?a', 'a leading wildcard needs at least 3 literal characters'],
    ['blocked:yes', "blocked takes true or false, not 'yes'"],
    ['email_verified:tru*', "email_verified takes true or false, not 'tru*'"],
    ['-', "'-' at character 1 must be followed directly by a term"],
    ['a - b', "'-' at character 3 must be followed directly by a term"],
    ['+jane', "'+' (at character 1) is not supported; use AND"],
    ['!jane', "'!' (at character 1) is not supported; use NOT"],
    ['a && b', "use AND / OR instead of '&&'"],
    ['a || b', "use AND / OR instead of '||'"],
    ['name:[a TO c]', 'ranges ([a TO b]) are not supported'],
    ['name:jane~', 'fuzzy and proximity searches (~) are not supported'],
    ['name:jane^2', 'boosts (^) are not supported'],
    ['name:/ja.e/', 'regular expressions are not supported'],
    ['jane\\', "the query ends with an unfinished escape '\\'"],
  ])('%j: %s', (query, explanation) => {
    expect(parseError(query)).toContain(explanation)
  })
})
