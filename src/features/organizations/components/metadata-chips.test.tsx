import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { MetadataChips } from './metadata-chips'

const METADATA = {
  plan: 'enterprise',
  region: 'eu-west-1',
  tier: 'platinum',
  notes: '<img src=x onerror="alert(1)">',
  owner: 'نور الهدى',
}

describe('"+N more" metadata', () => {
  it('opens by keyboard, lists every entry as text, and Escape puts focus back', async () => {
    const { user } = renderWithProviders(<MetadataChips metadata={METADATA} />)
    const more = screen.getByRole('button', { name: '+3 more metadata' })
    expect(more).toHaveAttribute('aria-expanded', 'false')

    await user.tab()
    expect(more).toHaveFocus()
    await user.keyboard('{Enter}')

    const dialog = await screen.findByRole('dialog', { name: 'Metadata, 5 entries' })
    // Focus moves into the popover (itself: it holds text only).
    await waitFor(() => expect(dialog).toHaveFocus())
    const terms = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent)
    const values = within(dialog)
      .getAllByRole('definition')
      .map((value) => value.textContent)
    expect(terms).toEqual(Object.keys(METADATA))
    expect(values).toEqual(Object.values(METADATA))
    // Untrusted values stay text: no element is made of them.
    expect(within(dialog).queryByRole('img')).not.toBeInTheDocument()
    expect(within(dialog).getByText('<img src=x onerror="alert(1)">')).toBeVisible()

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: '+3 more metadata' })).toHaveFocus()
  })

  it('opens by a tap and closes by a tap outside', async () => {
    const { user } = renderWithProviders(
      <>
        <MetadataChips metadata={METADATA} />
        <p>Elsewhere</p>
      </>,
    )

    await user.click(screen.getByRole('button', { name: '+3 more metadata' }))
    expect(await screen.findByRole('dialog', { name: 'Metadata, 5 entries' })).toBeVisible()
    expect(screen.getByRole('button', { name: '+3 more metadata' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )

    await user.click(screen.getByText('Elsewhere'))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('has no "+N more" when every entry shows', () => {
    renderWithProviders(<MetadataChips metadata={{ plan: 'free', region: 'us' }} />)
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(screen.getByText('free')).toBeVisible()
  })
})
