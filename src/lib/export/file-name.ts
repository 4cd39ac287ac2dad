// The download's file name: `orgscope-<kind>-<user id>-<YYYYMMDD-HHmmss>Z.<ext>`, e.g.
// `orgscope-memberships-auth0_1-…`; an export about no one user (a bulk review) has no user part.
//
// The user id is made safe for every file system and for `<a download>`: only letters, marks and
// digits of any script and `.`, `_`, `-`, `@`, `+` are kept; every run of anything else (`/`, `\`,
// `:`, `|`, `?`, `*`, `"`, `<`, `>`, `#`, `%`, spaces, control and format characters such as the
// right-to-left override that disguises `gpj.exe` as `exe.jpg`) becomes one `_`.
// Unicode is kept, NFC-normalised, rather than transliterated: `josé.núñez` stays recognisable, and
// transliteration cannot help non-Latin ids (`山田` would vanish). Every current file system and
// browser accepts it. The name is for people; the exact id is in the file's provenance.
// Long ids are cut (at a character boundary) so the whole name stays far below the 255-byte limit
// of common file systems, and get a short hash of the full id so two long ids that share a
// beginning do not get the same name.

/** UTF-8 bytes the user id part may take: with the fixed parts, at most ~125 bytes in all. */
export const MAX_USER_ID_BYTES = 80
const FALLBACK_ID = 'unknown-user'

const UNSAFE_RUN = /[^\p{L}\p{M}\p{N}._@+-]+/gu
const EDGE_UNDERSCORES = /^_+|_+$/g

const utf8 = new TextEncoder()
const byteLength = (text: string) => utf8.encode(text).length

/** FNV-1a (32 bit) of the UTF-16 code units, 8 hex digits: a short tag, not a security hash. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let result = ''
  for (const { segment } of segmenter.segment(text)) {
    if (byteLength(result + segment) > maxBytes) break
    result += segment
  }
  return result
}

/** The user id as a file-name part: safe characters only, length-limited, never empty. */
export function fileNameSafeUserId(userId: string): string {
  const safe = userId.normalize('NFC').replace(UNSAFE_RUN, '_').replace(EDGE_UNDERSCORES, '')
  if (safe === '') return FALLBACK_ID
  if (byteLength(safe) <= MAX_USER_ID_BYTES) return safe
  const tag = `_${shortHash(userId)}`
  return cutToBytes(safe, MAX_USER_ID_BYTES - tag.length).replace(EDGE_UNDERSCORES, '') + tag
}

/** `20260102-030405Z`: the UTC date and time to the second. */
export function fileNameTimestamp(date: Date): string {
  // toISOString throws on an invalid date, which is what we want here.
  const iso = date.toISOString() // 2026-01-02T03:04:05.678Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}Z`
}

/** `orgscope-<kind>-<user id>-<YYYYMMDD-HHmmss>Z.<extension>`, without `<user id>-` when none. */
export function exportFileName({
  kind,
  userId,
  generatedAt,
  extension,
}: {
  kind: string
  userId?: string | undefined
  generatedAt: Date
  extension: 'csv' | 'json' | 'zip'
}): string {
  const user = userId === undefined ? '' : `${fileNameSafeUserId(userId)}-`
  return `orgscope-${kind}-${user}${fileNameTimestamp(generatedAt)}.${extension}`
}
