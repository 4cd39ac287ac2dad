import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import type { FaultsOptions } from './e2e/support/faults'
import { portsOf } from './server/local-environment/ports'

// Three apps, each by `npm start` on ports of its own from the one port plan (E2E_PORT_OFFSET
// moves them all): the main run goes through the proxy (npm start's default); a second app runs
// in direct mode; a third, through the proxy too, has a tenant whose fault switches
// e2e/faults.spec.ts flips, on its own so no other spec meets a fault.
const ports = portsOf('e2e')
const directPorts = portsOf('e2eDirect')
const faultsPorts = portsOf('e2eFaults')
const appOrigin = `http://127.0.0.1:${ports.app}`
const directAppOrigin = `http://127.0.0.1:${directPorts.app}`
const faultsAppOrigin = `http://127.0.0.1:${faultsPorts.app}`
/** Fault specs time the proxy out on purpose: a short wait keeps them quick (default 10 s). */
const FAULTS_PROXY_TIMEOUT_MS = 2000

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

export default defineConfig<FaultsOptions>({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One browser at a time: beside three dev servers, a second one on this 2-core machine made
  // sign-ins and reloads take 10-20 s and pages miss their 10 s to appear.
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // A 2-core machine running three apps and two browsers: give a screen up to 10 s to appear,
  // and a journey (a sign-in through the tenant, then several screens) a minute.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appOrigin,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'warm-up', testMatch: /warm-up\.setup\.ts/, use: { ...browser } },
    {
      name: 'sign-in',
      dependencies: ['warm-up'],
      testMatch: /auth\.setup\.ts/,
      use: { ...browser },
    },
    {
      name: 'chromium',
      dependencies: ['sign-in'],
      testIgnore: /direct-mode\.spec\.ts|faults\.spec\.ts/,
      use: { ...browser },
    },
    {
      name: 'direct',
      dependencies: ['warm-up'],
      testMatch: /direct-mode\.spec\.ts/,
      use: {
        ...browser,
        baseURL: directAppOrigin,
        faultsTenantOrigin: `http://127.0.0.1:${directPorts.tenant}`,
      },
    },
    {
      // One test at a time: a switch may touch every user of this tenant.
      name: 'faults',
      dependencies: ['warm-up'],
      testMatch: /faults\.spec\.ts/,
      fullyParallel: false,
      use: {
        ...browser,
        baseURL: faultsAppOrigin,
        faultsTenantOrigin: `http://127.0.0.1:${faultsPorts.tenant}`,
      },
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
        // Only user-scoped switches here: direct-mode.spec.ts runs alongside.
        LOCAL_TENANT_FAULTS: '1',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npx tsx scripts/start.ts',
      url: faultsAppOrigin,
      env: {
        TENANT_PORT: String(faultsPorts.tenant),
        PROXY_PORT: String(faultsPorts.proxy),
        APP_PORT: String(faultsPorts.app),
        LOCAL_TENANT_FAULTS: '1',
        UPSTREAM_TIMEOUT_MS: String(FAULTS_PROXY_TIMEOUT_MS),
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
