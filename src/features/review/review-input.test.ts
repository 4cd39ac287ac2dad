import { describe, expect, test } from 'vitest'
import { readReviewList, REVIEW_LIMIT } from './review-input'

/** The entries a text yields, as given. */
function inputsOf(text: string): string[] {
  return readReviewList(text).entries.map((entry) => entry.input)
}

describe('reading a review list', () => {
  test('tells user ids from emails by their shape, one per line', () => {
    const list = readReviewList(
      'auth0|6650a1f0c0ffee0000000003\r\npat.twin@example.com\n\n  samlp|acme-saml|jane@acme.com  \n',
    )

    expect(list.entries).toEqual([
      {
        kind: 'user-id',
        input: 'auth0|6650a1f0c0ffee0000000003',
        userId: 'auth0|6650a1f0c0ffee0000000003',
      },
      { kind: 'email', input: 'pat.twin@example.com', email: 'pat.twin@example.com' },
      {
        kind: 'user-id',
        input: 'samlp|acme-saml|jane@acme.com',
        userId: 'samlp|acme-saml|jane@acme.com',
      },
    ])
    expect(list).toMatchObject({ duplicates: 0, unreadable: [], overLimitBy: 0 })
  })

  test('keeps ids exactly as given, with reserved and non-Latin characters', () => {
    const ids = ['auth0|what?really#100%25', 'oidc|corp/ldap|jos\u00e9.n\u00fa\u00f1ez']

    expect(inputsOf(ids.join('\n'))).toEqual(ids)
  })

  test('reads commas and tabs (a range pasted from a spreadsheet) as separators', () => {
    expect(inputsOf('a@example.com, b@example.com\tauth0|1\n"c@example.com"')).toEqual([
      'a@example.com',
      'b@example.com',
      'auth0|1',
      'c@example.com',
    ])
  })

  test('drops repeats: the same id, or the same email in another case', () => {
    const list = readReviewList('auth0|1\nJane@Example.com\nauth0|1\njane@example.com\nAUTH0|1')

    expect(list.entries.map((entry) => entry.input)).toEqual([
      'auth0|1',
      'Jane@Example.com',
      'AUTH0|1',
    ])
    expect(list.entries[1]).toMatchObject({ email: 'jane@example.com' })
    expect(list.duplicates).toBe(2)
  })

  test('sets aside what is neither a user id nor an email, as given, with its line', () => {
    const list = readReviewList('jane doe\n\n@acme.com\nauth0|1')

    expect(list.unreadable).toEqual([
      { line: 1, text: 'jane doe', reason: 'neither a user id nor an email' },
      // The empty line counts: the number is the line a person finds in their own list.
      { line: 3, text: '@acme.com', reason: 'neither a user id nor an email' },
    ])
    expect(list.entries).toHaveLength(1)
  })

  test(`counts entries past ${REVIEW_LIMIT}, after repeats are dropped`, () => {
    const emails = Array.from({ length: REVIEW_LIMIT + 12 }, (_, index) => `u${index}@example.com`)

    expect(readReviewList(emails.join('\n')).overLimitBy).toBe(12)
    expect(
      readReviewList([...emails.slice(0, REVIEW_LIMIT), ...emails.slice(0, 20)].join('\n'))
        .overLimitBy,
    ).toBe(0)
  })
})

describe('reading an uploaded CSV', () => {
  test('with a header row: reads only the id and email columns, each for what it holds', () => {
    const csv = [
      'Name,Email,Department,User ID',
      'Jane Acme,jane@acme.com,Ops,',
      '"Doe, John",,Sales,waad|Zo\u00eb \u00d8rsted',
    ].join('\r\n')

    const list = readReviewList(csv)

    expect(list.entries).toEqual([
      { kind: 'email', input: 'jane@acme.com', email: 'jane@acme.com' },
      // Named as an id by its column, although its space keeps search from reading it as one.
      { kind: 'user-id', input: 'waad|Zo\u00eb \u00d8rsted', userId: 'waad|Zo\u00eb \u00d8rsted' },
    ])
    expect(list.unreadable).toEqual([])
  })

  test('without a header row: every cell is read by its shape', () => {
    const list = readReviewList('jane@acme.com,Jane Acme\nauth0|2,John\n')

    expect(list.entries.map((entry) => entry.input)).toEqual(['jane@acme.com', 'auth0|2'])
    expect(list.unreadable.map(({ line, text }) => [line, text])).toEqual([
      [1, 'Jane Acme'],
      [2, 'John'],
    ])
  })

  test('a first row that holds an email is data, not a header', () => {
    const list = readReviewList('email,a@b.com\njane@acme.com')

    expect(list.entries.map((entry) => entry.input)).toEqual(['a@b.com', 'jane@acme.com'])
  })

  test('an email column that holds something else sets it aside', () => {
    const list = readReviewList('email\nnot-an-email\nb@example.com')

    expect(list.unreadable).toEqual([
      { line: 2, text: 'not-an-email', reason: 'in an email column, but not an email' },
    ])
    expect(list.entries.map((entry) => entry.input)).toEqual(['b@example.com'])
  })

  test('a quote left open is an error, not a guess', () => {
    expect(() => readReviewList('"jane@acme.com\nauth0|1')).toThrow(SyntaxError)
  })
})
