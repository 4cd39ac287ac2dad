import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Ports apart from npm start's defaults, so a developer's running app never answers the tests.
// The main run goes through the proxy (npm start's default); a second app runs in direct mode.
// E2E_PORT_OFFSET lets several runs share one machine.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0)
const ports = { tenant: 4110 + offset, proxy: 4120 + offset, app: 5273 + offset }
const directPorts = { tenant: 4111 + offset, app: 5274 + offset }
const appOrigin = `http://127.0.0.1:${ports.app}`
const directAppOrigin = `http://127.0.0.1:${directPorts.app}`

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
      testIgnore: /direct-mode\.spec\.ts/,
      use: { ...browser },
    },
    {
      name: 'direct',
      testMatch: /direct-mode\.spec\.ts/,
      use: { ...browser, baseURL: directAppOrigin },
    },
  ],
  webServer: [
    {
      command: 'npx tsx scripts/start.ts',
      url: appOrigin,
      env: {
        TENANT_PORT: String(ports.tenant),
        PROXY_PORT: String(ports.proxy),
        APP_PORT: String(ports.app),
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npx tsx scripts/start.ts',
      url: directAppOrigin,
      env: {
        ORGSCOPE_MODE: 'direct',
        TENANT_PORT: String(directPorts.tenant),
        APP_PORT: String(directPorts.app),
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
