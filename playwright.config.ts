import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Ports apart from npm start's defaults, so a developer's running app never answers the tests.
const tenantPort = 4110
const appPort = 5273
const appOrigin = `http://127.0.0.1:${appPort}`

// Playwright may not download browsers here: use Debian's Chromium (scripts/test.sh installs it).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    // The machine has no network: keep Chromium from phoning home at every start.
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: appOrigin,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts/, use: { ...browser } },
    {
      name: 'chromium',
      dependencies: ['sign-in'],
      use: { ...browser },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: appOrigin,
    env: { TENANT_PORT: String(tenantPort), APP_PORT: String(appPort) },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
