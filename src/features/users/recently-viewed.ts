import { useSyncExternalStore } from 'react'

/**
 * The users this admin opened in this browser tab, most recent first. Kept in sessionStorage
 * (gone when the tab closes) and only as user ids: names and emails are tenant data, shown from
 * the query cache while it still holds them, never written to storage.
 */
const STORAGE_KEY = 'orgscope.recentlyViewedUserIds'
export const RECENTLY_VIEWED_LIMIT = 8

const listeners = new Set<() => void>()
/** The last stored text and its parsed ids: the same array until the text changes. */
let cached: { raw: string | null; ids: readonly string[] } = { raw: null, ids: [] }

function readRaw(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage blocked: no history rather than a broken page.
    return null
  }
}

function parse(raw: string | null): readonly string[] {
  try {
    const stored: unknown = JSON.parse(raw ?? '[]')
    return Array.isArray(stored)
      ? stored.filter((id): id is string => typeof id === 'string').slice(0, RECENTLY_VIEWED_LIMIT)
      : []
  } catch {
    // Edited by hand: start again.
    return []
  }
}

function getSnapshot(): readonly string[] {
  const raw = readRaw()
  if (raw !== cached.raw) cached = { raw, ids: parse(raw) }
  return cached.ids
}

function write(ids: readonly string[]): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(ids))
  } catch {
    // Storage full or blocked: nothing to remember with.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Puts `userId` first, once. */
export function rememberViewedUser(userId: string): void {
  const ids = getSnapshot()
  if (ids[0] === userId) return
  write([userId, ...ids.filter((id) => id !== userId)].slice(0, RECENTLY_VIEWED_LIMIT))
}

export function forgetViewedUsers(): void {
  write([])
}

export function useRecentlyViewedUserIds(): readonly string[] {
  return useSyncExternalStore(subscribe, getSnapshot)
}
