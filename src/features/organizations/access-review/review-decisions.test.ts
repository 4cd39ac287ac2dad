import { describe, expect, it } from 'vitest'
import {
  decide,
  DecisionRefused,
  hintsFor,
  isReviewersOwn,
  progressOf,
  signOffBlockedBy,
  startReview,
} from './review-decisions'

const reviewer = { sub: 'auth0|admin-ada', email: 'Ada@Orgscope.test', name: 'Ada Admin' }
const subject = { kind: 'user' as const, userId: 'auth0|li', email: 'li@example.com' }
const now = new Date('2026-12-07T10:00:00.000Z')
const none: ReadonlySet<string> = new Set()

describe('the self-review guard', () => {
  it('knows the reviewer by user id', () => {
    expect(isReviewersOwn(reviewer, { userId: 'auth0|admin-ada' })).toBe(true)
  })

  it('knows a second account under the reviewer’s email, whatever its case', () => {
    expect(isReviewersOwn(reviewer, { userId: 'google|9', email: ' ada@orgscope.TEST ' })).toBe(
      true,
    )
  })

  it('leaves other people’s accounts to the reviewer', () => {
    expect(isReviewersOwn(reviewer, { userId: 'auth0|li', email: 'li@example.com' })).toBe(false)
    expect(isReviewersOwn({ sub: 'auth0|x' }, { userId: 'auth0|li' })).toBe(false)
  })

  it('refuses a decision on the reviewer’s own row and changes nothing', () => {
    const review = startReview(subject, reviewer, now)
    expect(() =>
      decide(
        review,
        ['org_a', 'org_own'],
        { decision: 'keep', reason: '' },
        new Set(['org_own']),
        now,
      ),
    ).toThrow(DecisionRefused)
    expect(review.decisions).toEqual({})
  })
})

describe('decisions', () => {
  it('records who-decided-when data in UTC with the reason trimmed', () => {
    const review = decide(
      startReview(subject, reviewer, now),
      ['org_a'],
      { decision: 'revoke', reason: '  left the team ' },
      none,
      now,
    )
    expect(review.startedAt).toBe('2026-12-07T10:00:00.000Z')
    expect(review.decisions).toEqual({
      org_a: { decision: 'revoke', reason: 'left the team', decidedAt: '2026-12-07T10:00:00.000Z' },
    })
  })

  it('needs a reason for revoke and for don’t know, not for keep', () => {
    const review = startReview(subject, reviewer, now)
    expect(() => decide(review, ['a'], { decision: 'revoke', reason: ' ' }, none, now)).toThrow(
      '"Revoke" needs a reason.',
    )
    expect(() => decide(review, ['a'], { decision: 'unsure', reason: '' }, none, now)).toThrow(
      '"Don\'t know" needs a reason.',
    )
    expect(
      decide(review, ['a'], { decision: 'keep', reason: '' }, none, now).decisions.a?.decision,
    ).toBe('keep')
  })

  it('applies one decision to a whole selection', () => {
    const review = decide(
      startReview(subject, reviewer, now),
      ['a', 'b', 'c'],
      { decision: 'keep', reason: 'still a customer' },
      none,
      now,
    )
    expect(Object.keys(review.decisions)).toEqual(['a', 'b', 'c'])
    expect(review.decisions.b).toMatchObject({ decision: 'keep', reason: 'still a customer' })
  })
})

describe('progress', () => {
  it('counts decided rows of the list now, per decision, with the reviewer’s own set apart', () => {
    let review = startReview(subject, reviewer, now)
    review = decide(review, ['a', 'b'], { decision: 'keep', reason: '' }, none, now)
    review = decide(review, ['c'], { decision: 'revoke', reason: 'gone' }, none, now)
    // "gone" left the list since it was decided: it no longer counts.
    review = decide(review, ['gone'], { decision: 'keep', reason: '' }, none, now)
    expect(progressOf(review, ['a', 'b', 'c', 'd', 'own'], new Set(['own']))).toEqual({
      reviewable: 4,
      decided: 3,
      own: 1,
      counts: { keep: 2, revoke: 1, unsure: 0 },
    })
  })
})

describe('hints', () => {
  it('flags blocked users, no login for over 90 days, and never logged in', () => {
    const day = 24 * 60 * 60 * 1000
    expect(hintsFor({ blocked: true, lastLogin: now, known: true }, now)).toEqual(['blocked'])
    expect(hintsFor({ lastLogin: new Date(now.getTime() - 91 * day), known: true }, now)).toEqual([
      'inactive-90-days',
    ])
    expect(hintsFor({ lastLogin: new Date(now.getTime() - 89 * day), known: true }, now)).toEqual(
      [],
    )
    expect(hintsFor({ known: true }, now)).toEqual(['never-logged-in'])
    // Without the account's record (an organization's member list), nothing is guessed.
    expect(hintsFor({ known: false }, now)).toEqual([])
  })
})

describe('sign-off', () => {
  const whole = { complete: true, capped: false }
  const progress = (reviewable: number, decided: number) => ({
    reviewable,
    decided,
    own: 0,
    counts: { keep: decided, revoke: 0, unsure: 0 },
  })

  it('waits for the whole list, every decision, and something to decide', () => {
    expect(signOffBlockedBy({ complete: false, capped: false }, progress(3, 3), 'member')).toBe(
      'Sign-off waits until every member has loaded.',
    )
    expect(signOffBlockedBy(whole, progress(3, 1), 'membership')).toBe('2 rows still to decide.')
    expect(signOffBlockedBy(whole, progress(0, 0), 'membership')).toBe(
      'Nothing here is yours to decide.',
    )
    expect(signOffBlockedBy(whole, progress(3, 3), 'membership')).toBeUndefined()
  })

  it('refuses a list cut at the API’s cap, even with every row decided', () => {
    expect(
      signOffBlockedBy({ complete: true, capped: true }, progress(3, 3), 'membership'),
    ).toMatch(
      /^Sign-off is not possible: this list stops at the API’s 1,000 cap, so the pack would miss memberships\.$/,
    )
  })
})
