import { invalidQueryString, jsonResponse } from './errors'
import { queryValidationError, readInteger, readSingle } from './query-params'

const DEFAULT_TAKE = 50
const MAX_TAKE = 100
const TAKE_DESCRIPTION = 'Number of results per page. Defaults to 50.'
const FROM_DESCRIPTION = 'Optional Id from which to start selection.'
/** base64url, unpadded: what `next` is made of. */
const CHECKPOINT_PATTERN = /^[A-Za-z0-9_-]+$/

export interface Checkpoint {
  /** The `next` of an earlier answer, or undefined for the first page. */
  from: string | undefined
  take: number
}

/**
 * `from` and `take`, validated, or undefined when neither was sent (offset paging). Either one
 * selects checkpoint paging, as the reference describes it (`take` defaults to 50); Auth0 then
 * ignores `page`, `per_page` and `include_totals` (node-auth0#1078: `take` with `include_totals`
 * answered no total), and so does this.
 */
export function readCheckpoint(params: URLSearchParams): Checkpoint | undefined {
  if (!params.has('from') && !params.has('take')) return undefined
  const take = readInteger(params, 'take', TAKE_DESCRIPTION, {
    min: 1,
    max: MAX_TAKE,
    fallback: DEFAULT_TAKE,
  })
  return { from: readSingle(params, 'from', FROM_DESCRIPTION), take }
}

/**
 * How a tenant without checkpoint paging on an endpoint answers `from` or `take`: the query
 * schema refuses them (node-auth0#678, on an endpoint Auth0 never gave checkpoint paging).
 */
export function refuseCheckpoint(params: URLSearchParams): void {
  const sent = ['from', 'take'].find((name) => params.has(name))
  if (sent !== undefined) {
    throw invalidQueryString(
      `Query validation error: 'Additional properties not allowed: ${sent}'.`,
    )
  }
}

/**
 * A checkpoint page of `all`: `{ [key]: page, next? }`, no totals. `next` names the first record
 * of the following page (`idOf`) and is absent on the last one. It is opaque to clients
 * (base64url of the record's id) and stateless here: a `from` that is not base64url, or names no
 * record of this list, is refused with 400 invalid_query_string. `render` turns the page's
 * records into what the answer holds.
 */
export function checkpointResponse<T>(
  all: readonly T[],
  checkpoint: Checkpoint,
  key: string,
  idOf: (record: T) => string,
  render: (page: T[]) => unknown[] = (page) => page,
): Response {
  const start = checkpoint.from === undefined ? 0 : startOf(all, checkpoint.from, idOf)
  const end = start + checkpoint.take
  const following = all[end]
  return jsonResponse(200, {
    [key]: render(all.slice(start, end)),
    ...(following === undefined ? {} : { next: encodeCheckpoint(idOf(following)) }),
  })
}

function startOf<T>(all: readonly T[], from: string, idOf: (record: T) => string): number {
  const id = CHECKPOINT_PATTERN.test(from) ? decodeCheckpoint(from) : undefined
  const index = id === undefined ? -1 : all.findIndex((record) => idOf(record) === id)
  if (index === -1) {
    throw queryValidationError('from', FROM_DESCRIPTION, 'Not a checkpoint this list issued')
  }
  return index
}

function encodeCheckpoint(id: string): string {
  const bytes = new TextEncoder().encode(id)
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function decodeCheckpoint(token: string): string | undefined {
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}
