import type { QueryState } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { ManagementApiError, type ManagementApiErrorInit } from '@/lib/management-api/errors'
import { sharedRolesRefusal } from './roles-notice'

type State = Pick<QueryState<unknown>, 'data' | 'status' | 'error' | 'fetchStatus'>

const failed = (init: Partial<ManagementApiErrorInit>): State => ({
  data: undefined,
  status: 'error',
  fetchStatus: 'idle',
  error: new ManagementApiError({
    kind: 'http',
    message: 'refused',
    requestPath: '/x',
    receivedAt: new Date(),
    ...init,
  }),
})
const refused = (scope: string) => failed({ status: 403, missingScopes: [scope] })
const loaded: State = { data: [], status: 'success', error: null, fetchStatus: 'idle' }
const neverAsked: State = { data: undefined, status: 'pending', error: null, fetchStatus: 'idle' }
const onItsWay: State = { ...neverAsked, fetchStatus: 'fetching' }

describe('when every roles lookup was refused for the same scope', () => {
  test('names the scope once, counting only the lookups that answered; one on its way leaves it unsettled', () => {
    const scope = refused('read:organization_member_roles')
    expect(sharedRolesRefusal([scope, neverAsked, scope])).toEqual({
      scopes: ['read:organization_member_roles'],
      settled: true,
    })
    expect(sharedRolesRefusal([scope, onItsWay])).toEqual({
      scopes: ['read:organization_member_roles'],
      settled: false,
    })
  })

  test('says nothing when a lookup succeeded, failed otherwise, or asked for another scope', () => {
    const scope = refused('read:organization_member_roles')
    expect(sharedRolesRefusal([scope, loaded])).toBeUndefined()
    expect(sharedRolesRefusal([scope, failed({ status: 500 })])).toBeUndefined()
    expect(sharedRolesRefusal([scope, refused('read:organizations')])).toBeUndefined()
    expect(sharedRolesRefusal([neverAsked, onItsWay])).toBeUndefined()
  })
})
