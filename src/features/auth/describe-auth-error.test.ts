import { OAuthError } from '@auth0/auth0-react'
import { describe, expect, it } from 'vitest'
import { describeAuthError } from './describe-auth-error'

describe('describeAuthError', () => {
  it("keeps the tenant's code and words, and says what to do", () => {
    expect(describeAuthError(new OAuthError('access_denied', 'User did not consent'))).toEqual({
      code: 'access_denied',
      message: 'User did not consent',
      nextStep: expect.stringMatching(/ask a tenant owner/),
    })
  })

  it('explains a replayed sign-in response', () => {
    const replayed = Object.assign(new Error('Invalid state'), { error: 'missing_transaction' })

    expect(describeAuthError(replayed).nextStep).toMatch(/already used/)
  })

  it('falls back to the code when there is no description, and to general advice', () => {
    expect(describeAuthError(new OAuthError('server_error'))).toEqual({
      code: 'server_error',
      message: 'server_error',
      nextStep: expect.stringMatching(/^Try again/),
    })
  })

  it('describes a plain error by its message', () => {
    expect(describeAuthError(new Error('Network down')).code).toBeUndefined()
  })
})
