import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { Freshness } from './freshness'

const FETCHED = new Date('2026-12-07T22:40:12.000Z')
let timeZone: string | undefined

beforeEach(() => {
  // A fixed zone (Node applies a changed TZ at once), so the test reads the same everywhere.
  timeZone = process.env.TZ
  process.env.TZ = 'Europe/Berlin'
  vi.useFakeTimers({ now: FETCHED.getTime() + 40_000, toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  if (timeZone === undefined) delete process.env.TZ
  else process.env.TZ = timeZone
})

test('says when the list was fetched with the date and the zone, and the UTC instant in its title', () => {
  render(
    <MantineProvider env="test">
      <Freshness updatedAt={FETCHED.getTime()} refreshing={false} onRefresh={() => {}} />
    </MantineProvider>,
  )
  const line = screen.getByText(/^As of /)
  expect(line).toHaveTextContent('As of 7 Dec 2026, 23:40:12 GMT+1 · 40 seconds ago')
  expect(line).toHaveAttribute('title', 'Fetched 2026-12-07T22:40:12.000Z (UTC)')
})
