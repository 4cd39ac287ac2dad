import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { AccessReview, ReviewSubject } from './review-decisions'

// Work in progress survives a reload: each review is saved to IndexedDB, under the reviewer and
// the subject, as plain data — the subject, the reviewer's id and email, the decisions and their
// reasons. Never a token, never the API's answers: after a reload the list is fetched again and
// the decisions are matched to its rows by key. Discarding a review deletes it.

let store: UseStore | undefined
const reviews = () => (store ??= createStore('orgscope', 'access-reviews'))

/** What names the subject in its key: a bulk review's entries in any order, each once. */
function subjectId(subject: ReviewSubject): string | readonly string[] {
  switch (subject.kind) {
    case 'user':
      return subject.userId
    case 'organization':
      return subject.organizationId
    case 'users':
      // The same list pasted again, in another order or with a line twice, resumes its review.
      return [...new Set(subject.entries.map((entry) => entry.trim()))].sort()
  }
}

export function reviewKey(reviewerSub: string, subject: ReviewSubject): string {
  return JSON.stringify([reviewerSub, subject.kind, subjectId(subject)])
}

function isAccessReview(value: unknown): value is AccessReview {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    typeof (value as { decisions?: unknown }).decisions === 'object'
  )
}

/** The saved review, or undefined (none, or storage unavailable: a private window may refuse it). */
export async function loadReview(key: string): Promise<AccessReview | undefined> {
  try {
    const value: unknown = await get(key, reviews())
    return isAccessReview(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Resolves false when the browser would not store it: the page then says work is not saved. */
export async function saveReview(key: string, review: AccessReview): Promise<boolean> {
  try {
    await set(key, review, reviews())
    return true
  } catch {
    return false
  }
}

export async function discardReview(key: string): Promise<void> {
  try {
    await del(key, reviews())
  } catch {
    // Nothing was stored, or storage is gone: either way nothing is left to discard.
  }
}

/** Every saved review of this browser: tests start from none. */
export async function discardAllReviews(): Promise<void> {
  await clear(reviews())
}
