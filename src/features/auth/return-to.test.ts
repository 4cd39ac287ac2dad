import { afterEach, describe, expect, it } from 'vitest'
import { onRedirectCallback, returnToFor, safeReturnTo } from './return-to'

const ORIGIN = 'http://localhost:3000'

describe('safeReturnTo', () => {
  it('keeps a same-origin deep link exactly, encoding included', () => {
    expect(
      safeReturnTo('/users/samlp%7Cacme%7Cjane%40acme.com/organizations?q=a%25b', ORIGIN),
    ).toBe('/users/samlp%7Cacme%7Cjane%40acme.com/organizations?q=a%25b')
  })

  it.each([
    ['another origin', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example/steal'],
    ['a backslash that browsers read as a slash', '/\\evil.example/steal'],
    ['a tab hidden in the slashes', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'users/x'],
    ['something that is not a string', { path: '/x' }],
    ['nothing', undefined],
  ])('sends %s to the search page instead', (_label, returnTo) => {
    expect(safeReturnTo(returnTo, ORIGIN)).toBe('/')
  })
})

describe('onRedirectCallback', () => {
  afterEach(() => window.history.replaceState(null, '', '/'))

  it('returns to the deep link and drops ?code and ?state from the address bar', () => {
    window.history.replaceState(null, '', '/?code=abc&state=xyz')

    onRedirectCallback({ returnTo: '/users/auth0%7C42/organizations' })

    expect(window.location.pathname + window.location.search).toBe(
      '/users/auth0%7C42/organizations',
    )
  })

  it('rejects a foreign returnTo and lands on the search page', () => {
    window.history.replaceState(null, '', '/?code=abc&state=xyz')

    onRedirectCallback({ returnTo: 'https://evil.example/phish' })

    expect(window.location.href).toBe(`${ORIGIN}/`)
  })

  it('lands on the search page when there is no appState', () => {
    window.history.replaceState(null, '', '/?code=abc&state=xyz')

    onRedirectCallback(undefined)

    expect(window.location.href).toBe(`${ORIGIN}/`)
  })
})

describe('returnToFor', () => {
  it('keeps the path and the raw query as they are', () => {
    expect(returnToFor('/users/a%7Cb/organizations', 'filter=acme%20corp')).toBe(
      '/users/a%7Cb/organizations?filter=acme%20corp',
    )
  })

  it('drops what a failed sign-in left in the query', () => {
    expect(returnToFor('/', 'error=access_denied&error_description=No&state=s1&q=jane')).toBe(
      '/?q=jane',
    )
    expect(returnToFor('/', 'error=access_denied&state=s1')).toBe('/')
  })
})
