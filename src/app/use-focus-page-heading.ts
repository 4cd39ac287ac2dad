import { useEffect } from 'react'

/**
 * Once the page's heading is there (`ready`), moves keyboard focus to it — unless the admin has
 * already put focus somewhere. After a click or Enter on a link the link is gone and focus falls
 * to the page body; a keyboard or screen-reader user would otherwise start again from the top.
 */
export function useFocusPageHeading(ready: boolean) {
  useEffect(() => {
    if (!ready) return
    const focused = document.activeElement
    if (focused && focused !== document.body) return
    const heading = document.querySelector<HTMLElement>('main h1')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: true })
  }, [ready])
}
