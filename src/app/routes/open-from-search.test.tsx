import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { holdRequests } from '@/testing/held-requests'
import { renderApp } from '@/testing/render'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'

/**
 * Opening a user the way people do: search, rest on the result (which starts loading their
 * memberships), then a quick click or Enter — under StrictMode, as `npm start` runs, while the
 * pages and the user's own record are still on their way.
 */

const { thousandMemberships } = NAMED_USERS

async function searchFor(text: string) {
  const view = renderApp({ route: '/', strict: true })
  await view.user.type(await screen.findByRole('searchbox', { name: 'Search users' }), text)
  return { ...view, result: await screen.findByRole('link', { name: new RegExp(text) }) }
}

describe('a user opened from the search results', () => {
  it.each([
    ['a click', 'click'],
    ['Enter', 'enter'],
  ] as const)(
    'loads every organization when opened by %s while its pages are still arriving',
    async (_, how) => {
      // Every page after the first, and the user's record, wait until the page is open.
      const pages = holdRequests(
        '/api/v2/users/:id/organizations',
        (url) => url.searchParams.get('page') !== '0',
      )
      const record = holdRequests('/api/v2/users/:id', () => true)
      const { user, result } = await searchFor(thousandMemberships.email)

      // Resting on the result prefetches: the first page answers, the others are in flight.
      if (how === 'click') await user.hover(result)
      else result.focus()
      await waitFor(() => expect(pages.waiting()).toBeGreaterThan(0), { timeout: 5000 })
      if (how === 'click') await user.click(result)
      else await user.keyboard('{Enter}')
      expect(await screen.findByText('Loaded 50 of 1,000', {}, { timeout: 5000 })).toBeVisible()

      record.release()
      pages.release()

      const table = screen.getByRole('table', { name: 'Organizations' })
      await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '1001'), {
        timeout: 10_000,
      })
      expect(screen.queryByRole('progressbar', { name: /^Loaded/ })).not.toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled()
      // The link that was clicked is gone: focus starts again at the page's heading.
      expect(
        screen.getByRole('heading', { level: 1, name: thousandMemberships.name }),
      ).toHaveFocus()
    },
    15_000,
  )
})
