import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '@/testing/render'

describe('page shell', () => {
  it('links the product name home from any page', async () => {
    const { user, location } = renderApp({ route: '/users/auth0%7C1/organizations' })
    await screen.findByRole('heading', { name: 'Organizations' })

    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'Orgscope' }))

    expect(await screen.findByRole('heading', { name: 'Find a user' })).toBeVisible()
    expect(location.history.at(-1)).toBe('/')
  })

  it('links Search and Bulk review from the header, marking the page that is open', async () => {
    const { user, location } = renderApp({ route: '/' })
    await screen.findByRole('heading', { name: 'Find a user' })
    const nav = within(screen.getByRole('banner')).getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Search' })).toHaveAttribute(
      'aria-current',
      'page',
    )

    await user.click(within(nav).getByRole('link', { name: 'Bulk review' }))

    expect(await screen.findByRole('heading', { name: 'Bulk review' })).toBeVisible()
    expect(location.history.at(-1)).toBe('/review')
    expect(within(nav).getByRole('link', { name: 'Bulk review' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(within(nav).getByRole('link', { name: 'Search' })).not.toHaveAttribute('aria-current')
  })
})
