import { isSearchField, SEARCH_FIELDS, type SearchField } from './search-fields'

/**
 * The subset of Lucene query syntax the local tenant understands for `GET /users?q=`
 * (search_engine=v3):
 *
 *   jane                     bare term: email, name, nickname or user_id equals it
 *   name:jane  name:"Jane Doe"  email:"a\"b@c.com"   a field equals the value (quotes: literal)
 *   name:jan*  name:j?ne  name:*son  name:*ane*     wildcards; a leading one needs ≥ 3 literals
 *   name:*                   the field has a value; a lone `*` matches every user
 *   a AND b   a OR b   NOT a   -a   (a OR b) AND c   name:(jane OR john)
 *
 * Precedence: NOT binds tightest, then AND, then OR. Two terms side by side are joined by OR —
 * Elasticsearch's default operator (`jane john` = `jane OR john`) — except that a negated term
 * among them excludes, as in Lucene (`jane -blocked:true` = jane AND NOT blocked:true). Unlike
 * Lucene's own parser, `a OR b AND c` means `a OR (b AND c)`: plain precedence instead of
 * Lucene's quirky mixing of SHOULD/MUST clauses. Ranges, fuzzy (~), boosts (^), regular
 * expressions (/…/), `+`, `&&`, `||` and `!` are refused with an explanation rather than
 * silently misread.
 */

export type ValuePart = { literal: string } | { wildcard: '*' | '?' }

export type SearchValue =
  /** Compared whole (a quoted phrase, or a word without wildcards). */
  | { kind: 'exact'; text: string }
  | { kind: 'pattern'; parts: readonly ValuePart[] }
  /** `field:*` */
  | { kind: 'exists' }

export type SearchQuery =
  | { kind: 'all' }
  | { kind: 'and'; clauses: readonly SearchQuery[] }
  | { kind: 'or'; clauses: readonly SearchQuery[] }
  | { kind: 'not'; clause: SearchQuery }
  /** `field` undefined: a bare term. */
  | { kind: 'term'; field: SearchField | undefined; value: SearchValue }

/** A query the subset cannot read; `message` explains why, for the 400's "Invalid query: …". */
export class SearchSyntaxError extends Error {
  override name = 'SearchSyntaxError'
}

const MIN_LITERALS_AFTER_LEADING_WILDCARD = 3

type Token =
  | { type: '(' | ')' | 'AND' | 'OR' | 'NOT'; at: number }
  | { type: 'field'; name: SearchField; at: number }
  | { type: 'value'; parts: ValuePart[]; at: number }

const UNSUPPORTED: Record<string, string> = {
  '[': 'ranges ([a TO b]) are not supported',
  ']': 'ranges ([a TO b]) are not supported',
  '{': 'ranges ({a TO b}) are not supported',
  '}': 'ranges ({a TO b}) are not supported',
  '^': 'boosts (^) are not supported',
  '~': 'fuzzy and proximity searches (~) are not supported',
  '/': "regular expressions are not supported; quote or escape '/' to search for it",
}

/** Positions in messages count characters from 1, as a person reads them. */
const position = (index: number): string => `character ${index + 1}`

function pushLiteral(parts: ValuePart[], char: string): void {
  const last = parts[parts.length - 1]
  if (last && 'literal' in last) last.literal += char
  else parts.push({ literal: char })
}

function literalText(parts: readonly ValuePart[]): string | undefined {
  let text = ''
  for (const part of parts) {
    if (!('literal' in part)) return undefined
    text += part.literal
  }
  return text
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const isBreak = (char: string | undefined): boolean =>
    char === undefined || /\s/.test(char) || char === '(' || char === ')' || char === '"'

  const readPhrase = (): ValuePart[] => {
    const start = i
    let text = ''
    i++ // opening quote
    while (i < query.length && query[i] !== '"') {
      // `\"` and `\\` (and any other escaped character) stand for themselves.
      if (query[i] === '\\') i++
      if (i < query.length) text += query[i]
      i++
    }
    if (i >= query.length) {
      throw new SearchSyntaxError(`the quoted phrase at ${position(start)} is never closed`)
    }
    i++ // closing quote
    return [{ literal: text }]
  }

  const readWord = (): void => {
    const start = i
    let parts: ValuePart[] = []
    let bare = '' // the word as typed, to recognise AND / OR / NOT
    let fieldToken: Token | undefined
    let valueStart = start
    while (!isBreak(query[i])) {
      const char = query[i] as string
      const pair = query.slice(i, i + 2)
      if (pair === '&&' || pair === '||') {
        throw new SearchSyntaxError(`use AND / OR instead of '${pair}' (at ${position(i)})`)
      }
      if (char === '\\') {
        const escaped = query[i + 1]
        if (escaped === undefined) {
          throw new SearchSyntaxError(`the query ends with an unfinished escape '\\'`)
        }
        pushLiteral(parts, escaped)
        bare += char + escaped
        i += 2
        continue
      }
      const unsupported = UNSUPPORTED[char]
      if (unsupported) throw new SearchSyntaxError(`${unsupported} (at ${position(i)})`)
      if (char === ':') {
        const fieldName = literalText(parts)
        if (fieldToken || fieldName === undefined || fieldName === '') {
          throw new SearchSyntaxError(
            `unexpected ':' at ${position(i)}; quote values that hold one`,
          )
        }
        if (!isSearchField(fieldName)) {
          throw new SearchSyntaxError(
            `the field '${fieldName}' is not searchable (searchable: ${Object.keys(SEARCH_FIELDS).join(', ')})`,
          )
        }
        fieldToken = { type: 'field', name: fieldName, at: start }
        tokens.push(fieldToken)
        parts = []
        i++
        valueStart = i
        // `name:"Jane Doe"`: the phrase right after the colon is the value.
        if (query[i] === '"') {
          tokens.push({ type: 'value', parts: readPhrase(), at: i })
          return
        }
        continue
      }
      if (char === '*' || char === '?') parts.push({ wildcard: char })
      else pushLiteral(parts, char)
      bare += char
      i++
    }
    if (!fieldToken && (bare === 'AND' || bare === 'OR' || bare === 'NOT')) {
      tokens.push({ type: bare, at: start })
    } else if (parts.length > 0) {
      tokens.push({ type: 'value', parts, at: valueStart })
    }
  }

  while (i < query.length) {
    const char = query[i] as string
    if (/\s/.test(char)) {
      i++
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char, at: i })
      i++
    } else if (char === '"') {
      const at = i
      tokens.push({ type: 'value', parts: readPhrase(), at })
    } else if (char === '-') {
      const next = query[i + 1]
      if (next === undefined || /\s/.test(next) || next === ')') {
        throw new SearchSyntaxError(`'-' at ${position(i)} must be followed directly by a term`)
      }
      tokens.push({ type: 'NOT', at: i })
      i++
    } else if (char === '+') {
      throw new SearchSyntaxError(`'+' (at ${position(i)}) is not supported; use AND`)
    } else if (char === '!') {
      throw new SearchSyntaxError(`'!' (at ${position(i)}) is not supported; use NOT`)
    } else {
      readWord()
    }
  }
  return tokens
}

function quote(token: Token): string {
  return token.type === 'field' ? `'${token.name}:'` : `'${token.type}'`
}

/** Turns a value token into what the term compares, checking the rules Auth0 enforces. */
function toValue(
  token: Extract<Token, { type: 'value' }>,
  field: SearchField | undefined,
): SearchValue {
  const [first, ...rest] = token.parts
  if (first && 'wildcard' in first && first.wildcard === '*' && rest.length === 0) {
    return { kind: 'exists' }
  }
  const text = literalText(token.parts)
  if (
    field !== undefined &&
    SEARCH_FIELDS[field].isBoolean &&
    text !== 'true' &&
    text !== 'false'
  ) {
    const typed = token.parts.map(partText).join('')
    throw new SearchSyntaxError(`${field} takes true or false, not '${typed}'`)
  }
  if (text !== undefined) return { kind: 'exact', text }
  if (first && 'wildcard' in first) {
    const literals = token.parts.reduce(
      (count, part) => count + ('literal' in part ? [...part.literal].length : 0),
      0,
    )
    if (literals < MIN_LITERALS_AFTER_LEADING_WILDCARD) {
      throw new SearchSyntaxError(
        `a leading wildcard needs at least ${MIN_LITERALS_AFTER_LEADING_WILDCARD} literal characters (at ${position(token.at)}; name:*usa works, name:*sa does not)`,
      )
    }
  }
  return { kind: 'pattern', parts: token.parts }
}

const partText = (part: ValuePart): string => ('literal' in part ? part.literal : part.wildcard)

/**
 * Lucene reads a negated clause among OR'ed ones as an exclusion (MUST_NOT), not as "or not":
 * `jane -blocked:true` is the janes who are not blocked, `a OR NOT b` is a without b, and a list
 * of only negations starts from everyone. Kept, because that is what people who know Lucene type.
 */
function orWithExclusions(clauses: SearchQuery[]): SearchQuery {
  if (clauses.length === 1) return clauses[0] as SearchQuery
  const exclusions = clauses.filter((clause) => clause.kind === 'not')
  if (exclusions.length === 0) return { kind: 'or', clauses }
  const inclusions = clauses.filter((clause) => clause.kind !== 'not')
  const included: SearchQuery =
    inclusions.length === 0
      ? { kind: 'all' }
      : inclusions.length === 1
        ? (inclusions[0] as SearchQuery)
        : { kind: 'or', clauses: inclusions }
  return { kind: 'and', clauses: [included, ...exclusions] }
}

/** Recursive descent over the tokens: or → and → unary → primary. */
class Parser {
  private index = 0

  constructor(private readonly tokens: Token[]) {}

  parse(): SearchQuery {
    if (this.tokens.length === 0) return { kind: 'all' }
    const query = this.parseOr(undefined)
    const extra = this.peek()
    if (extra) {
      // parseOr consumes every operand, so only a stray ')' can stop it early.
      throw new SearchSyntaxError(`unbalanced parentheses: ')' at ${position(extra.at)} has no '('`)
    }
    return query
  }

  private peek(): Token | undefined {
    return this.tokens[this.index]
  }

  private startsOperand(token: Token | undefined): boolean {
    return token !== undefined && ['(', 'field', 'value', 'NOT'].includes(token.type)
  }

  /** After an operator: there must be something to apply it to. */
  private expectOperand(operator: Token): void {
    if (!this.startsOperand(this.peek())) {
      throw new SearchSyntaxError(
        `${quote(operator)} at ${position(operator.at)} has no term after it`,
      )
    }
  }

  private parseOr(field: SearchField | undefined): SearchQuery {
    const clauses = [this.parseAnd(field)]
    for (;;) {
      const token = this.peek()
      if (token?.type === 'OR') {
        this.index++
        this.expectOperand(token)
      } else if (!this.startsOperand(token)) {
        break
      }
      clauses.push(this.parseAnd(field))
    }
    return orWithExclusions(clauses)
  }

  private parseAnd(field: SearchField | undefined): SearchQuery {
    const clauses = [this.parseUnary(field)]
    for (let token = this.peek(); token?.type === 'AND'; token = this.peek()) {
      this.index++
      this.expectOperand(token)
      clauses.push(this.parseUnary(field))
    }
    return clauses.length === 1 ? (clauses[0] as SearchQuery) : { kind: 'and', clauses }
  }

  private parseUnary(field: SearchField | undefined): SearchQuery {
    const token = this.peek()
    if (token?.type !== 'NOT') return this.parsePrimary(field)
    this.index++
    this.expectOperand(token)
    return { kind: 'not', clause: this.parseUnary(field) }
  }

  private parsePrimary(field: SearchField | undefined): SearchQuery {
    const token = this.tokens[this.index++]
    switch (token?.type) {
      case '(':
        return this.parseGroup(token, field)
      case 'field': {
        const next = this.tokens[this.index++]
        if (next?.type === '(') return this.parseGroup(next, token.name)
        if (next?.type !== 'value') {
          throw new SearchSyntaxError(`${quote(token)} at ${position(token.at)} has no value`)
        }
        return { kind: 'term', field: token.name, value: toValue(next, token.name) }
      }
      case 'value': {
        const value = toValue(token, field)
        // A lone `*` asks for everyone; `name:(*)` still means "has a name".
        return value.kind === 'exists' && field === undefined
          ? { kind: 'all' }
          : { kind: 'term', field, value }
      }
      case 'AND':
      case 'OR':
        throw new SearchSyntaxError(
          `${quote(token)} at ${position(token.at)} has no term before it`,
        )
      case ')':
        throw new SearchSyntaxError(
          `unbalanced parentheses: ')' at ${position(token.at)} has no '('`,
        )
      default:
        throw new SearchSyntaxError('the query ends where a term was expected')
    }
  }

  /** `( … )`, optionally after `field:` which then applies to the bare terms inside. */
  private parseGroup(open: Token, field: SearchField | undefined): SearchQuery {
    if (this.peek()?.type === ')') {
      throw new SearchSyntaxError(`empty parentheses at ${position(open.at)}`)
    }
    const inner = this.parseOr(field)
    if (this.tokens[this.index++]?.type !== ')') {
      throw new SearchSyntaxError(
        `unbalanced parentheses: '(' at ${position(open.at)} is never closed`,
      )
    }
    return inner
  }
}

/** Parses `q`; throws SearchSyntaxError for anything outside the subset. Blank means everyone. */
export function parseLuceneQuery(query: string): SearchQuery {
  return new Parser(tokenize(query)).parse()
}
