import { describe, expect, it } from 'vitest'
import { readSearchRoute, toOrganization, toReview, toSearch, toUserOrganizations } from './routes'

describe('search route', () => {
  it('is plain / without a query', () => {
    expect(toSearch()).toBe('/')
    expect(toSearch({ q: '', advanced: false, page: 0 })).toBe('/')
  })

  it('keeps the query, the Advanced flag and a 1-based page in the URL', () => {
    expect(toSearch({ q: 'Jane Doe', advanced: true, page: 2 })).toBe(
      '/?q=Jane+Doe&advanced=1&page=3',
    )
  })

  it('reads back what it wrote, including ids with reserved characters', () => {
    const params = { q: 'auth0|what?really#100%25 & more', advanced: false, page: 4 }
    const search = toSearch(params).split('?')[1] ?? ''
    expect(readSearchRoute(search)).toEqual(params)
  })

  it('falls back to the first page for hand-edited page numbers', () => {
    for (const page of ['abc', '0', '-3', '1.5', '']) {
      expect(readSearchRoute(`q=x&page=${page}`).page).toBe(0)
    }
  })
})

describe('toUserOrganizations', () => {
  it('encodes the id as one path segment', () => {
    expect(toUserOrganizations('samlp|acme-saml|jane@acme.com')).toBe(
      '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations',
    )
  })
})

describe('toOrganization', () => {
  it('encodes the id as one path segment, whatever it holds', () => {
    expect(toOrganization('org_abc')).toBe('/organizations/org_abc')
    expect(toOrganization('org/../x?y#z%')).toBe('/organizations/org%2F..%2Fx%3Fy%23z%25')
  })
})

describe('toReview', () => {
  it('is the bulk review page, with nothing in the URL', () => {
    expect(toReview()).toBe('/review')
  })
})
