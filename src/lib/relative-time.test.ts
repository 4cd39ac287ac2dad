import { describe, expect, it } from 'vitest'
import { formatRelativeTime } from './relative-time'

const NOW = Date.UTC(2025, 5, 30, 12, 0, 0)
const ago = (ms: number) => new Date(NOW - ms)

describe('formatRelativeTime', () => {
  it.each([
    [20_000, 'just now'],
    [5 * 60_000, '5 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [26 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [15 * 86_400_000, '2 weeks ago'],
    [400 * 86_400_000, 'last year'],
    [3 * 365 * 86_400_000, '3 years ago'],
  ])('says %i ms ago as "%s"', (ms, expected) => {
    expect(formatRelativeTime(ago(ms), NOW)).toBe(expected)
  })

  it.each([
    [2_000, 'just now'],
    [5_000, '5 seconds ago'],
    [40_900, '40 seconds ago'],
    [5 * 60_000, '5 minutes ago'],
  ])('with seconds, says %i ms ago as "%s"', (ms, expected) => {
    expect(formatRelativeTime(ago(ms), NOW, { seconds: true })).toBe(expected)
  })

  it('handles dates in the future (a skewed clock)', () => {
    expect(formatRelativeTime(ago(-2 * 3_600_000), NOW)).toBe('in 2 hours')
  })
})
