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
})
