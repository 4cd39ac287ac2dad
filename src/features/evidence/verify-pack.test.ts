import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { sha256Hex } from '@/lib/export/hash'
import { buildEvidencePack, type Manifest } from './evidence-pack'
import { packInput, testProxy, type TestProxy } from './test-pack'
import { verifyEvidencePack, type Verification } from './verify-pack'

type Files = Record<string, Uint8Array>

async function signedPack(proxy: TestProxy) {
  const pack = await buildEvidencePack(packInput({ mode: 'proxy', countersign: proxy.countersign }))
  return { pack, files: unzipSync(pack.bytes) as Files }
}

const rezip = (files: Files) => zipSync(files)
const keysOf = (proxy: TestProxy) => () => Promise.resolve(proxy.keys)

function checked(result: Verification) {
  if (result.status === 'unreadable') throw new Error(`unreadable: ${result.reason}`)
  return result
}

const statusOf = (result: Verification, name: string) =>
  checked(result).files.find((file) => file.name === name)?.status

describe('verifying an evidence pack', () => {
  test('finds an untouched, countersigned pack intact and names who countersigned it', async () => {
    const proxy = await testProxy()
    const { pack } = await signedPack(proxy)

    const result = checked(await verifyEvidencePack(pack.bytes, { loadKeys: keysOf(proxy) }))

    expect(result.status).toBe('intact')
    expect(result.files.map(({ name, status }) => [name, status])).toEqual([
      ['README.txt', 'intact'],
      ['memberships.csv', 'intact'],
      ['memberships.json', 'intact'],
      ['decisions.csv', 'intact'],
    ])
    expect(result.countersignature).toEqual({
      status: 'valid',
      kid: proxy.kid,
      admin: { sub: 'auth0|ada', email: 'ada@orgscope.test' },
      signedAt: '2026-03-04T10:20:31.000Z',
      issuer: 'orgscope-proxy',
    })
    expect(result.summary).toMatchObject({
      tenant: 'travel0.us.auth0.com',
      reviewer: 'ada@orgscope.test (auth0|ada)',
      scope: 'User samlp|acme|jane@acme.com (jane@acme.com)',
      rows: 3,
      decisions: { keep: 1, revoke: 1, unsure: 0 },
    })
  })

  test('names memberships.csv when one byte of it changed, with both hashes', async () => {
    const proxy = await testProxy()
    const { files } = await signedPack(proxy)
    const csv = Uint8Array.from(files['memberships.csv'] ?? [])
    const at = csv.length - 3
    csv[at] = (csv[at] ?? 0) ^ 1

    const result = checked(
      await verifyEvidencePack(rezip({ ...files, 'memberships.csv': csv }), {
        loadKeys: keysOf(proxy),
      }),
    )

    expect(result.status).toBe('changed')
    const changed = result.files.filter(({ status }) => status !== 'intact')
    expect(changed).toEqual([
      {
        name: 'memberships.csv',
        status: 'changed',
        expected: { bytes: csv.length, sha256: expect.any(String) },
        found: { bytes: csv.length, sha256: await sha256Hex(csv) },
      },
    ])
    expect(changed[0]?.expected?.sha256).not.toBe(changed[0]?.found?.sha256)
    expect(result.countersignature.status).toBe('valid')
  })

  test('reports a removed file as missing and an added one as not in the manifest', async () => {
    const proxy = await testProxy()
    const { files } = await signedPack(proxy)
    const rest = Object.fromEntries(
      Object.entries(files).filter(([name]) => name !== 'decisions.csv'),
    )

    const result = await verifyEvidencePack(rezip({ ...rest, 'notes.txt': strToU8('hi') }), {
      loadKeys: keysOf(proxy),
    })

    expect(result.status).toBe('changed')
    expect(statusOf(result, 'decisions.csv')).toBe('missing')
    expect(statusOf(result, 'notes.txt')).toBe('not in manifest')
  })

  test('names manifest.json when it was edited after countersigning, even with hashes to match', async () => {
    const proxy = await testProxy()
    const { files } = await signedPack(proxy)
    const csv = strToU8('display_name,name,id\r\nnothing to see,,\r\n')
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest
    const listed = manifest.files.find(({ name }) => name === 'memberships.csv')
    if (!listed) throw new Error('the manifest lists memberships.csv')
    listed.sha256 = await sha256Hex(csv)
    listed.bytes = csv.length

    const result = checked(
      await verifyEvidencePack(
        rezip({
          ...files,
          'memberships.csv': csv,
          'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
        }),
        { loadKeys: keysOf(proxy) },
      ),
    )

    expect(statusOf(result, 'memberships.csv')).toBe('intact')
    expect(result.status).toBe('changed')
    expect(result.countersignature).toMatchObject({
      status: 'invalid',
      why: expect.stringContaining('manifest.json was changed after it was countersigned'),
    })
  })

  test('calls a countersignature by another key invalid', async () => {
    const proxy = await testProxy()
    const impostor = await testProxy(proxy.kid)
    const { pack } = await signedPack(impostor)

    const result = checked(await verifyEvidencePack(pack.bytes, { loadKeys: keysOf(proxy) }))

    expect(result.status).toBe('changed')
    expect(result.countersignature).toMatchObject({
      status: 'invalid',
      why: expect.stringContaining('The signature does not match'),
    })
  })

  test('says when the proxy does not publish the signing key', async () => {
    const proxy = await testProxy('retired-key')
    const current = await testProxy('current-key')
    const { pack } = await signedPack(proxy)

    const result = checked(await verifyEvidencePack(pack.bytes, { loadKeys: keysOf(current) }))

    expect(result.status).toBe('unconfirmed')
    expect(result.countersignature).toMatchObject({
      status: 'key not published',
      kid: 'retired-key',
    })
  })

  test('says when the keys could not be loaded', async () => {
    const proxy = await testProxy()
    const { pack } = await signedPack(proxy)

    const result = checked(
      await verifyEvidencePack(pack.bytes, {
        loadKeys: () => Promise.reject(new Error('Failed to fetch')),
      }),
    )

    expect(result.status).toBe('unconfirmed')
    expect(result.countersignature).toMatchObject({
      status: 'keys unavailable',
      why: expect.stringContaining('Failed to fetch'),
    })
  })

  test('finds an unsigned pack intact, saying what the hashes do not prove', async () => {
    const pack = await buildEvidencePack(packInput())

    const result = checked(await verifyEvidencePack(pack.bytes, {}))

    expect(result.status).toBe('intact')
    expect(result.countersignature).toMatchObject({
      status: 'absent',
      why: expect.stringContaining('not who made the pack'),
    })
  })

  test('does not call a signed pack intact when there are no keys to check it with', async () => {
    const proxy = await testProxy()
    const { pack } = await signedPack(proxy)

    const result = checked(await verifyEvidencePack(pack.bytes, {}))

    expect(result.status).toBe('unconfirmed')
    expect(result.countersignature.status).toBe('not checked')
  })

  test('reads a pack zipped again inside a folder', async () => {
    const pack = await buildEvidencePack(packInput())
    const files = unzipSync(pack.bytes)
    const nested = Object.fromEntries(
      Object.entries(files).map(([name, data]) => [`evidence/${name}`, data]),
    )

    expect((await verifyEvidencePack(zipSync(nested), {})).status).toBe('intact')
  })

  test.each([
    ['not a zip', strToU8('just text'), 'not a zip file'],
    ['a zip without a manifest', zipSync({ 'a.txt': strToU8('a') }), 'no manifest.json'],
    ['a manifest that is not JSON', zipSync({ 'manifest.json': strToU8('{') }), 'not valid JSON'],
  ])('calls %s unreadable, saying why', async (_name, bytes, reason) => {
    const result = await verifyEvidencePack(bytes, {})
    expect(result).toEqual({ status: 'unreadable', reason: expect.stringContaining(reason) })
  })
})
