import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useLocation, useSearch } from 'wouter'
import { readSearchRoute, toSearch, type SearchRouteParams } from '@/lib/routes'

/** Long enough to skip the requests of a word being typed, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 250

export interface SearchRoute {
  /** What the box shows right now (ahead of the URL while the debounce runs). */
  text: string
  /** What the URL holds: the query the results are for. */
  q: string
  advanced: boolean
  page: number
  setText: (text: string) => void
  /** Enter: search for what is typed without waiting for the debounce. */
  searchNow: () => void
  setAdvanced: (advanced: boolean) => void
  setPage: (page: number) => void
  /** Replaces the text and searches at once (an example was picked). */
  fill: (text: string, advanced: boolean) => void
  /**
   * Opens another page (a user): the typed text is written first, so Back returns to it, and no
   * debounced write can fire afterwards and pull the admin back to search.
   */
  leaveTo: (path: string) => void
}

/**
 * The search box's state, kept in the URL (`?q=…&advanced=1&page=2`) so a reload, a shared link
 * or Back from a user restores the same results. Typing updates the URL with replaceState after a
 * debounce: the history gets no entry per keystroke, and the query runs once per pause.
 */
export function useSearchRoute(): SearchRoute {
  const [, navigate] = useLocation()
  const route = readSearchRoute(useSearch())

  const [text, setTextState] = useState(route.q)
  // The URL can change without us (the header's home link, Back): the box must follow it, but
  // not when the change is our own debounced write arriving while the admin types on — that
  // would drop the keystrokes made in between.
  const [seenQ, setSeenQ] = useState(route.q)
  const [ownWrite, setOwnWrite] = useState<string | null>(null)
  if (route.q !== seenQ) {
    setSeenQ(route.q)
    setOwnWrite(null)
    if (route.q !== ownWrite) setTextState(route.q)
  }

  const write = (params: SearchRouteParams) => {
    setOwnWrite(params.q ?? '')
    navigate(toSearch(params), { replace: true })
  }
  const writeLater = useDebouncedCallback(write, SEARCH_DEBOUNCE_MS)

  return {
    text,
    q: route.q,
    advanced: route.advanced,
    page: route.page,
    setText: (next) => {
      setTextState(next)
      // A new query starts on its first page.
      writeLater({ q: next, advanced: route.advanced })
    },
    searchNow: () => writeLater.flush(),
    setAdvanced: (advanced) => {
      writeLater.cancel()
      write({ q: text, advanced })
    },
    // Pages belong to the results on screen (the URL's query), even while newer text waits.
    setPage: (page) => write({ q: route.q, advanced: route.advanced, page }),
    fill: (next, advanced) => {
      writeLater.cancel()
      setTextState(next)
      write({ q: next, advanced })
    },
    leaveTo: (path) => {
      writeLater.flush()
      navigate(path)
    },
  }
}
