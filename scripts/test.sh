#!/usr/bin/env bash
# `npm test`: everything that defines green, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh

run() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; "$@"; }
run npx tsc -p .
run npx eslint . --max-warnings 0
run npx prettier --check . --log-level warn
run npx vitest run
run npx tsx scripts/check-bundle-size.ts
run npx playwright test
