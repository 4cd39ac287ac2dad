import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp, SAM } from '@/testing/render'

describe('account menu', () => {
  it('names the signed-in admin on its button', async () => {
    renderApp({ signedInAs: SAM })

    expect(
      await screen.findByRole('button', { name: 'Account: Sam Support (no read:organizations)' }),
    ).toBeVisible()
  })

  it("shows the admin's name and email, and signs out through the tenant", async () => {
    const { user, auth } = renderApp()

    await user.click(await screen.findByRole('button', { name: 'Account: Ada Admin' }))

    const menu = screen.getByRole('menu')
    expect(menu).toHaveTextContent('Ada Admin')
    expect(menu).toHaveTextContent('ada@orgscope.test')

    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))

    expect(auth.logout).toHaveBeenCalledExactlyOnceWith({
      logoutParams: { returnTo: window.location.origin },
    })
  })
})
