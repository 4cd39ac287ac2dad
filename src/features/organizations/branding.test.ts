import { describe, expect, test } from 'vitest'
import { discColorOf, initialsOf, safeHexColor } from './branding'

describe('safeHexColor', () => {
  test.each(['#abc', '#A1B2C3', '#000000'])('keeps %s', (value) => {
    expect(safeHexColor(value)).toBe(value)
  })

  test.each([
    'red',
    '#abcd',
    '#ff000g',
    ' #fff',
    'red;background:url(javascript:alert(1))',
    'expression(alert(1))',
    '#fff;color:red',
    undefined,
  ])('refuses %j', (value) => {
    expect(safeHexColor(value)).toBeUndefined()
  })
})

describe('initialsOf', () => {
  test.each([
    ['Acme Logistics Group', 'AL'],
    ['株式会社さくらロジスティクス', '株'],
    ['<script>alert("xss")</script> Holdings', 'SH'],
    ['café', 'C'],
    ['   ', '?'],
    ['<>', '?'],
  ])('%j → %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials)
  })
})

test('discColorOf is stable for the same text', () => {
  expect(discColorOf('acme')).toBe(discColorOf('acme'))
  expect(discColorOf('acme')).toMatch(/^[a-z]+$/)
})
