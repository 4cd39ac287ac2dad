import { describe, expect, it } from 'vitest'
import { connectionLabelOf, displayNameOf, parseApiDate } from './user-facts'

describe('user facts', () => {
  it('names a user by name, else email, else nickname, else id', () => {
    expect(displayNameOf({ user_id: 'a|1', name: 'Ann', email: 'a@x.io' })).toBe('Ann')
    expect(displayNameOf({ user_id: 'a|1', name: '  ', email: 'a@x.io' })).toBe('a@x.io')
    expect(displayNameOf({ user_id: 'a|1', nickname: 'annie' })).toBe('annie')
    expect(displayNameOf({ user_id: 'a|1' })).toBe('a|1')
  })

  it('labels the connection, without repeating a provider that is its own connection', () => {
    const identity = { connection: 'acme-saml', provider: 'samlp' }
    expect(connectionLabelOf({ user_id: 'x', identities: [identity] })).toBe('acme-saml · samlp')
    expect(
      connectionLabelOf({
        user_id: 'x',
        identities: [{ connection: 'google-oauth2', provider: 'google-oauth2' }],
      }),
    ).toBe('google-oauth2')
    expect(connectionLabelOf({ user_id: 'github|42' })).toBe('github')
    expect(connectionLabelOf({ user_id: 'no-provider' })).toBeUndefined()
  })

  it('reads API dates, treating unreadable ones as absent', () => {
    expect(parseApiDate('2025-06-30T12:00:00.000Z')?.toISOString()).toBe('2025-06-30T12:00:00.000Z')
    expect(parseApiDate('yesterday')).toBeUndefined()
    expect(parseApiDate(undefined)).toBeUndefined()
  })
})
