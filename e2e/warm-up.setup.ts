import { test as setup } from '@playwright/test'
import { portsOf } from '../server/local-environment/ports'
import { ADA, goToSignedIn } from './support/auth'

/**
 * Each dev server's first sign-in, before any journey is timed: a fresh `npm start` transforms
 * and bundles the signed-in app on its first visit, which on a clean checkout and a busy machine
 * takes longer than a screen is given to appear. The journeys then meet the app as a person's
 * second visit does. Every project depends on this one (playwright.config.ts).
 */
const FIRST_VISIT_TIMEOUT_MS = 60_000

for (const set of ['e2e', 'e2eDirect', 'e2eFaults'] as const) {
  setup(`warm up the ${set} app with a first sign-in`, async ({ page }) => {
    setup.setTimeout(2 * FIRST_VISIT_TIMEOUT_MS)
    const origin = `http://127.0.0.1:${portsOf(set).app}`
    await goToSignedIn(page, origin, ADA, { timeout: FIRST_VISIT_TIMEOUT_MS })
  })
}
