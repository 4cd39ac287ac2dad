/**
 * The bulk review's filter at about 2,000 rows beside about 500 failures: the review's table and
 * its failures list are on the page together, and a keystroke must not re-render the list.
 *
 * The tenant's own users make the review: Theo (1,000 memberships) and Olive (1,200, all of them
 * by checkpoint) give 2,200 rows; 498 emails no account has give 498 failed lookups, filling the
 * review's 500 entries. The keystrokes are measured as on the other tables (measure-filter.ts).
 */
import type { BrowserContext } from '@playwright/test'
import { NAMED_USERS } from '../server/local-tenant/seed/named-users'
import { REVIEW_LIMIT } from '../src/features/review/review-input'
import { toReview } from '../src/lib/routes'
import { measureFilter, type FilterLatency } from './measure-filter'

const { thousandMemberships, overflowMemberships } = NAMED_USERS
const FOUND = [thousandMemberships, overflowMemberships]
export const REVIEW_ROWS = FOUND.reduce((sum, user) => sum + user.memberships, 0)
export const REVIEW_FAILURES = REVIEW_LIMIT - FOUND.length
/** Theo's email: half the rows match, then fewer; "labs" is in organization names; then Olive's. */
const WORDS = ['thousand', 'labs', 'overflow']
/** Looking up 500 entries, 4 at a time at 80 ms a call, takes tens of seconds. */
const REVIEW_TIMEOUT_MS = 180_000

/** Reviews the list on a new page of `context`, then times 30 keystrokes into its filter. */
export async function measureReviewFilter(context: BrowserContext): Promise<FilterLatency> {
  const page = await context.newPage()
  try {
    await page.goto(toReview())
    const unknown = Array.from(
      { length: REVIEW_FAILURES },
      (_, index) => `nobody.${String(index).padStart(3, '0')}@bench.example.com`,
    )
    const list = [...FOUND.map((user) => user.email), ...unknown]
    await page.getByRole('textbox', { name: 'User ids or emails' }).fill(list.join('\n'))
    await page.getByRole('button', { name: 'Review' }).click()
    const entries = list.length
    await page
      .getByRole('progressbar', { name: `Looked up ${entries} of ${entries} entries` })
      .waitFor({ timeout: REVIEW_TIMEOUT_MS })
    await page.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached' })
    const failures = page.getByRole('region', { name: 'Lookups that failed' }).getByRole('listitem')
    const failed = await failures.count()
    if (failed !== REVIEW_FAILURES) {
      throw new Error(`The review listed ${failed} failures, not ${REVIEW_FAILURES}.`)
    }
    const rows = REVIEW_ROWS.toLocaleString('en-US')
    return await measureFilter(page, {
      table: {
        table: 'Memberships under review',
        rows: REVIEW_ROWS,
        totalText: `${rows} rows for ${FOUND.length} users`,
      },
      words: WORDS,
    })
  } finally {
    await page.close()
  }
}
