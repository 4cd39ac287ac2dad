import { screen, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import * as failureText from '@/lib/management-api/describe-failure'
import { emptyListLoad } from '@/lib/management-api/list-load'
import type { Organization, User } from '@/lib/management-api/schemas'
import { renderWithProviders } from '@/testing/render'
import type { ReviewedMemberships, ReviewFailure, ReviewRow } from '../review-state'
import { ReviewResults } from './review-results'

// Counts how often the failures list renders its items: it describes each failure per render.
vi.mock('@/lib/management-api/describe-failure', async (importOriginal) => {
  const actual = await importOriginal<typeof failureText>()
  return { ...actual, describeFailure: vi.fn(actual.describeFailure) }
})

const USERS: User[] = Array.from({ length: 20 }, (_, index) => ({
  user_id: `auth0|user${String(index).padStart(3, '0')}`,
  email: `user${index}@example.com`,
}))
const ORGANIZATIONS: Organization[] = Array.from({ length: 100 }, (_, index) => ({
  id: `org_${String(index).padStart(4, '0')}`,
  name: `org-${index}`,
  display_name: `Organization ${index}`,
}))
/** 2,000 rows: every user in every organization. */
const ROWS: ReviewRow[] = USERS.flatMap((user) =>
  ORGANIZATIONS.map((organization) => ({ inputs: [user.email ?? ''], user, organization })),
)
const REVIEWED: ReviewedMemberships[] = USERS.map((user) => ({
  user,
  inputs: [user.email ?? ''],
  memberships: { ...emptyListLoad<Organization>(), complete: true, items: ORGANIZATIONS },
  fetchedAt: Date.now(),
}))
const FAILURES: ReviewFailure[] = Array.from({ length: 50 }, (_, index) => ({
  input: `gone${index}@example.com`,
  error: new Error('No user with this email.'),
}))

function renderResults({ rows = ROWS, failures = FAILURES } = {}) {
  return renderWithProviders(
    <ReviewResults
      entries={USERS.map((user) => user.email ?? '')}
      users={REVIEWED}
      rows={rows}
      failures={failures}
      refused={[]}
      unfinished={0}
      running={false}
      onRefresh={() => {}}
    />,
  )
}

describe('review results', () => {
  test('2,000 rows are one table, of which only the rows in view are in the page', () => {
    renderResults()
    const table = screen.getByRole('table', { name: 'Memberships under review' })

    expect(table).toHaveAttribute('aria-rowcount', String(2000 + 1))
    const rendered = within(table).getAllByRole('row').length - 1
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(40)
  })

  test('a filter keystroke leaves the failures list alone', async () => {
    // Two users' 200 rows and ten failures: the point is what re-renders, not how many.
    const failures = FAILURES.slice(0, 10)
    const { user } = renderResults({ rows: ROWS.slice(0, 200), failures })
    expect(await screen.findAllByText('No user with this email.')).toHaveLength(failures.length)
    vi.mocked(failureText.describeFailure).mockClear()

    // Two keys, the second narrowing the rows to user1's 100; neither touches the list beside.
    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'r1')
    expect(await screen.findByText('Showing 100 matching \u201cr1\u201d')).toBeVisible()

    expect(failureText.describeFailure).not.toHaveBeenCalled()
  })
})
