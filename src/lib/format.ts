// Small, locale-stable formatters. The UI is written in English, so numbers use en-US grouping
// ("1,234") whatever the browser locale; clock times use the 24-hour clock.

const numberFormat = new Intl.NumberFormat('en-US')

/** 1234 → "1,234". */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** A count and what it counts: "1 user", "1,234 users"; `many` where adding "s" is wrong. */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`
}

/**
 * A duration for people: "250 ms", "4 s", "1.5 s", "2 min 5 s", "1 h 3 min".
 * Negative or non-finite input is treated as zero.
 */
export function formatDuration(milliseconds: number): string {
  const ms = Number.isFinite(milliseconds) ? Math.max(0, milliseconds) : 0
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10
    return `${seconds >= 10 ? Math.round(seconds) : seconds} s`
  }
  const totalSeconds = Math.round(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`
}

/** The local wall-clock time of a date, "14:02:09". */
export function formatClockTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

const dateTimeWithZoneOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'shortOffset',
}

/**
 * A moment people can place without guessing the day or the zone: "7 Dec 2026, 23:40:12 GMT+1",
 * in the browser's time zone (or `timeZone`). A page open since yesterday, or a screenshot sent
 * to another office, still says exactly when. (Pair it with the ISO UTC instant where it is
 * evidence.)
 */
export function formatDateTimeWithZone(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { ...dateTimeWithZoneOptions, timeZone }).format(date)
}

/** “acme”, with typographic quotes so typed text reads as quoted, whatever it holds. */
export function quoted(text: string): string {
  return `\u201c${text}\u201d`
}
