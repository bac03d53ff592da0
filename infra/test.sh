#!/usr/bin/env bash
# Runs every test: database isolation, services, architecture rules and the browser tests
# (Playwright in Debian's Chromium). Prepares the database first; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "The browser tests need Debian's Chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
bash infra/db-setup.sh
exec ./mvnw -B verify
