import { describe, expect, test } from 'vitest'
import type { Memberships } from '@/features/organizations/api'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Organization, User } from '@/lib/management-api/schemas'
import type { ReviewEntry } from './review-input'
import {
  emptyReview,
  loadedUsers,
  lookupsIn,
  reviewFailures,
  reviewProgress,
  reviewReducer,
  reviewRows,
  type LoadedMemberships,
  type ReviewEvent,
  type ReviewState,
  type Step,
} from './review-state'

const ENTRIES: ReviewEntry[] = [
  { kind: 'email', input: 'pat@example.com', email: 'pat@example.com' },
  { kind: 'user-id', input: 'auth0|gone', userId: 'auth0|gone' },
  { kind: 'user-id', input: 'auth0|pat', userId: 'auth0|pat' },
]
const PAT: User = { user_id: 'auth0|pat', email: 'pat@example.com' }
const PAT_GOOGLE: User = { user_id: 'google-oauth2|pat', email: 'pat@example.com' }
const ACME: Organization = { id: 'org_acme', name: 'acme' }
const BETA: Organization = { id: 'org_beta', name: 'beta' }

function listOf(organizations: Organization[]): Memberships {
  return {
    ...emptyListLoad(),
    items: organizations,
    loadedCount: organizations.length,
    total: organizations.length,
    complete: true,
  }
}

function fold(events: ReviewEvent[]): ReviewState {
  return events.reduce(reviewReducer, emptyReview)
}

const RESOLVED: ReviewEvent[] = [
  { type: 'reset', entries: ENTRIES, refused: [] },
  { type: 'started', entries: [0, 1, 2], userIds: [] },
  { type: 'resolved', index: 0, users: [PAT, PAT_GOOGLE] },
  { type: 'entry', index: 1, step: { status: 'failed', error: new Error('404') } },
  { type: 'resolved', index: 2, users: [PAT] },
]

describe('review state', () => {
  test('lists every account of an email, and a user two entries found once, with both', () => {
    const state = fold([
      ...RESOLVED,
      { type: 'user', userId: PAT.user_id, step: done([ACME, BETA]) },
      { type: 'user', userId: PAT_GOOGLE.user_id, step: done([]) },
    ])

    expect(reviewRows(loadedUsers(state))).toEqual([
      { inputs: ['pat@example.com', 'auth0|pat'], user: PAT, organization: ACME },
      { inputs: ['pat@example.com', 'auth0|pat'], user: PAT, organization: BETA },
      { inputs: ['pat@example.com'], user: PAT_GOOGLE },
    ])
    expect(reviewProgress(state)).toMatchObject({ total: 3, reviewed: 3, done: 2, failed: 1 })
  })

  test('keeps each failure beside what loaded: the entry, and the user whose list failed', () => {
    const error = new Error('500')
    const state = fold([
      ...RESOLVED,
      { type: 'user', userId: PAT.user_id, step: done([ACME]) },
      { type: 'user', userId: PAT_GOOGLE.user_id, step: { status: 'failed', error } },
    ])

    expect(reviewFailures(state)).toEqual([
      { input: 'pat@example.com', user: PAT_GOOGLE, error },
      { input: 'auth0|gone', error: expect.any(Error) },
    ])
    expect(reviewRows(loadedUsers(state))).toHaveLength(1)
    expect(lookupsIn(state, 'failed')).toEqual({ entries: [1], userIds: [PAT_GOOGLE.user_id] })
  })

  test('counts lookups waiting for a 429 and the latest reset they wait for', () => {
    const state = fold([
      ...RESOLVED,
      {
        type: 'user',
        userId: PAT.user_id,
        step: { status: 'running', retryAt: new Date(2000) },
      },
      {
        type: 'user',
        userId: PAT_GOOGLE.user_id,
        step: { status: 'running', retryAt: new Date(5000) },
      },
    ])

    expect(reviewProgress(state)).toMatchObject({ waiting: 2, waitingUntil: new Date(5000) })
  })

  test('a cancel leaves what loaded, and marks the unfinished for Resume', () => {
    const state = fold([
      ...RESOLVED,
      { type: 'user', userId: PAT.user_id, step: done([ACME]) },
      { type: 'user', userId: PAT_GOOGLE.user_id, step: { status: 'running' } },
      { type: 'finished' },
    ])

    expect(state.running).toBe(false)
    expect(reviewRows(loadedUsers(state))).toHaveLength(1)
    expect(reviewProgress(state).cancelled).toBe(1)
    expect(lookupsIn(state, 'cancelled')).toEqual({ entries: [], userIds: [PAT_GOOGLE.user_id] })
  })
})

function done(organizations: Organization[]): Step<LoadedMemberships> {
  return { status: 'done', result: { memberships: listOf(organizations), fetchedAt: 1000 } }
}
