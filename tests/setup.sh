#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine; quiet, and safe to re-run.
#   1. Debian's Chromium at /usr/bin/chromium, which the browser tests drive through Playwright
#      (Playwright's own browser downloads are not used: `playwright install` is never run).
#   2. axe-core, pinned in tests/browser/package-lock.json, into tests/browser/node_modules/.
#   3. The virtual environment .venv with the package and its test extra (pytest, ruff, mypy,
#      playwright), with ruff, mypy and their type stubs held to tests/constraints.txt.
# Then run the tests with: .venv/bin/python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium

fail() {
  echo "tests/setup.sh: $*" >&2
  exit 1
}

# --- 1. Chromium ----------------------------------------------------------------------------
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    fail "$CHROMIUM is missing and installing Debian's chromium package needs root (or sudo)."
  fi
  command -v apt-get >/dev/null 2>&1 \
    || fail "$CHROMIUM is missing and there is no apt-get to install Debian's chromium package."
  echo "Installing Debian's chromium package and a font for it (once)..."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  [ -x "$CHROMIUM" ] || fail "installed the chromium package, yet $CHROMIUM is still missing."
fi

# --- 2. axe-core from the npm registry -------------------------------------------------------
command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js and npm first."
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null

# --- 3. Python virtual environment -------------------------------------------------------
[ -x .venv/bin/python ] || python3 -m venv .venv
# The distribution was called "playbook" before it took a name of its own on the package index.
.venv/bin/pip uninstall -y -q playbook >/dev/null 2>&1 || true
# The code checkers at the exact releases in tests/constraints.txt.
.venv/bin/pip install -q -c tests/constraints.txt -e '.[test,zensical]'
