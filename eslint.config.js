import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import testingLibrary from 'eslint-plugin-testing-library'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist', 'dist-proxy', 'coverage', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Import cycles fail the lint: whatever two modules share moves down into a third. Type-only
    // imports are erased at build time and do not count. The plugin's own resolver reads
    // tsconfig.json for the `@/` paths.
    plugins: { 'import-x': importX },
    settings: {
      // Which files it parses to follow imports (its default is JavaScript only).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          tsconfig: { configFile: `${import.meta.dirname}/tsconfig.json` },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    // Shared code never reaches into features; features never reach into each other or the app.
    files: ['src/lib/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', '@/app/*'],
              message: 'Shared code must not import features or the app.',
            },
          ],
        },
      ],
    },
  },
  // Features never import the app layer, and another feature only through its `api.ts` (its
  // query factories and what it offers others); pages in src/app compose their components. The
  // auth feature is the exception every feature may use: it owns the token seam (docs/design.md).
  ...['users', 'organizations', 'auth', 'review', 'evidence'].map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*'], message: 'Features must not import the app layer.' },
            {
              group: [
                ...new Set([
                  '@/features/*/**',
                  '!@/features/*/api',
                  '!@/features/auth/**',
                  `!@/features/${feature}/**`,
                ]),
              ],
              message:
                'A feature uses another only through its api.ts; compose their components in a page in src/app.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The layers between the SPA, the proxy and the local tenant, checked on resolved paths (so
    // relative imports count too). Tests and the testing/ kits are exempt: composing the real
    // pieces is their job.
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            // In production the proxy talks to Auth0, so it may know the stand-in only over HTTP,
            // and the stand-in, like Auth0, knows nothing of the proxy. server/local-environment/
            // is in neither zone on purpose: it composes the two for npm start, e2e and the bench
            // (development only; the proxy's production entry is server/proxy/main.ts).
            {
              target: 'server/proxy',
              from: 'server/local-tenant',
              message: 'The proxy must not import the local tenant; tests use the testing/ kits.',
            },
            {
              target: 'server/local-tenant',
              from: 'server/proxy',
              message: 'The local tenant stands in for Auth0 and must not import the proxy.',
            },
            {
              target: 'src',
              from: 'server',
              message: 'The SPA ships to browsers; only its tests and src/testing reach server/.',
            },
            {
              target: '.',
              from: '{src,server}/**/testing/**',
              message: 'Test kits are for tests (*.test.ts) and other kits only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: ['e2e/**/*.ts'],
    // Specs read as scenarios: helper verbs named assert* hold the expectations.
    rules: {
      'playwright/expect-expect': [
        'error',
        { assertFunctionPatterns: ['^assert', '^goToSignedIn$'] },
      ],
    },
  },
  {
    // Servers and scripts report on stdout by design (start-up banners, the audit log).
    files: ['server/**/main.ts', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
)
