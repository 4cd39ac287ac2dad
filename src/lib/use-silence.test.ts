import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useSilence } from './use-silence'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

const tick = (ms: number) => act(() => void vi.advanceTimersByTime(ms))

describe('useSilence', () => {
  test('is undefined while nothing is awaited', () => {
    const { result } = renderHook(() => useSilence(undefined))
    tick(20_000)
    expect(result.current).toBeUndefined()
  })

  test('counts the time since the last progress, and starts again when progress is made', () => {
    const { result, rerender } = renderHook(({ progress }) => useSilence(progress), {
      initialProps: { progress: 'page 1' },
    })
    tick(5_000)
    expect(result.current).toBe(5_000)

    rerender({ progress: 'page 2' })
    expect(result.current).toBe(0)
    tick(3_000)
    expect(result.current).toBe(3_000)
  })

  test('does not count a wait the load announced (a retry at a known time)', () => {
    const retryAt = Date.now() + 10_000
    const { result } = renderHook(() => useSilence('waiting for the reset', retryAt))
    tick(10_000)
    expect(result.current).toBe(0)
    tick(4_000)
    expect(result.current).toBe(4_000)
  })
})
