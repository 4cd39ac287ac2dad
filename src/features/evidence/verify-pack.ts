import { unzipSync } from 'fflate'
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose'
import { sha256Hex } from '@/lib/export/hash'
import { PACK_FILES } from './evidence-pack'
import { manifestSummary, type ManifestSummary } from './manifest-summary'

// Checks an evidence pack (evidence-pack.ts) as an auditor would: every file against the SHA-256
// the manifest lists, and the proxy's countersignature against the manifest itself. jose is
// imported only here, and the /verify page loads this module lazily, so it stays out of the
// initial bundle.

export type FileStatus = 'intact' | 'changed' | 'missing' | 'not in manifest'

export interface FileCheck {
  name: string
  status: FileStatus
  /** As the manifest lists it; null for a file the manifest does not list. */
  expected: { bytes: number; sha256: string } | null
  /** As found in the zip; null for a missing file. */
  found: { bytes: number; sha256: string } | null
}

export type CountersignatureCheck =
  | {
      status: 'valid'
      kid: string
      admin: { sub: string; email?: string }
      /** ISO UTC, as the proxy wrote it. */
      signedAt: string
      issuer: string
    }
  | { status: 'invalid'; kid: string | null; why: string }
  | { status: 'key not published'; kid: string | null; why: string }
  | { status: 'keys unavailable'; kid: string | null; why: string }
  /** Signed, but no keys to check it with here (Orgscope runs in direct mode). */
  | { status: 'not checked'; kid: string | null; why: string }
  | { status: 'absent'; why: string }

/**
 * `intact`: every file matches and the countersignature (when there is one) is valid.
 * `changed`: a file differs, is missing or was added, or the countersignature is invalid.
 * `unconfirmed`: the files match but the countersignature could not be checked.
 */
export type Verification =
  | { status: 'unreadable'; reason: string }
  | {
      status: 'intact' | 'changed' | 'unconfirmed'
      manifestSha256: string
      files: FileCheck[]
      countersignature: CountersignatureCheck
      summary: ManifestSummary
    }

export interface VerifyOptions {
  /** The proxy's published keys; absent when there is no proxy to ask (direct mode). */
  loadKeys?: () => Promise<{ keys: JsonWebKey[] }>
}

const TYP = 'orgscope-countersignature+jws'

const UNSIGNED_EXPLANATION =
  'This pack is not countersigned. The hashes prove the files match the manifest, not who made the pack or when: anyone could have built a matching manifest.'

/** The zip's files by name; a pack zipped again inside one folder is read from that folder. */
function readZip(bytes: Uint8Array): Map<string, Uint8Array<ArrayBuffer>> | string {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch {
    return 'This is not a zip file, or the zip is damaged.'
  }
  const files = Object.entries(entries).filter(
    ([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/'),
  )
  const manifests = files.filter(([name]) => name.split('/').at(-1) === PACK_FILES.manifest)
  const root = manifests.find(([name]) => name === PACK_FILES.manifest) ?? manifests[0]
  if (!root) return 'The zip holds no manifest.json, so it is not an Orgscope evidence pack.'
  const prefix = root[0].slice(0, -PACK_FILES.manifest.length)
  return new Map(
    files
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, data]) => [name.slice(prefix.length), data as Uint8Array<ArrayBuffer>]),
  )
}

interface ListedFile {
  name: string
  bytes: number
  sha256: string
}

function listedFiles(manifest: unknown): ListedFile[] | null {
  const files = (manifest as { files?: unknown } | null)?.files
  if (!Array.isArray(files)) return null
  const valid = files.every(
    (file: unknown) =>
      typeof file === 'object' &&
      file !== null &&
      typeof (file as ListedFile).name === 'string' &&
      typeof (file as ListedFile).bytes === 'number' &&
      typeof (file as ListedFile).sha256 === 'string',
  )
  return valid ? (files as ListedFile[]) : null
}

async function checkFiles(
  listed: readonly ListedFile[],
  zip: ReadonlyMap<string, Uint8Array<ArrayBuffer>>,
): Promise<FileCheck[]> {
  const checks = await Promise.all(
    listed.map(async ({ name, bytes, sha256 }): Promise<FileCheck> => {
      const expected = { bytes, sha256: sha256.toLowerCase() }
      const data = zip.get(name)
      if (!data) return { name, status: 'missing', expected, found: null }
      const found = { bytes: data.length, sha256: await sha256Hex(data) }
      return {
        name,
        status: found.sha256 === expected.sha256 ? 'intact' : 'changed',
        expected,
        found,
      }
    }),
  )
  const known = new Set<string>([
    ...listed.map(({ name }) => name),
    PACK_FILES.manifest,
    PACK_FILES.countersignature,
  ])
  for (const [name, data] of zip) {
    if (known.has(name)) continue
    checks.push({
      name,
      status: 'not in manifest',
      expected: null,
      found: { bytes: data.length, sha256: await sha256Hex(data) },
    })
  }
  return checks
}

const errorCode = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The `kid` in the JWS header, read before verifying, to name the key in every outcome. */
function headerKid(jws: string): string | null {
  try {
    const { kid } = decodeProtectedHeader(jws)
    return typeof kid === 'string' ? kid : null
  } catch {
    return null
  }
}

interface Payload {
  sha256?: unknown
  admin?: { sub?: unknown; email?: unknown }
  signedAt?: unknown
  iss?: unknown
}

async function checkCountersignature(
  jwsBytes: Uint8Array<ArrayBuffer> | undefined,
  manifestSha256: string,
  options: VerifyOptions,
): Promise<CountersignatureCheck> {
  if (!jwsBytes) return { status: 'absent', why: UNSIGNED_EXPLANATION }
  const jws = new TextDecoder().decode(jwsBytes).trim()
  const kid = headerKid(jws)
  if (!options.loadKeys) {
    return {
      status: 'not checked',
      kid,
      why: 'Orgscope runs here without its proxy, so the proxy’s keys cannot be loaded to check the countersignature.',
    }
  }
  let keys: ReturnType<typeof createLocalJWKSet>
  try {
    keys = createLocalJWKSet((await options.loadKeys()) as JSONWebKeySet)
  } catch (error) {
    return {
      status: 'keys unavailable',
      kid,
      why: `The proxy’s countersigning keys could not be loaded (${messageOf(error)}), so the countersignature was not checked.`,
    }
  }
  let payload: Payload
  try {
    const result = await compactVerify(jws, keys, { algorithms: ['EdDSA'] })
    if (result.protectedHeader.typ !== TYP) {
      return {
        status: 'invalid',
        kid,
        why: `The signature is not an Orgscope countersignature (typ "${String(result.protectedHeader.typ)}").`,
      }
    }
    payload = JSON.parse(new TextDecoder().decode(result.payload)) as Payload
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') {
      return {
        status: 'key not published',
        kid,
        why: `This proxy does not publish the key ${kid ?? '(none named)'}: the pack was countersigned by another proxy, or the key was retired.`,
      }
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return {
        status: 'invalid',
        kid,
        why: 'The signature does not match: countersignature.jws was altered or not made by this key.',
      }
    }
    return {
      status: 'invalid',
      kid,
      why: `countersignature.jws is not a valid countersignature (${messageOf(error)}).`,
    }
  }
  if (payload.sha256 !== manifestSha256) {
    return {
      status: 'invalid',
      kid,
      why: 'manifest.json was changed after it was countersigned: its SHA-256 is not the one the proxy signed.',
    }
  }
  const admin = payload.admin
  if (typeof admin?.sub !== 'string' || typeof payload.signedAt !== 'string') {
    return { status: 'invalid', kid, why: 'The countersignature names no admin or time.' }
  }
  return {
    status: 'valid',
    kid: kid ?? '',
    admin:
      typeof admin.email === 'string' ? { sub: admin.sub, email: admin.email } : { sub: admin.sub },
    signedAt: payload.signedAt,
    issuer: typeof payload.iss === 'string' ? payload.iss : '',
  }
}

function overall(files: readonly FileCheck[], countersignature: CountersignatureCheck) {
  if (files.some(({ status }) => status !== 'intact') || countersignature.status === 'invalid') {
    return 'changed'
  }
  return countersignature.status === 'valid' || countersignature.status === 'absent'
    ? 'intact'
    : 'unconfirmed'
}

/** Unzips the pack, recomputes every hash and checks the countersignature. Never throws. */
export async function verifyEvidencePack(
  bytes: Uint8Array,
  options: VerifyOptions,
): Promise<Verification> {
  const zip = readZip(bytes)
  if (typeof zip === 'string') return { status: 'unreadable', reason: zip }
  // readZip found it: an empty file stands in only to satisfy the type.
  const manifestBytes = zip.get(PACK_FILES.manifest) ?? new Uint8Array()
  let manifest: unknown
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes))
  } catch {
    return {
      status: 'unreadable',
      reason: 'manifest.json is not valid JSON, so nothing can be checked against it.',
    }
  }
  const listed = listedFiles(manifest)
  if (!listed) {
    return {
      status: 'unreadable',
      reason:
        'manifest.json lists no files with their sizes and SHA-256, so it is not an Orgscope evidence pack manifest.',
    }
  }
  const manifestSha256 = await sha256Hex(manifestBytes)
  const files = await checkFiles(listed, zip)
  const countersignature = await checkCountersignature(
    zip.get(PACK_FILES.countersignature),
    manifestSha256,
    options,
  )
  return {
    status: overall(files, countersignature),
    manifestSha256,
    files,
    countersignature,
    summary: manifestSummary(manifest),
  }
}
