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

/**
 * The largest whole unit that fits: 26 hours is "yesterday", 3 weeks "3 weeks ago". Under a minute
 * it says "just now" — seconds would only tick distractingly beside a last login — unless
 * `seconds` asks for them, as "As of …" on a list does: "40 seconds ago" (still "just now" under 5).
 */
export function formatRelativeTime(
  date: Date,
  now: number,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  const elapsed = date.getTime() - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relativeFormat.format(Math.trunc(elapsed / size), unit)
  }
  const wholeSeconds = Math.trunc(elapsed / 1000)
  return seconds && Math.abs(wholeSeconds) >= 5
    ? relativeFormat.format(wholeSeconds, 'second')
    : 'just now'
}

const zonedDateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'long',
})

/**
 * "Mar 4, 2026, 11:20:31 AM GMT+1 (2026-03-04 10:20:31 UTC)": the local date, time and zone, and
 * the same instant in UTC, for records an auditor compares across time zones.
 */
export function formatDateTimeWithUtc(date: Date): string {
  const utc = date.toISOString()
  return `${zonedDateTimeFormat.format(date)} (${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC)`
}

/** "Jun 30, 2025, 2:00 PM" in the admin's time zone: the tooltip beside a relative time. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date)
}
