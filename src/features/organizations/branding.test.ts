import { describe, expect, test } from 'vitest'
import { discColorOf, initialsOf, safeHexColor, safeLogoUrl } from './branding'

describe('safeLogoUrl', () => {
  test('keeps https URLs', () => {
    expect(safeLogoUrl('https://cdn.example.com/logos/acme.png')).toBe(
      'https://cdn.example.com/logos/acme.png',
    )
  })

  test.each([
    'javascript:alert(1)',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'http://insecure.example.com/logo.png',
    '//cdn.example.com/logo.png',
    '/relative/logo.png',
    'not a url',
    '',
    undefined,
  ])('refuses %j', (value) => {
    expect(safeLogoUrl(value)).toBeUndefined()
  })
})

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
