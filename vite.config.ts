import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { loadEnv } from 'vite'
import { defineConfig } from 'vitest/config'
import { BASE_SECURITY_HEADERS, spaSecurityHeaders } from './server/proxy/security-headers.ts'
import { originOfDomain } from './src/lib/tenant-domain.ts'

/** Where the SPA's API calls go, as a CSP source: the default is the tenant's Management API. */
function apiSourceOf(baseUrl: string | undefined, tenantOrigin: string): string {
  const value = baseUrl?.trim() ?? ''
  if (value === '') return tenantOrigin
  if (value.startsWith('/') && !value.startsWith('//')) return "'self'"
  try {
    return new URL(value).origin
  } catch {
    // The app refuses such a value at start-up and calls nothing.
    return tenantOrigin
  }
}

/**
 * `vite preview` serves the production build with the proxy's headers: a CSP that lets the page
 * reach only the tenant and the API the build was made for, read from the same VITE_* variables
 * (.env files and the environment) the build reads. Without a tenant the app shows its
 * configuration screen, which calls and frames nothing.
 */
function previewSecurityHeaders(env: Record<string, string>): Record<string, string> {
  const tenantOrigin = originOfDomain(env.VITE_AUTH0_DOMAIN ?? '')
  if (tenantOrigin === undefined) {
    return {
      ...BASE_SECURITY_HEADERS,
      'Content-Security-Policy': [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
    }
  }
  return spaSecurityHeaders(tenantOrigin, apiSourceOf(env.VITE_API_BASE_URL, tenantOrigin))
}

/** The release an evidence pack names as its tool version: package.json's, fixed at build time. */
const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string
}

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: { __ORGSCOPE_VERSION__: JSON.stringify(version) },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    strictPort: true,
    // Transform the lazy pages at start, not on the first visit: a cold page otherwise takes
    // seconds on a small machine.
    warmup: { clientFiles: ['./src/main.tsx', './src/app/**/*.tsx'] },
  },
  preview: {
    host: '127.0.0.1',
    strictPort: true,
    headers: previewSecurityHeaders(loadEnv(mode, process.cwd(), 'VITE_')),
  },
  // The entry holds react-dom and the Auth0 SDK (~580 kB raw). What counts is gzip bytes, which
  // scripts/check-bundle-size.ts holds to bench/budgets.json in every test run.
  build: { chunkSizeWarningLimit: 700 },
  test: {
    // Two worlds: the SPA runs in a DOM, the servers run in plain Node.
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.ts'] },
      },
    ],
  },
}))
