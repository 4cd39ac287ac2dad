import { Auth0Error } from './auth0-errors'

/**
 * `from` and `take` (checkpoint paging), checked before anything goes upstream. The other
 * parameters are Auth0's to validate; these two are bounded here because `from` is free text a
 * client hands back: only what could be a `next` Auth0 issued, of a bounded length, is relayed.
 */

const MAX_TAKE = 100
/** Far longer than any `next` seen; a longer one is a probe, not a checkpoint. */
const MAX_FROM_LENGTH = 512
/** The characters of base64, base64url and the ids Auth0 pages from. */
const FROM_PATTERN = /^[A-Za-z0-9_\-+/=.|:]+$/

const TAKE_DESCRIPTION = 'Number of results per page. Defaults to 50.'
const FROM_DESCRIPTION = 'Optional Id from which to start selection.'

/** Throws 400 invalid_query_string, in the Management API's words, for a bad `from` or `take`. */
export function checkCheckpointQuery(query: URLSearchParams): void {
  for (const take of query.getAll('take')) {
    if (!/^-?\d+$/.test(take))
      refuse('take', TAKE_DESCRIPTION, 'Expected type integer but found type string')
    const value = Number(take)
    if (value < 1) refuse('take', TAKE_DESCRIPTION, 'Number is less than minimum (1)')
    if (value > MAX_TAKE) {
      refuse('take', TAKE_DESCRIPTION, `Number is greater than maximum (${MAX_TAKE})`)
    }
  }
  for (const from of query.getAll('from')) {
    if (from.length > MAX_FROM_LENGTH) {
      refuse(
        'from',
        FROM_DESCRIPTION,
        `String is too long (${from.length} chars), maximum ${MAX_FROM_LENGTH}`,
      )
    }
    if (!FROM_PATTERN.test(from)) {
      refuse('from', FROM_DESCRIPTION, `String does not match pattern ${FROM_PATTERN.source}`)
    }
  }
}

function refuse(name: string, description: string, reason: string): never {
  throw new Auth0Error(
    400,
    `Query validation error: '${reason}' on property ${name} (${description}).`,
    { errorCode: 'invalid_query_string' },
  )
}
