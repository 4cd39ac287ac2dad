// English, locale-stable wording (like src/lib/format.ts): "3 days ago", "in 2 hours", "now".
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' })
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
})

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** The largest whole unit that fits: 26 hours is "yesterday", 3 weeks "3 weeks ago". */
export function formatRelativeTime(date: Date, now: number): string {
  const elapsed = date.getTime() - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relativeFormat.format(Math.trunc(elapsed / size), unit)
  }
  // Under a minute, seconds would only tick distractingly.
  return 'just now'
}

/** "Jun 30, 2025, 2:00 PM" in the admin's time zone: the tooltip beside a relative time. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date)
}
