import { expect, type Locator, type Page } from '@playwright/test'

/** How the focused element looks, and whether a person could tell it has the focus. */
interface FocusLook {
  /** `tag[role] "name"`, for failure messages. */
  element: string
  visibleIndicator: boolean
  styles: Record<string, string>
}

/**
 * Reads the focused element's computed style. A focus indicator is an outline or a box-shadow;
 * for a text field, Mantine's focused border in the primary colour counts too (its own ring).
 */
async function focusLook(page: Page): Promise<FocusLook | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!(element instanceof HTMLElement) || element === document.body) return undefined
    const style = getComputedStyle(element)
    const probe = document.createElement('span')
    probe.style.color = 'var(--mantine-primary-color-filled)'
    document.body.append(probe)
    const primary = getComputedStyle(probe).color
    probe.remove()

    const transparent = (color: string) =>
      /^rgba\(.*,\s*0\)$/.test(color) || color === 'transparent'
    const outline =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) > 0 &&
      !transparent(style.outlineColor)
    const shadow = style.boxShadow !== 'none'
    const textField = element.matches('input:not([type=checkbox]):not([type=radio]), textarea')
    const border = textField && style.borderTopColor === primary
    const rect = element.getBoundingClientRect()
    const name =
      element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
    const role = element.getAttribute('role')
    return {
      element: `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} "${name}"`,
      visibleIndicator: rect.width > 0 && rect.height > 0 && (outline || shadow || border),
      styles: {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        borderColor: style.borderTopColor,
        primary,
      },
    }
  })
}

/** Something has the keyboard focus, and it shows (an outline, a ring or a focused border). */
async function assertVisibleFocus(page: Page) {
  // Polled: Mantine eases a field's border into the focus colour over ~100 ms.
  await expect
    .poll(() => focusLook(page), { message: 'a focused element with a visible focus indicator' })
    .toMatchObject({ visibleIndicator: true })
}

/** `target` has the focus, and it shows. */
export async function assertFocusedVisibly(page: Page, target: Locator) {
  await expect(target).toBeFocused()
  await assertVisibleFocus(page)
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking at every stop on the way that
 * the focus is visible. Fails if `target` is not reached within `maxStops` presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, maxStops = 25 }: { backwards?: boolean; maxStops?: number } = {},
) {
  const key = backwards ? 'Shift+Tab' : 'Tab'
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press(key)
    await assertVisibleFocus(page)
    if (await target.evaluate((element) => element === document.activeElement)) return
  }
  throw new Error(`${key} never reached ${target.toString()} in ${maxStops} stops`)
}
