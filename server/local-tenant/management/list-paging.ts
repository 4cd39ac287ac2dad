import {
  checkpointResponse,
  readCheckpoint,
  refuseCheckpoint,
  type Checkpoint,
} from './checkpoint-paging'
import { LIST_PAGING_CAP, pagedResponse, readPaging, type Paging } from './paging'

/** How a request asked to page a list: by checkpoint (`from`/`take`) or by offset. */
export type ListPaging = { checkpoint: Checkpoint } | { offset: Paging }

/**
 * The paging of a list Auth0 pages both ways (a user's memberships, the organizations, an
 * organization's members): by checkpoint when `from` or `take` is sent, else by offset, capped
 * at record 1000. With `checkpointPaging` off the tenant acts like one without the feature and
 * refuses `from` and `take`. Read before the list is looked up: a bad query is a 400 even for a
 * list that does not exist.
 */
export function readListPaging(params: URLSearchParams, checkpointPaging: boolean): ListPaging {
  if (!checkpointPaging) refuseCheckpoint(params)
  const checkpoint = readCheckpoint(params)
  return checkpoint ? { checkpoint } : { offset: readPaging(params, LIST_PAGING_CAP) }
}

/**
 * The page of `all` the request asked for, under `key`: `{ [key], next? }` by checkpoint (`idOf`
 * names the record a `next` points at), a bare array or `{ start, limit, total, [key] }` by offset.
 */
export function listPageResponse<T>(
  all: readonly T[],
  paging: ListPaging,
  key: string,
  options: { idOf: (record: T) => string; render?: (page: T[]) => unknown[] },
): Response {
  return 'checkpoint' in paging
    ? checkpointResponse(all, paging.checkpoint, key, options.idOf, options.render)
    : pagedResponse(all, paging.offset, key, options.render)
}
