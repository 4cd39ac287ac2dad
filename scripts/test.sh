#!/usr/bin/env bash
# `npm test`: everything that defines green, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
run() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; "$@"; }

run npx tsc -p .
run npx eslint . --max-warnings 0
run npx prettier --check . --log-level warn
run npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
run npx tsx scripts/check-bundle-size.ts
run env PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/playwright.json" \
  npx playwright test --reporter=list,json
npx tsx scripts/summarize-tests.ts "$reports/vitest.json" "$reports/playwright.json"
