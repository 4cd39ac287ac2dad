import type { KnipConfig } from 'knip'

// `npx knip` (in `npm test`): unused files, exports and dependencies fail the build. Knip's own
// plugins find most entry points — Vite (index.html → src/main.tsx), Vitest (*.test.ts(x) and
// the setup file), Playwright (e2e/*.spec.ts), ESLint, Prettier, and the package.json scripts
// (the tenant, the proxy, npm start, the bench). What they cannot see is listed here.
const config: KnipConfig = {
  // scripts/test.sh runs these; knip does not read shell scripts.
  entry: ['scripts/*.ts'],
  project: [
    'src/**/*.{ts,tsx}',
    'server/**/*.ts',
    'e2e/**/*.ts',
    'scripts/**/*.ts',
    'bench/**/*.ts',
  ],
  // playwright.config.ts picks auth.setup.ts with a RegExp `testMatch`, which knip cannot read.
  playwright: { entry: ['e2e/**/*.@(spec|setup).ts'] },
  // A value exported but used only in its own file is dead API; a type or interface exported
  // beside the function whose signature uses it is not.
  ignoreExportsUsedInFile: { interface: true, type: true },
}

export default config
