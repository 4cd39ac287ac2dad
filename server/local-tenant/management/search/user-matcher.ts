import type { User } from '../../seed/seed'
import type { SearchQuery, SearchValue } from './lucene-query'
import { BARE_TERM_FIELDS, SEARCH_FIELDS, type SearchField } from './search-fields'

export type UserPredicate = (user: User) => boolean

/** NFC so "é" typed as e + accent finds "é"; lower case where the field ignores case. */
function normalizer(caseInsensitive: boolean): (value: string) => string {
  return caseInsensitive
    ? (value) => value.normalize('NFC').toLowerCase()
    : (value) => value.normalize('NFC')
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function valueMatcher(value: SearchValue, normalize: (value: string) => string) {
  switch (value.kind) {
    case 'exists':
      return (values: readonly string[]) => values.length > 0
    case 'exact': {
      const wanted = normalize(value.text)
      return (values: readonly string[]) => values.some((v) => normalize(v) === wanted)
    }
    case 'pattern': {
      const source = value.parts
        .map((part) =>
          'literal' in part
            ? escapeRegExp(normalize(part.literal))
            : part.wildcard === '*'
              ? '.*'
              : '.',
        )
        .join('')
      // `s`: a wildcard spans any character; `u`: `?` is one code point, not one UTF-16 unit.
      const pattern = new RegExp(`^${source}$`, 'su')
      return (values: readonly string[]) => values.some((v) => pattern.test(normalize(v)))
    }
  }
}

function fieldMatcher(field: SearchField, value: SearchValue): UserPredicate {
  const definition = SEARCH_FIELDS[field]
  const matches = valueMatcher(value, normalizer(definition.caseInsensitive))
  return (user) => matches(definition.read(user))
}

/** Compiles a parsed query once into a predicate (regular expressions built up front). */
export function compileUserQuery(query: SearchQuery): UserPredicate {
  switch (query.kind) {
    case 'all':
      return () => true
    case 'not': {
      const clause = compileUserQuery(query.clause)
      return (user) => !clause(user)
    }
    case 'and': {
      const clauses = query.clauses.map(compileUserQuery)
      return (user) => clauses.every((clause) => clause(user))
    }
    case 'or': {
      const clauses = query.clauses.map(compileUserQuery)
      return (user) => clauses.some((clause) => clause(user))
    }
    case 'term': {
      const fields = query.field === undefined ? BARE_TERM_FIELDS : [query.field]
      const matchers = fields.map((field) => fieldMatcher(field, query.value))
      return (user) => matchers.some((matches) => matches(user))
    }
  }
}
