import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { format } from 'node:util'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { discardAllReviews } from '@/features/organizations/access-review/review-store'
import { faults, server } from './server'

// --- jsdom gaps that Mantine relies on -------------------------------------------------------

// Mantine's color-scheme and media hooks subscribe to matchMedia; jsdom has none.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})

// Popover/Menu positioning (floating-ui) and ScrollArea observe element sizes.
class NoopResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoopResizeObserver

// Menus and comboboxes scroll the active item into view.
window.HTMLElement.prototype.scrollIntoView = () => {}

// Each test starts in a fresh tab: nothing remembered (recently viewed users, the theme, reviews
// in progress).
afterEach(async () => {
  sessionStorage.clear()
  localStorage.clear()
  await discardAllReviews()
})

// --- the network: the local tenant behind MSW ------------------------------------------------

// An unmocked request is a bug in the test or the code, never something to let through.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  faults.reset()
})
afterAll(() => server.close())

// --- a test that logs console.error fails ----------------------------------------------------

// React reports act() warnings, bad props and caught render errors through console.error; a test
// that triggers one is hiding a bug even if its assertions pass. The failure quotes what was
// logged, formatted as the console would (React logs printf-style: "%s").
let consoleErrors: string[] = []
let restoreConsoleError = () => {}
beforeEach(() => {
  consoleErrors = []
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(format(...args))
  })
  restoreConsoleError = () => spy.mockRestore()
})

afterEach(() => {
  // Unmount first: errors logged while unmounting belong to this test too.
  cleanup()
  const logged = consoleErrors
  consoleErrors = []
  restoreConsoleError()
  if (logged.length > 0) {
    const summary = logged.join('\n---\n')
    throw new Error(
      `console.error was called ${logged.length} time(s) during this test:\n${summary}`,
    )
  }
})
