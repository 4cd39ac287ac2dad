import { describe, expect, test } from 'vitest'
import { csvTextOf, formatKeyValueCell, parseKeyValueCell } from './cells'

describe('cells as CSV text', () => {
  test('writes metadata as key=value pairs joined by "; "', () => {
    expect(formatKeyValueCell({ region: 'eu', tier: 'gold' })).toBe('region=eu; tier=gold')
    expect(formatKeyValueCell({})).toBe('')
  })

  test('escapes ;, = and \\ inside keys and values so the pairs split back unambiguously', () => {
    expect(formatKeyValueCell({ 'a=b': 'x;y', path: 'C:\\tmp' })).toBe(
      'a\\=b=x\\;y; path=C:\\\\tmp',
    )
  })

  test('writes null as an empty field and text as it is', () => {
    expect(csvTextOf(null)).toBe('')
    expect(csvTextOf(undefined)).toBe('')
    expect(csvTextOf('Acme')).toBe('Acme')
    expect(csvTextOf({ k: 'v' })).toBe('k=v')
  })
})

describe('cells read back', () => {
  test('splits key=value pairs back into the map, escapes undone', () => {
    const maps: Record<string, string>[] = [
      { region: 'eu', tier: 'gold' },
      { 'a=b': 'x;y', path: 'C:\\tmp', empty: '' },
      { rol_1: 'Admin; owner' },
      {},
    ]
    for (const map of maps) {
      expect(parseKeyValueCell(formatKeyValueCell(map))).toEqual(map)
    }
  })
})
