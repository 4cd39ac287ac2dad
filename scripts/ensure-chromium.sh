#!/usr/bin/env bash
# Playwright may not download its own browsers on this network: the e2e tests use Debian's
# Chromium. Install it when it is missing and we can (root with apt-get); otherwise say how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The end-to-end tests need Chromium at $chromium_path (Debian: apt-get install chromium)," >&2
  echo "or set CHROMIUM_PATH to another Chromium binary." >&2
  exit 1
fi
