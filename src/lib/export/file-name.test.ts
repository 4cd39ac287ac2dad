import { describe, expect, test } from 'vitest'
import {
  exportFileName,
  fileNameSafeUserId,
  fileNameTimestamp,
  MAX_USER_ID_BYTES,
} from './file-name'

const AT = new Date('2026-01-02T03:04:05.678Z')
const FORBIDDEN = /[/\\:|?*"<>\p{Cc}\p{Cf}]/u
const utf8Length = (text: string) => new TextEncoder().encode(text).length

describe('export file name', () => {
  test('carries the user and the UTC date and time to the second', () => {
    expect(
      exportFileName({ kind: 'memberships', userId: 'auth0|1', generatedAt: AT, extension: 'csv' }),
    ).toBe('orgscope-memberships-auth0_1-20260102-030405Z.csv')
    expect(
      exportFileName({
        kind: 'memberships',
        userId: 'auth0|1',
        generatedAt: AT,
        extension: 'json',
      }),
    ).toBe('orgscope-memberships-auth0_1-20260102-030405Z.json')
  })

  test('has no user part when the export is about no one user', () => {
    expect(exportFileName({ kind: 'review', generatedAt: AT, extension: 'csv' })).toBe(
      'orgscope-review-20260102-030405Z.csv',
    )
  })

  test('uses UTC whatever the local time zone', () => {
    expect(fileNameTimestamp(new Date('2026-12-31T23:59:59.999-05:00'))).toBe('20270101-045959Z')
  })

  test.each([
    ['samlp|acme-saml|jane@acme.com', 'samlp_acme-saml_jane@acme.com'],
    ['oidc|corp/ldap|josé.núñez', 'oidc_corp_ldap_josé.núñez'],
    ['auth0|what?really#100%25', 'auth0_what_really_100_25'],
    ['windows\\path:*"<name>"', 'windows_path_name'],
    ['tab\there\nnewline\u0000nul', 'tab_here_newline_nul'],
  ])('makes %j safe: %j', (userId, expected) => {
    const name = exportFileName({ kind: 'memberships', userId, generatedAt: AT, extension: 'csv' })
    expect(name).toBe(`orgscope-memberships-${expected}-20260102-030405Z.csv`)
    expect(name).not.toMatch(FORBIDDEN)
  })

  test('keeps unicode, normalised to NFC, rather than transliterating it', () => {
    const decomposed = 'oidc|corp|jose\u0301'
    expect(fileNameSafeUserId(decomposed)).toBe('oidc_corp_jos\u00e9')
    expect(fileNameSafeUserId('line|山田太郎')).toBe('line_山田太郎')
  })

  test('replaces bidi controls, so a name cannot disguise its extension', () => {
    expect(fileNameSafeUserId('auth0|gpj\u202Eexe.')).toBe('auth0_gpj_exe.')
  })

  test('never leaves the user part empty', () => {
    expect(fileNameSafeUserId('|||')).toBe('unknown-user')
    expect(fileNameSafeUserId('')).toBe('unknown-user')
  })

  test('limits a long id, cutting whole characters, and tells long ids apart by a hash', () => {
    const a = `oidc|corp|${'é'.repeat(120)}a`
    const b = `oidc|corp|${'é'.repeat(120)}b`
    const safeA = fileNameSafeUserId(a)
    const safeB = fileNameSafeUserId(b)

    expect(utf8Length(safeA)).toBeLessThanOrEqual(MAX_USER_ID_BYTES)
    expect(safeA).toMatch(/^oidc_corp_é+_[0-9a-f]{8}$/)
    expect(safeA).not.toContain('\uFFFD')
    expect(safeA).not.toBe(safeB)
    expect(
      utf8Length(
        exportFileName({ kind: 'memberships', userId: a, generatedAt: AT, extension: 'json' }),
      ),
    ).toBeLessThan(255)
  })

  test('cuts a long id between whole characters, never between a letter and its accents', () => {
    const marked = fileNameSafeUserId(`x|${'e\u0301\u0323'.repeat(60)}`)
    expect(utf8Length(marked)).toBeLessThanOrEqual(MAX_USER_ID_BYTES)
    // NFC: ẹ (U+1EB9) plus a combining acute; each pair is kept or dropped whole.
    expect(marked).toMatch(/^x_(?:\u1eb9\u0301)+_[0-9a-f]{8}$/)
  })

  test('replaces emoji and symbols like any other character it does not keep', () => {
    expect(fileNameSafeUserId('auth0|👩🏽‍💻 dev™')).toBe('auth0_dev')
  })
})
