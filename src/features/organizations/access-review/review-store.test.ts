import { describe, expect, it } from 'vitest'
import { decide, startReview } from './review-decisions'
import { discardReview, loadReview, reviewKey, saveReview } from './review-store'

const reviewer = { sub: 'auth0|admin-ada', email: 'ada@orgscope.test' }
const subject = { kind: 'user' as const, userId: 'auth0|li' }

describe('saved reviews', () => {
  it('come back after a reload with their decisions, and are gone once discarded', async () => {
    const key = reviewKey(reviewer.sub, subject)
    const review = decide(
      startReview(subject, reviewer, new Date()),
      ['org_a'],
      { decision: 'revoke', reason: 'left' },
      new Set(),
      new Date(),
    )
    expect(await saveReview(key, review)).toBe(true)
    expect(await loadReview(key)).toEqual(review)
    await discardReview(key)
    expect(await loadReview(key)).toBeUndefined()
  })

  it('are kept per reviewer: another admin starts afresh on the same user', async () => {
    await saveReview(reviewKey(reviewer.sub, subject), startReview(subject, reviewer, new Date()))
    expect(await loadReview(reviewKey('auth0|admin-sam', subject))).toBeUndefined()
  })

  it('hold no token: only the subject, the reviewer and the decisions', async () => {
    const key = reviewKey(reviewer.sub, subject)
    await saveReview(key, startReview(subject, reviewer, new Date()))
    expect(Object.keys((await loadReview(key)) ?? {}).sort()).toEqual([
      'decisions',
      'reviewer',
      'startedAt',
      'subject',
      'version',
    ])
  })

  it('key a bulk review by its list: the same entries in another order resume it', () => {
    const users = (entries: string[]) => reviewKey(reviewer.sub, { kind: 'users', entries })
    expect(users(['b@example.com', 'auth0|a'])).toBe(
      users(['auth0|a', 'b@example.com ', 'auth0|a']),
    )
    expect(users(['auth0|a'])).not.toBe(users(['auth0|a', 'b@example.com']))
  })
})
