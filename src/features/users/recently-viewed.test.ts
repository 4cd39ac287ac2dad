import { describe, expect, test } from 'vitest'
import {
  forgetViewedUsers,
  RECENTLY_VIEWED_LIMIT,
  rememberViewedUser,
  useRecentlyViewedUserIds,
} from './recently-viewed'
import { renderHook, act } from '@testing-library/react'

describe('recently viewed users', () => {
  test('lists the most recent first, each user once, and keeps only ids in sessionStorage', () => {
    const { result } = renderHook(() => useRecentlyViewedUserIds())
    act(() => {
      rememberViewedUser('auth0|a')
      rememberViewedUser('samlp|acme/b?c#d%e')
      rememberViewedUser('auth0|a')
    })
    expect(result.current).toEqual(['auth0|a', 'samlp|acme/b?c#d%e'])
    expect(JSON.parse(sessionStorage.getItem('orgscope.recentlyViewedUserIds') ?? '')).toEqual([
      'auth0|a',
      'samlp|acme/b?c#d%e',
    ])
    expect(localStorage.length).toBe(0)
  })

  test(`keeps the last ${RECENTLY_VIEWED_LIMIT}`, () => {
    for (let i = 0; i < RECENTLY_VIEWED_LIMIT + 3; i++) rememberViewedUser(`auth0|${i}`)
    const { result } = renderHook(() => useRecentlyViewedUserIds())
    expect(result.current).toHaveLength(RECENTLY_VIEWED_LIMIT)
    expect(result.current[0]).toBe(`auth0|${RECENTLY_VIEWED_LIMIT + 2}`)
  })

  test('a list edited by hand into something else is ignored, not a crash', () => {
    sessionStorage.setItem('orgscope.recentlyViewedUserIds', '{"not":"a list"')
    const { result } = renderHook(() => useRecentlyViewedUserIds())
    expect(result.current).toEqual([])
    act(() => rememberViewedUser('auth0|a'))
    expect(result.current).toEqual(['auth0|a'])
  })

  test('"Clear" forgets them all', () => {
    rememberViewedUser('auth0|a')
    const { result } = renderHook(() => useRecentlyViewedUserIds())
    act(() => forgetViewedUsers())
    expect(result.current).toEqual([])
  })
})
