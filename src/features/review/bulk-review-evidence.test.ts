import { describe, expect, test } from 'vitest'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Organization, User } from '@/lib/management-api/schemas'
import { bulkReviewPackInput, type BulkReviewEvidence } from './bulk-review-evidence'
import { reviewRows, type ReviewedMemberships } from './review-state'

const ACME: Organization = { id: 'org_acme', name: 'acme', display_name: 'Acme' }
const PAT: User = { user_id: 'auth0|pat', email: 'pat@example.com', blocked: true }
const LEE: User = { user_id: 'auth0|lee', email: 'lee@example.com' }

const listOf = (items: Organization[], more: Partial<ReviewedMemberships['memberships']> = {}) => ({
  ...emptyListLoad<Organization>(),
  complete: true,
  items,
  total: items.length,
  pagination: 'checkpoint' as const,
  ...more,
})

function evidence(users: ReviewedMemberships[], more: Partial<BulkReviewEvidence> = {}) {
  const input: BulkReviewEvidence = {
    review: {
      version: 1,
      subject: { kind: 'users', entries: ['pat@example.com', 'auth0|lee', 'jane doe'] },
      reviewer: { sub: 'auth0|ada', email: 'ada@orgscope.test' },
      startedAt: '2026-01-02T03:00:00.000Z',
      decisions: {
        'auth0|pat\u0000org_acme': {
          decision: 'revoke',
          reason: 'left',
          decidedAt: '2026-01-02T03:01:00.000Z',
        },
      },
    },
    tenantDomain: 'tenant.test',
    mode: 'direct',
    filter: '',
    requests: [],
    signedOffAt: new Date('2026-01-02T03:05:00.000Z'),
    countersign: undefined,
    entries: ['pat@example.com', 'auth0|lee'],
    refused: [],
    users,
    rows: reviewRows(users),
    failures: [],
    unfinished: 0,
    rolesOf: () => ({ status: 'loaded', roles: [] }),
    own: new Set(['auth0|lee\u0000org_acme']),
    hintsOf: (userId) => (userId === PAT.user_id ? ['blocked'] : []),
    ...more,
  }
  return bulkReviewPackInput(input)
}

const fetchedAt = Date.parse('2026-01-02T02:00:00.000Z')
const PAT_LIST = { user: PAT, inputs: ['pat@example.com'], fetchedAt, memberships: listOf([ACME]) }
const LEE_LIST = { user: LEE, inputs: ['auth0|lee'], fetchedAt, memberships: listOf([ACME]) }

describe('a bulk review as an evidence pack', () => {
  test('is scoped to the entries and refused lines, with a decision record per membership', () => {
    const refused = [{ line: 3, text: 'jane doe', reason: 'neither a user id nor an email' }]
    const pack = evidence([PAT_LIST, LEE_LIST], { refused })

    expect(pack.scope).toEqual({
      kind: 'users',
      entries: ['pat@example.com', 'auth0|lee'],
      refusedInput: refused,
    })
    expect(pack.decisions).toEqual([
      expect.objectContaining({
        userId: PAT.user_id,
        organizationId: 'org_acme',
        decision: 'revoke',
        decidedBy: 'ada@orgscope.test',
        flags: ['blocked'],
      }),
      // The reviewer's own row: never decided, flagged.
      expect.objectContaining({ userId: LEE.user_id, decision: null, flags: ['self-review'] }),
    ])
    // A refused line means someone was not reviewed: the population is not complete.
    expect(pack.population).toMatchObject({ rows: 2, total: 2, complete: false, capped: false })
  })

  test('is complete only when every list is whole, none capped and no lookup failed', () => {
    expect(evidence([PAT_LIST, LEE_LIST]).population).toMatchObject({
      complete: true,
      pagination: 'checkpoint',
      rolesComplete: true,
      fetchedAt: '2026-01-02T02:00:00.000Z',
    })
    const capped = { ...LEE_LIST, memberships: listOf([ACME], { capped: true, total: 1200 }) }
    expect(evidence([PAT_LIST, capped]).population).toMatchObject({
      complete: false,
      capped: true,
      total: 1201,
    })
    const failures = [{ input: 'gone@example.com', error: new Error('No user with this email.') }]
    expect(evidence([PAT_LIST, LEE_LIST], { failures }).population.complete).toBe(false)
    expect(
      evidence([PAT_LIST, LEE_LIST], { rolesOf: () => ({ status: 'not loaded' }) }).population
        .rolesComplete,
    ).toBe(false)
  })
})
