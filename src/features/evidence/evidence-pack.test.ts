import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test, vi } from 'vitest'
import { parseCsv } from '@/lib/export/csv'
import { sha256Hex } from '@/lib/export/hash'
import { buildEvidencePack, type Manifest } from './evidence-pack'
import { packInput, testProxy } from './test-pack'

const unzip = (bytes: Uint8Array) => unzipSync(bytes) as Record<string, Uint8Array<ArrayBuffer>>
const manifestOf = (files: Record<string, Uint8Array>) =>
  JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Manifest

describe('building an evidence pack', () => {
  test('holds the files the manifest lists, each with its size and SHA-256', async () => {
    const pack = await buildEvidencePack(packInput())
    const files = unzip(pack.bytes)

    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'decisions.csv',
      'manifest.json',
      'memberships.csv',
      'memberships.json',
    ])
    const manifest = manifestOf(files)
    expect(manifest.files.map(({ name }) => name).sort()).toEqual([
      'README.txt',
      'decisions.csv',
      'memberships.csv',
      'memberships.json',
    ])
    for (const listed of manifest.files) {
      const data = files[listed.name] ?? new Uint8Array()
      expect(listed.bytes).toBe(data.length)
      expect(listed.sha256).toBe(await sha256Hex(data))
    }
    expect(pack.manifestSha256).toBe(await sha256Hex(files['manifest.json'] ?? new Uint8Array()))
    expect(pack.sha256).toBe(await sha256Hex(pack.bytes))
    expect(pack.fileName).toBe('orgscope-review-samlp_acme_jane@acme.com-20260304-102030Z.zip')
  })

  test('names a bulk review’s pack by its entries, which are not users', async () => {
    const users = (entries: string[]) =>
      buildEvidencePack(packInput({ scope: { kind: 'users', entries, refusedInput: [] } }))
    // Three entries, whatever number of users they named.
    expect((await users(['a@example.com', 'auth0|b', 'c@example.com'])).fileName).toBe(
      'orgscope-review-3-entries-20260304-102030Z.zip',
    )
    expect((await users(['a@example.com'])).fileName).toBe(
      'orgscope-review-1-entry-20260304-102030Z.zip',
    )
  })

  test('records who reviewed what, when, and counts the decisions', async () => {
    const { manifest } = await buildEvidencePack(packInput())

    expect(manifest).toMatchObject({
      format: 'orgscope-evidence-pack/1',
      tool: { name: 'Orgscope', version: '1.2.3' },
      tenant: 'travel0.us.auth0.com',
      mode: 'direct',
      reviewer: { sub: 'auth0|ada', email: 'ada@orgscope.test', name: 'Ada' },
      startedAt: '2026-03-04T10:00:00.000Z',
      signedOffAt: '2026-03-04T10:20:30.000Z',
      scope: { kind: 'user', userId: 'samlp|acme|jane@acme.com' },
      population: {
        rows: 3,
        complete: true,
        decided: 2,
        undecided: 1,
        decisions: { keep: 1, revoke: 1, unsure: 0 },
      },
    })
    expect(manifest.requests[0]?.path).toBe(
      '/api/v2/users/samlp%7Cacme%7Cjane%40acme.com/organizations',
    )
  })

  test('gives the same bytes for the same input', async () => {
    const first = await buildEvidencePack(packInput())
    const second = await buildEvidencePack(packInput())
    expect(second.sha256).toBe(first.sha256)
    expect(second.bytes).toEqual(first.bytes)
  })

  test('writes memberships.csv as plain CSV: one header row, then the rows, formulas neutralised', async () => {
    const files = unzip((await buildEvidencePack(packInput())).bytes)
    const records = parseCsv(strFromU8(files['memberships.csv'] ?? new Uint8Array()))

    expect(records).toEqual([
      ['display_name', 'name', 'id', 'roles', 'roles_status'],
      ['Acme, Inc.', 'acme', 'org_acme', 'rol_admin=Admin; rol_member=Member', 'loaded'],
      [`'=HYPERLINK("https://evil.example","x")`, 'evil', 'org_evil', '', 'loaded'],
      ['Globex', 'globex', 'org_globex', '', 'not loaded'],
    ])
    const json = JSON.parse(strFromU8(files['memberships.json'] ?? new Uint8Array())) as {
      rows: object[]
    }
    expect(json.rows[1]).toMatchObject({ display_name: '=HYPERLINK("https://evil.example","x")' })
  })

  test('writes one decisions.csv row per decision, undecided ones empty', async () => {
    const files = unzip((await buildEvidencePack(packInput())).bytes)
    const records = parseCsv(strFromU8(files['decisions.csv'] ?? new Uint8Array()))

    expect(records[0]).toEqual([
      'user_id',
      'user_email',
      'organization_id',
      'organization_name',
      'decision',
      'reason',
      'decided_at',
      'decided_by',
      'flags',
    ])
    expect(records[2]).toEqual([
      'samlp|acme|jane@acme.com',
      'jane@acme.com',
      'org_evil',
      `'=HYPERLINK("https://evil.example","x")`,
      'revoke',
      'Left the evil team',
      '2026-03-04T10:11:00.000Z',
      'ada@orgscope.test',
      'inactive-90-days; blocked',
    ])
    expect(records[3]?.slice(4)).toEqual(['', '', '', '', 'self-review'])
  })

  test.each(['revoke', 'unsure'] as const)(
    'refuses a %s decision without a reason',
    async (decision) => {
      const input = packInput()
      const [first] = input.decisions
      if (!first) throw new Error('the test input has decisions')
      await expect(
        buildEvidencePack({ ...input, decisions: [{ ...first, decision, reason: '  ' }] }),
      ).rejects.toThrow(`A reason is required for "${decision}"`)
    },
  )

  test('in direct mode says the pack is unsigned, and why', async () => {
    const pack = await buildEvidencePack(packInput())
    expect(pack.countersignature).toBeNull()
    expect(pack.manifest.countersignature).toEqual({
      unsigned: true,
      why: expect.stringContaining('Orgscope ran in direct mode: there is no proxy to countersign'),
    })
  })

  test('in proxy mode has the manifest’s SHA-256 countersigned and adds countersignature.jws', async () => {
    const proxy = await testProxy()
    const countersign = vi.fn(proxy.countersign)
    const pack = await buildEvidencePack(packInput({ mode: 'proxy', countersign }))
    const files = unzip(pack.bytes)

    expect(countersign).toHaveBeenCalledExactlyOnceWith(
      await sha256Hex(files['manifest.json'] ?? new Uint8Array()),
    )
    expect(strFromU8(files['countersignature.jws'] ?? new Uint8Array()).trim()).toBe(
      pack.countersignature?.jws,
    )
    expect(pack.manifest.countersignature).toEqual({
      requestedFrom: 'proxy',
      keysUrl: '/.well-known/orgscope-countersign-keys.json',
    })
    expect(pack.manifest.files.map(({ name }) => name)).not.toContain('countersignature.jws')
  })

  test('fails when the proxy does not countersign, rather than produce an unsigned pack', async () => {
    const countersign = vi.fn(() => Promise.reject(new Error('HTTP 503')))
    await expect(buildEvidencePack(packInput({ mode: 'proxy', countersign }))).rejects.toThrow(
      'HTTP 503',
    )
  })
})
