import { describe, expect, it } from 'vitest'
import { originOfDomain, parseOrigin, parseTenantDomain } from './tenant-domain'

describe('parseTenantDomain', () => {
  it.each([
    // A bare host means https; auth0-react gets it as given.
    ['travel0.us.auth0.com', 'travel0.us.auth0.com', 'https://travel0.us.auth0.com'],
    ['Travel0.US.auth0.com/', 'Travel0.US.auth0.com', 'https://travel0.us.auth0.com'],
    ['localhost:4010', 'localhost:4010', 'https://localhost:4010'],
    // A full origin is used as given, without its trailing slash.
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['https://tenant.eu.auth0.com', 'https://tenant.eu.auth0.com', 'https://tenant.eu.auth0.com'],
  ])('reads %j as the domain %j on %j', (raw, domain, origin) => {
    expect(parseTenantDomain(raw)).toEqual({ domain, origin })
    expect(originOfDomain(raw)).toBe(origin)
  })

  it.each([
    ['https://tenant.eu.auth0.com/api', /without a path/],
    ['https://travel0.us.auth0.com/authorize', /without a path/],
    ['http://127.0.0.1:4010?x=1', /without a path/],
    ['http://user@127.0.0.1:4010', /without a path/],
    ['ftp://travel0.us.auth0.com', /must use https:\/\/ or http:\/\/, not ftp:\/\//],
    ['http://exa mple.com', /is not a valid URL/],
    ['tenant.example.com?x=1', /must be a host like/],
    ['travel0.us.auth0.com/api', /must be a host like/],
    ['travel0 us auth0 com', /must be a host like/],
    ['-travel0.auth0.com', /must be a host like/],
    ['localhost:99999', /must be a host like/],
    ['', /must be a host like/],
  ])('refuses %j', (raw, problem) => {
    expect(parseTenantDomain(raw)).toEqual({ problem: expect.stringMatching(problem) })
    expect(originOfDomain(raw)).toBeUndefined()
  })
})

describe('parseOrigin', () => {
  it.each([
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://Orgscope.example.com/', 'https://orgscope.example.com'],
    ['http://app.example.com/app', { problem: expect.stringMatching(/without a path/) }],
    ['app.example.com', { problem: 'is not a valid URL' }],
  ])('reads %j as %j', (value, expected) => {
    expect(parseOrigin(value)).toEqual(expected)
  })
})
