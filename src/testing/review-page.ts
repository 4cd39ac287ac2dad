import { screen } from '@testing-library/react'
import type { RenderAppResult } from './render'

/** Pastes `lines` into the bulk review, starts it, and waits until every entry is looked up. */
export async function reviewUsers(user: RenderAppResult['user'], lines: readonly string[]) {
  await user.click(
    await screen.findByRole('textbox', { name: 'User ids or emails' }, { timeout: 5000 }),
  )
  await user.paste(lines.join('\n'))
  await user.click(screen.getByRole('button', { name: 'Review' }))
  const done = `Looked up ${lines.length} of ${lines.length} entries`
  await screen.findByRole('progressbar', { name: done }, { timeout: 8000 })
}
