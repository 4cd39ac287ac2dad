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
# Unused files, exports and dependencies (knip.json says what the entry points are).
run npx knip
run npx prettier --check . --log-level warn
# Production dependencies with a high or critical advisory fail the run. A registry that answers
# no audit at all (this machine's answers 405) can say neither yes nor no: that is printed loudly
# and does not fail the run, as audit-ci's --pass-enoaudit does.
audit() {
  local report
  report=$(npm audit --omit=dev --audit-level=high 2>&1) && { printf '%s\n' "$report"; return; }
  printf '%s\n' "$report"
  grep -q 'audit endpoint returned an error' <<<"$report" || return 1
  printf '\033[1;33m⚠ npm audit did not run: the registry offers no advisory endpoint here.\033[0m\n'
}
run audit
run npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
run npx tsx scripts/check-bundle-size.ts
# The production image (Dockerfile) is built wherever a Docker engine runs. Without one that is
# said loudly and does not fail the run; the proxy bundle the image runs is still built and
# started on plain node by the unit tests (server/proxy/production-build.test.ts).
image() {
  if ! docker info >/dev/null 2>&1; then
    printf '\033[1;33m⚠ docker build did not run: no Docker engine here. With one: docker build -t orgscope --build-arg VITE_AUTH0_DOMAIN=… --build-arg VITE_AUTH0_CLIENT_ID=… .\033[0m\n'
    return
  fi
  docker build --tag orgscope-proxy:ci \
    --build-arg VITE_AUTH0_DOMAIN=ci.example.com --build-arg VITE_AUTH0_CLIENT_ID=ci .
}
run image
run env PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/playwright.json" \
  npx playwright test --reporter=list,json
npx tsx scripts/summarize-tests.ts "$reports/vitest.json" "$reports/playwright.json"
