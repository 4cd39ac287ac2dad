import { useAuth0 } from '@auth0/auth0-react'
import { useEffect, useState } from 'react'
import {
  decide,
  startReview,
  type AccessReview,
  type Decision,
  type Reviewer,
  type ReviewSubject,
} from './review-decisions'
import { discardReview, loadReview, reviewKey, saveReview } from './review-store'

/** The signed-in admin as the ID token (verified by the Auth0 SDK) names them. */
export function useReviewer(): Reviewer {
  const { user } = useAuth0()
  return { sub: user?.sub ?? 'unknown', email: user?.email, name: user?.name }
}

export interface AccessReviewState {
  reviewer: Reviewer
  /** Undefined while the saved review is read; null: no review started. */
  review: AccessReview | null | undefined
  /** The browser refused to store the last change: it is lost on reload. */
  unsaved: boolean
  start: () => void
  /** Throws DecisionRefused (a missing reason, the reviewer's own row), changing nothing. */
  decide: (keys: readonly string[], choice: { decision: Decision; reason: string }) => void
  /** Deletes the review and its saved copy. */
  discard: () => void
}

/**
 * The review of `subject` by the signed-in admin: read from IndexedDB when the page opens, saved
 * after every change. `own` holds the keys of the rows about the reviewer's own account.
 */
export function useAccessReview(
  subject: ReviewSubject,
  own: ReadonlySet<string>,
): AccessReviewState {
  const reviewer = useReviewer()
  const key = reviewKey(reviewer.sub, subject)
  const [review, setReview] = useState<AccessReview | null | undefined>(undefined)
  const [unsaved, setUnsaved] = useState(false)

  useEffect(() => {
    let current = true
    void loadReview(key).then((saved) => {
      if (current) setReview(saved ?? null)
    })
    return () => {
      current = false
    }
  }, [key])

  const commit = (next: AccessReview) => {
    setReview(next)
    void saveReview(key, next).then((saved) => setUnsaved(!saved))
  }

  return {
    reviewer,
    review,
    unsaved,
    start: () => commit(startReview(subject, reviewer, new Date())),
    decide(keys, choice) {
      if (review) commit(decide(review, keys, choice, own, new Date()))
    },
    discard() {
      setReview(null)
      setUnsaved(false)
      void discardReview(key)
    },
  }
}
