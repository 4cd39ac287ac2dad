import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parseConfig } from './config'
import { Root } from './root'

describe('Root with a broken configuration', () => {
  it('shows a full-page screen naming each missing variable and how to set it', () => {
    render(<Root configResult={parseConfig({})} />)

    expect(screen.getByRole('heading', { name: 'Orgscope is not configured' })).toBeVisible()
    const problems = screen.getByRole('alert')
    expect(within(problems).getByText('VITE_AUTH0_DOMAIN')).toBeVisible()
    expect(within(problems).getByText('VITE_AUTH0_CLIENT_ID')).toBeVisible()
    expect(problems).toHaveTextContent('2 build settings need attention')
    expect(screen.getByText('.env.local')).toBeVisible()
  })

  it('says what is wrong with a malformed value', () => {
    render(
      <Root
        configResult={parseConfig({
          VITE_AUTH0_DOMAIN: 'https://travel0.us.auth0.com/authorize',
          VITE_AUTH0_CLIENT_ID: 'abc',
        })}
      />,
    )

    const problems = screen.getByRole('alert')
    expect(problems).toHaveTextContent('One build setting needs attention')
    expect(problems).toHaveTextContent(
      'VITE_AUTH0_DOMAIN must be a bare host or an origin without a path',
    )
  })
})
