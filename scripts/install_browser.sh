#!/usr/bin/env bash
# Chromium for the browser tests (tests/browser), from the system's packages: Playwright's own
# browser download (`playwright install`) needs a CDN that CI machines may not reach, and the
# Python side (playwright) comes from requirements.txt. Idempotent; never fails the caller:
# where it cannot install, the browser tests skip and say why.
set -euo pipefail

if [ -x /usr/bin/chromium ] || [ -n "${CHARTFN_CHROMIUM:-}" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: installing Chromium for the browser tests (apt-get install chromium)" >&2
  # waits for another apt/dpkg run to finish instead of failing on its lock
  if apt-get -o DPkg::Lock::Timeout=300 update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      chromium >/dev/null; then
    exit 0
  fi
  echo "install_browser: apt-get could not install chromium; the browser tests will fail" >&2
  exit 0
fi
echo "install_browser: no /usr/bin/chromium and cannot install it here (needs root and apt-get);" \
  "install Chromium or set CHARTFN_CHROMIUM=/path/to/chromium, else tests/browser skip" >&2
exit 0
