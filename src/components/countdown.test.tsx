import { MantineProvider } from '@mantine/core'
import { act, render, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { Countdown } from './countdown'

const NOW = new Date('2026-01-01T00:00:00.000Z')

afterEach(() => {
  vi.useRealTimers()
})

function countdownLine(untilMs: number) {
  render(
    <MantineProvider env="test">
      <p data-testid="line">
        <Countdown until={new Date(NOW.getTime() + untilMs)} prefix="Retrying in" done="Now." />
      </p>
    </MantineProvider>,
  )
  return screen.getByTestId('line')
}

test('changes the number when it changes, not on a 1 s grid from the first render', () => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  const shown = countdownLine(2500)
  expect(shown).toHaveTextContent('Retrying in 3 s')

  act(() => vi.advanceTimersByTime(499))
  expect(shown).toHaveTextContent('Retrying in 3 s')
  act(() => vi.advanceTimersByTime(1))
  expect(shown).toHaveTextContent('Retrying in 2 s')
  act(() => vi.advanceTimersByTime(999))
  expect(shown).toHaveTextContent('Retrying in 2 s')
  act(() => vi.advanceTimersByTime(1))
  expect(shown).toHaveTextContent('Retrying in 1 s')
  act(() => vi.advanceTimersByTime(1000))
  expect(shown).toHaveTextContent('Now.')
  // Done: nothing is left to wake it.
  expect(vi.getTimerCount()).toBe(0)
})

test('the changing number is not announced by the live region around it', () => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  countdownLine(4000)
  expect(screen.getByText('Retrying in 4 s')).toHaveAttribute('aria-live', 'off')
})

test('a time already passed shows what comes after at once', () => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  expect(countdownLine(-1)).toHaveTextContent('Now.')
  expect(vi.getTimerCount()).toBe(0)
})
