import { describe, expect, it } from 'vitest'
import { isOnAllowedOrigin } from './origins'

const allowed = ['http://127.0.0.1:5173', 'https://orgscope.example']

describe('isOnAllowedOrigin', () => {
  it.each([
    'http://127.0.0.1:5173',
    'http://127.0.0.1:5173/',
    'http://127.0.0.1:5173/users/auth0%7C1?x=1',
    'https://orgscope.example:443/callback',
    'HTTPS://ORGSCOPE.EXAMPLE/',
  ])('accepts %s', (url) => {
    expect(isOnAllowedOrigin(url, allowed)).toBe(true)
  })

  it.each([
    'http://127.0.0.1:51730/',
    'http://127.0.0.1:5173.evil.example/',
    'http://127.0.0.1:5173@evil.example/',
    'http://user:pw@127.0.0.1:5173/',
    'http://localhost:5173/',
    'http://orgscope.example/',
    'https://orgscope.example.evil/',
    '//orgscope.example/',
    '/relative',
    'javascript:alert(1)',
    'data:text/html,hi',
    '',
  ])('refuses %s', (url) => {
    expect(isOnAllowedOrigin(url, allowed)).toBe(false)
  })
})
