import { render, screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { ScopeText } from './scope-text'

describe('a scope name in text', () => {
  test('may break only after its ":" and "_", and reads as written', () => {
    render(<ScopeText>Needs read:organization_member_roles</ScopeText>)
    const text = screen.getByText('Needs read:organization_member_roles')

    // A break opportunity after each ":" and "_", and nowhere else: never inside a word.
    expect(text.innerHTML).toBe('Needs read:<wbr>organization_<wbr>member_<wbr>roles')
    expect(text).toHaveStyle({ overflowWrap: 'normal', wordBreak: 'keep-all' })
  })
})
