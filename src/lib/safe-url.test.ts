import { describe, expect, test } from 'vitest'
import { safeImageUrl } from './safe-url'

describe('safeImageUrl', () => {
  test('keeps https URLs', () => {
    expect(safeImageUrl('https://cdn.example.com/logos/acme.png')).toBe(
      'https://cdn.example.com/logos/acme.png',
    )
  })

  test.each([
    'javascript:alert(1)',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'data:image/png;base64,AAAA',
    'http://insecure.example.com/logo.png',
    '//cdn.example.com/logo.png',
    '/relative/logo.png',
    'not a url',
    '',
    undefined,
  ])('refuses %j', (value) => {
    expect(safeImageUrl(value)).toBeUndefined()
  })
})
