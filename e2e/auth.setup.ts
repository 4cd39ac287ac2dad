import { test as setup } from '@playwright/test'
import { ADA, goToSignedIn, MO, RAE, SAM, storageStateFor } from './support/auth'

// Sign each admin in once; specs start from the saved tenant session and the SDK's
// is-authenticated cookie, so the app signs them in silently as after any reload.
for (const admin of [ADA, SAM, RAE, MO]) {
  setup(`sign in ${admin.email}`, async ({ page }) => {
    await goToSignedIn(page, '/', admin)
    await page.context().storageState({ path: storageStateFor(admin) })
  })
}
