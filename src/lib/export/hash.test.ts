import { describe, expect, test } from 'vitest'
import { sha256Hex } from './hash'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('SHA-256', () => {
  test('of "abc" is the FIPS 180-2 test vector, in lowercase hex', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  test('of no bytes is the empty-input digest', async () => {
    expect(await sha256Hex(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })

  test('covers every byte: a BOM changes the hash', async () => {
    expect(await sha256Hex(utf8('\uFEFFabc'))).not.toBe(await sha256Hex(utf8('abc')))
  })
})
