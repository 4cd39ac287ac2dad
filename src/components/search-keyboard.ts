import type { KeyboardEvent } from 'react'

/**
 * Keyboard movement between the search box and the results ("roving focus"): the results are
 * real links, so focus moves to them and Enter follows them natively, with no
 * aria-activedescendant bookkeeping. Items are found by this attribute, in document order.
 */
export const SEARCH_ITEM_ATTRIBUTE = 'data-search-item'

/** Layout of every item the arrow keys reach (inline: a stylesheet costs the CSS budget). */
export const RESULT_LINK = {
  display: 'flex',
  gap: 12,
  padding: '8px 12px',
  color: 'inherit',
  textDecoration: 'none',
  borderRadius: 4,
} as const

/** The line between two items of a results list. */
export const RESULT_DIVIDER = { borderTop: '1px solid var(--mantine-color-default-border)' }

function itemsIn(container: HTMLElement | null): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(`[${SEARCH_ITEM_ATTRIBUTE}]`)] : []
}

/** From the box: ArrowDown focuses the first result. True when the key was handled. */
export function enterResults(event: KeyboardEvent, container: HTMLElement | null): boolean {
  if (event.key !== 'ArrowDown') return false
  const first = itemsIn(container)[0]
  if (!first) return false
  event.preventDefault()
  first.focus()
  return true
}

const isTyping = (event: KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey

/**
 * Within the results: ArrowUp/ArrowDown/Home/End move; ArrowUp from the first item, Escape or
 * typing a character go back to the box (the character lands there, since focus moves before the
 * browser inserts it).
 */
export function moveWithinResults(
  event: KeyboardEvent<HTMLElement>,
  input: HTMLInputElement | null,
): void {
  const items = itemsIn(event.currentTarget)
  const index = items.findIndex((item) => item === document.activeElement)
  if (index === -1) return
  let target: HTMLElement | null | undefined
  switch (event.key) {
    case 'ArrowDown':
      target = items[Math.min(index + 1, items.length - 1)]
      break
    case 'ArrowUp':
      target = index === 0 ? input : items[index - 1]
      break
    case 'Home':
      target = items[0]
      break
    case 'End':
      target = items[items.length - 1]
      break
    case 'Escape':
      target = input
      break
    default:
      if (isTyping(event)) input?.focus()
      return
  }
  if (!target) return
  event.preventDefault()
  target.focus()
}
