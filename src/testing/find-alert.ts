import { screen, waitFor } from '@testing-library/react'

/**
 * The alert holding `text`, once it shows. Waited for, not taken from the first alerts to show:
 * a page's requests go out together, and any of them may answer first.
 */
export function findAlert(text: string | RegExp, timeout = 5000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const alert = screen
        .queryAllByRole('alert')
        .find((element) =>
          typeof text === 'string'
            ? element.textContent?.includes(text)
            : text.test(element.textContent ?? ''),
        )
      if (!alert) throw new Error(`No alert holds ${String(text)}`)
      return alert
    },
    { timeout },
  )
}
