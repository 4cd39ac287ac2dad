import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '@/testing/render'

describe('dark theme toggle', () => {
  it('switches the whole page to the dark theme and back, and remembers the choice', async () => {
    const { user } = renderApp({ route: '/' })
    const toggle = within(await screen.findByRole('banner')).getByRole('button', {
      name: 'Dark theme',
    })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')

    await user.click(toggle)

    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark')
    expect(localStorage.getItem('mantine-color-scheme-value')).toBe('dark')

    await user.click(toggle)

    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light')
  })
})
