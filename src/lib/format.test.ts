import { describe, expect, test } from 'vitest'
import { formatClockTime, formatDateTimeWithZone, formatDuration, formatNumber } from './format'

describe('formatNumber', () => {
  test('groups thousands with commas', () => {
    expect(formatNumber(1234)).toBe('1,234')
    expect(formatNumber(0)).toBe('0')
  })
})

describe('formatDuration', () => {
  test.each([
    [30, '30 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [15_000, '15 s'],
    [59_400, '59 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
    [3_600_000, '1 h'],
    [3_780_000, '1 h 3 min'],
    [-5, '0 ms'],
    [Number.NaN, '0 ms'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('formatClockTime', () => {
  test('uses the 24-hour clock with seconds', () => {
    expect(formatClockTime(new Date(2026, 0, 1, 14, 2, 9))).toBe('14:02:09')
  })
})

describe('formatDateTimeWithZone', () => {
  const instant = new Date('2026-12-07T22:40:12.345Z')

  test('gives the date, the 24-hour time with seconds and the zone as an offset', () => {
    expect(formatDateTimeWithZone(instant, 'Europe/Berlin')).toBe('7 Dec 2026, 23:40:12 GMT+1')
    expect(formatDateTimeWithZone(instant, 'America/New_York')).toBe('7 Dec 2026, 17:40:12 GMT-5')
  })

  test('names the day in the zone, which may not be the UTC day', () => {
    expect(formatDateTimeWithZone(instant, 'Asia/Tokyo')).toBe('8 Dec 2026, 07:40:12 GMT+9')
  })
})
