import { describe, expect, test } from 'vitest'
import { ManagementApiError, type ManagementApiErrorInit } from '@/lib/management-api/errors'
import { describeRolesFailure } from './roles-failure'

const apiError = (init: Partial<ManagementApiErrorInit>) =>
  new ManagementApiError({
    kind: 'http',
    message: 'Something happened',
    requestPath: '/api/v2/organizations/org_1/members/auth0%7C1/roles',
    receivedAt: new Date(),
    ...init,
  })

describe('a failed roles lookup, as its row shows it', () => {
  test('403 names the missing scope and offers no retry, which cannot help', () => {
    const view = describeRolesFailure(
      apiError({
        status: 403,
        error: 'Forbidden',
        errorCode: 'insufficient_scope',
        message: 'Insufficient scope, expected any of: read:organization_member_roles',
        missingScopes: ['read:organization_member_roles'],
      }),
      false,
    )
    expect(view).toEqual({
      text: 'Needs read:organization_member_roles',
      reason: 'HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles',
      detail:
        "HTTP 403 Forbidden · insufficient_scope — missing read:organization_member_roles. A tenant owner can grant it to Orgscope's admins. Once it is granted, sign in again: only a new token carries it.",
      canRetry: false,
      missingScopes: ['read:organization_member_roles'],
    })
  })

  test('403 without a parsable message still names the roles scope', () => {
    expect(describeRolesFailure(apiError({ status: 403 }), false).text).toBe(
      'Needs read:organization_member_roles',
    )
  })

  test('429 while the retry policy waits for the reset: says so, without a button', () => {
    const view = describeRolesFailure(apiError({ status: 429, message: 'Too many' }), true)
    expect(view).toEqual({
      text: 'Rate limited, waiting…',
      reason: 'HTTP 429 — Too many',
      detail: 'HTTP 429 — Too many. Trying again by itself.',
      canRetry: false,
    })
  })

  test('a 429 that outlasted the retries, a 500 and a 404 offer a retry', () => {
    for (const status of [429, 500, 404]) {
      const view = describeRolesFailure(apiError({ status }), false)
      expect(view.text).toBe(`Failed (${status})`)
      expect(view.reason).toBe(`HTTP ${status} — Something happened`)
      expect(view.detail).toBe(view.reason)
      expect(view.canRetry).toBe(true)
    }
  })

  test('network failures, time-outs and odd bodies each read as what they are', () => {
    expect(describeRolesFailure(apiError({ kind: 'network' }), false)).toMatchObject({
      text: 'No connection',
      reason: 'No connection — Something happened',
    })
    expect(describeRolesFailure(apiError({ kind: 'timeout' }), false).text).toBe('Timed out')
    expect(describeRolesFailure(apiError({ kind: 'malformed', status: 200 }), false).text).toBe(
      'Unexpected answer',
    )
  })
})
