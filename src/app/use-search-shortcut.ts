import { useEffect } from 'react'
import { useLocation } from 'wouter'
import { SEARCH_INPUT_ID } from '@/features/users/components/search-box'
import { toSearch } from '@/lib/routes'

/** Typing into a field: "/" is a character there, not a shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * "/" focuses the user search from any signed-in page, as in GitHub or Gmail: on the search page
 * it selects what is typed; elsewhere it opens the search page, whose box takes focus itself.
 */
export function useSearchShortcut(): void {
  const [, navigate] = useLocation()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.defaultPrevented || isEditable(event.target)) return
      event.preventDefault()
      const input = document.getElementById(SEARCH_INPUT_ID)
      if (input instanceof HTMLInputElement) {
        input.focus()
        input.select()
      } else {
        navigate(toSearch())
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [navigate])
}
