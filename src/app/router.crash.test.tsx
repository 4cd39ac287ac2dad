import { screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { toReview } from '@/lib/routes'
import { renderApp } from '@/testing/render'

// A page with a render bug, standing in for any page: the review page, until a test fixes it.
const reviewPage = vi.hoisted(() => ({ crashes: true }))
vi.mock('@/app/routes/review-page', () => ({
  default: function ReviewPageWithABug() {
    if (reviewPage.crashes) {
      throw new TypeError("Cannot read properties of undefined (reading 'map')")
    }
    return <h1>Bulk review</h1>
  },
}))

/** The app at the crashing page; React's report of each caught error is collected, not logged. */
function renderCrashingPage() {
  const caught: unknown[] = []
  const view = renderApp({ route: toReview(), onCaughtError: (error) => caught.push(error) })
  return { ...view, caught }
}

function crashPanel() {
  return screen.findByRole('alert', { name: 'Something went wrong on this page' })
}

describe('a page that fails to render', () => {
  beforeEach(() => {
    reviewPage.crashes = true
  })

  it('shows what went wrong inside the shell, and Back to search recovers', async () => {
    const { user, caught } = renderCrashingPage()

    const panel = await crashPanel()
    expect(panel).toHaveTextContent("Cannot read properties of undefined (reading 'map')")
    expect(caught).toContainEqual(expect.objectContaining({ name: 'TypeError' }))
    // The header stays: the admin can still move around and sign out.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible()
    expect(screen.getByRole('button', { name: /^Account:/ })).toBeVisible()

    await user.click(within(panel).getByRole('link', { name: 'Back to search' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Find a user' })).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('renders each page afresh once the admin navigates away and back', async () => {
    const { user } = renderCrashingPage()
    await crashPanel()
    const header = screen.getByRole('navigation', { name: 'Main' })

    await user.click(within(header).getByRole('link', { name: 'Search' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Find a user' })).toBeVisible()

    // Fixed meanwhile (a deploy, or data that no longer trips it): coming back shows the page.
    reviewPage.crashes = false
    await user.click(within(header).getByRole('link', { name: 'Bulk review' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Bulk review' })).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
